"""Tests of the course (package so test module names cannot clash)."""

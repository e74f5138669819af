"""Shared pytest configuration for the course test suite."""

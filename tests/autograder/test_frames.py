"""autograder.frames: length-prefixed frames on a stream socket, over a local socket pair."""

import socket
import threading

import pytest

from autograder.frames import HEADER, FrameTooLarge, read_frame, write_frame


@pytest.fixture
def pair():
    left, right = socket.socketpair()
    yield left, right
    left.close()
    right.close()


def test_frames_arrive_whole_and_in_order(pair):
    left, right = pair
    for body in (b"first", b"", b"\x00" * 3):
        write_frame(left, body)
    assert [read_frame(right) for _ in range(3)] == [b"first", b"", b"\x00" * 3]


def test_a_frame_larger_than_one_receive_is_reassembled(pair):
    left, right = pair
    body = bytes(range(256)) * 12_000  # about 3 MiB: several recv calls
    writer = threading.Thread(target=write_frame, args=(left, body))
    writer.start()
    assert read_frame(right) == body
    writer.join()


def test_a_closed_peer_reads_as_none_even_in_the_middle_of_a_frame(pair):
    left, right = pair
    left.sendall(HEADER.pack(10) + b"short")
    left.close()
    assert read_frame(right) is None
    assert read_frame(right) is None


def test_a_frame_over_the_cap_is_refused_before_its_body_is_read(pair):
    left, right = pair
    left.sendall(HEADER.pack(1_000))
    with pytest.raises(FrameTooLarge, match="a frame of 1000 bytes \\(the cap is 999\\)"):
        read_frame(right, cap=999)

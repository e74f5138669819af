"""Length-prefixed frames on a stream socket: an 8-byte big-endian length, then the body.

The reference oracle (``oracle``) and its relay on a Dask worker (``worker``) speak it; the
sandbox's side of it lives in ``untrusted/recorder.py``, which may import nothing of the course.
"""

import struct

HEADER = struct.Struct(">Q")
MAX_FRAME = 16 * 2**20


class FrameTooLarge(ValueError):
    """A frame announced more than the cap; the connection is closed."""


def read_frame(connection, cap: int = MAX_FRAME) -> bytes | None:
    """The next frame's body, or None when the peer closed the connection."""
    header = _exactly(connection, HEADER.size)
    if header is None:
        return None
    size = HEADER.unpack(header)[0]
    if size > cap:
        raise FrameTooLarge(f"a frame of {size} bytes (the cap is {cap})")
    return _exactly(connection, size)


def write_frame(connection, body: bytes) -> None:
    connection.sendall(HEADER.pack(len(body)) + body)


def _exactly(connection, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = connection.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)

"""Plain data across the sandbox wall: the only form in which values leave (or enter) a grading run.

Both sides use this one module: the sandbox encodes what a student's function returned, the
trusted side decodes it with ``decode`` and believes nothing else. Only these values pass:

    None, bool, int, float, str                       as JSON (NaN and infinities as Python's json)
    {"list": [...], "ref": n}, {"tuple": [...]}        lists and tuples
    {"dict": [[key, value], ...], "ref": n}           dicts with str keys, in order
    {"array": dtype, "shape": [...], "data": b64}     numpy arrays of bool, int, uint or float
    {"scalar": dtype, "data": b64}                    numpy scalars of those dtypes
    {"same": n}                                       the object numbered n again (``v is s``)
    {"function": name}                                a function both sides know by name
    {"refused": what}                                 anything else, described, never rebuilt

Exact types only: an ndarray subclass, a dict subclass or any other object is *refused*, so no
code of the student's can run while the trusted side compares values. Numbering lets a returned
value say that two items are one object, which the checks must see; a container that contains
itself is refused. Sizes are capped on both sides (``Limits``).

This file runs inside the sandbox too: it imports nothing but the standard library and numpy.
"""

import base64
import json
from dataclasses import dataclass

import numpy as np

ALLOWED_DTYPES = frozenset(
    [
        "bool",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "float16",
        "float32",
        "float64",
    ]
)
MAX_INT = 2**63


class PlainDataError(ValueError):
    """The data is not plain data (or is over a limit); the message says where and why."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 64 * 2**20  # encoded size of one value
    max_depth: int = 32
    max_items: int = 1_000_000  # containers and their items, arrays' elements excluded
    max_string: int = 100_000


@dataclass(frozen=True)
class Refused:
    """Decoded stand-in for a value that was not plain data (e.g. ``an ndarray subclass Evil``)."""

    what: str

    def __repr__(self) -> str:
        return f"<not plain data: {self.what}>"


DEFAULT_LIMITS = Limits()


# ------------------------------------------------------------------------------ encoding


def encode(value, *, functions=None, limits: Limits = DEFAULT_LIMITS):
    """The JSON-ready form of ``value``. ``functions`` maps a function object to its name."""
    return _Encoder(functions or {}, limits).encode(value, 0)


def dumps(value, *, functions=None, limits: Limits = DEFAULT_LIMITS) -> str:
    text = json.dumps(encode(value, functions=functions, limits=limits), separators=(",", ":"))
    if len(text) > limits.max_bytes:
        raise PlainDataError(
            f"the value takes {len(text)} bytes, over the cap of {limits.max_bytes}"
        )
    return text


class _Encoder:
    def __init__(self, functions, limits):
        self.functions = {id(f): name for f, name in functions.items()}
        self.limits = limits
        self.numbers = {}  # id(object) -> its number
        self.open = set()  # numbers of containers being encoded (cycle detection)
        self.keep = []  # keeps numbered objects alive so that ids stay unique
        self.items = 0
        self.size = 0

    def encode(self, value, depth):
        self.items += 1
        if depth > self.limits.max_depth or self.items > self.limits.max_items:
            raise PlainDataError("the value is nested too deeply or holds too many items")
        kind = type(value)
        if value is None or kind in (bool, float):
            return value
        if kind is int:
            if not -MAX_INT <= value < MAX_INT:
                raise PlainDataError("an integer is out of the 64-bit range")
            return value
        if kind is str:
            if len(value) > self.limits.max_string:
                raise PlainDataError("a string is too long")
            return value
        if kind is tuple:
            return {"tuple": [self.encode(item, depth + 1) for item in value]}
        if id(value) in self.functions:
            return {"function": self.functions[id(value)]}
        if kind in (list, dict, np.ndarray):
            return self._numbered(value, depth)
        if isinstance(value, np.generic) and kind is np.dtype(kind).type:
            dtype = np.dtype(kind)
            if dtype.name in ALLOWED_DTYPES:
                return {
                    "scalar": dtype.name,
                    "data": _b64(np.asarray(value).astype(dtype.newbyteorder("<")).tobytes()),
                }
        return {"refused": describe_foreign(value)}

    def _numbered(self, value, depth):
        number = self.numbers.get(id(value))
        if number is not None:
            if number in self.open:
                raise PlainDataError("a container contains itself")
            return {"same": number}
        number = len(self.numbers)
        self.numbers[id(value)] = number
        self.keep.append(value)
        if type(value) is np.ndarray:
            return self._array(value, number)
        self.open.add(number)
        try:
            if type(value) is list:
                return {"list": [self.encode(item, depth + 1) for item in value], "ref": number}
            if not all(type(key) is str for key in value):
                return {"refused": "a dict whose keys are not all strings"}
            return {
                "dict": [[key, self.encode(item, depth + 1)] for key, item in value.items()],
                "ref": number,
            }
        finally:
            self.open.discard(number)

    def _array(self, array, number):
        dtype = array.dtype
        if dtype.name not in ALLOWED_DTYPES or dtype.fields is not None:
            return {"refused": f"a numpy array of dtype {dtype.name}"}
        self.size += array.nbytes
        if self.size > self.limits.max_bytes:
            raise PlainDataError(f"the arrays take more than {self.limits.max_bytes} bytes")
        data = np.ascontiguousarray(array, dtype=dtype.newbyteorder("<")).tobytes()
        return {"array": dtype.name, "shape": list(array.shape), "data": _b64(data), "ref": number}


def describe_foreign(value) -> str:
    """What a refused value is, in words safe to show (the type name is capped)."""
    kind = type(value)
    name = str(getattr(kind, "__qualname__", "object"))[:80]
    if isinstance(value, np.ndarray):
        return f"an ndarray subclass {name}"
    if isinstance(value, dict):
        return f"a dict subclass {name}"
    if isinstance(value, (list, tuple)):
        return f"a {kind.__mro__[-2].__name__} subclass {name}"
    if isinstance(value, (int, float, str)):
        return f"a subclass {name} of {kind.__mro__[-2].__name__}"
    if callable(value):
        return f"a function or callable {name}"
    return f"an object of type {name}"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# ------------------------------------------------------------------------------ decoding


def loads(text, *, functions=None, limits: Limits = DEFAULT_LIMITS):
    """Decode the text of one value, refusing anything but plain data (raises PlainDataError)."""
    if len(text) > limits.max_bytes:
        raise PlainDataError(f"{len(text)} bytes, over the cap of {limits.max_bytes}")
    try:
        tree = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise PlainDataError(f"not valid JSON ({type(error).__name__})") from None
    return decode(tree, functions=functions, limits=limits)


def decode(tree, *, functions=None, limits: Limits = DEFAULT_LIMITS):
    """Rebuild a value from its encoded form. ``functions`` maps a name to a function; an
    unknown name is an error. Everything is checked: types, dtypes, shapes, sizes, references."""
    return _Decoder(functions or {}, limits).decode(tree, 0)


class _Decoder:
    def __init__(self, functions, limits):
        self.functions = functions
        self.limits = limits
        self.done = {}  # number -> finished object
        self.pending = set()  # numbers whose object is still being built
        self.items = 0
        self.size = 0

    def decode(self, tree, depth):
        self.items += 1
        if depth > self.limits.max_depth or self.items > self.limits.max_items:
            raise PlainDataError("nested too deeply or too many items")
        if tree is None or type(tree) in (bool, float):
            return tree
        if type(tree) is int:
            if not -MAX_INT <= tree < MAX_INT:
                raise PlainDataError("an integer is out of the 64-bit range")
            return tree
        if type(tree) is str:
            if len(tree) > self.limits.max_string:
                raise PlainDataError("a string is too long")
            return tree
        if type(tree) is not dict:
            raise PlainDataError(f"unexpected {type(tree).__name__} in plain data")
        tags = [key for key in tree if key in _FIELDS]
        if len(tags) != 1 or set(tree) != _FIELDS[tags[0]]:
            raise PlainDataError(f"not a plain-data node: keys {sorted(map(str, tree))[:5]}")
        return getattr(self, f"_{tags[0]}")(tree, depth)

    def _tuple(self, tree, depth):
        items = _field(tree, "tuple", list)
        return tuple(self.decode(item, depth + 1) for item in items)

    def _list(self, tree, depth):
        items, number = _field(tree, "list", list), self._new_number(tree)
        built = []
        self.pending.add(number)
        built.extend(self.decode(item, depth + 1) for item in items)
        return self._finish(number, built)

    def _dict(self, tree, depth):
        pairs, number = _field(tree, "dict", list), self._new_number(tree)
        built = {}
        self.pending.add(number)
        for pair in pairs:
            if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str:
                raise PlainDataError("a dict entry is not a [str, value] pair")
            if len(pair[0]) > self.limits.max_string:
                raise PlainDataError("a dict key is too long")
            built[pair[0]] = self.decode(pair[1], depth + 1)
        return self._finish(number, built)

    def _array(self, tree, depth):
        dtype, number = _field(tree, "array", str), self._new_number(tree)
        shape = _field(tree, "shape", list)
        if (
            dtype not in ALLOWED_DTYPES
            or len(shape) > 32
            or not all(type(n) is int and 0 <= n < MAX_INT for n in shape)
        ):
            raise PlainDataError("an array has an unsupported dtype or shape")
        data = self._bytes(_field(tree, "data", str))
        count = 1
        for n in shape:
            count *= n
        if count * np.dtype(dtype).itemsize != len(data):
            raise PlainDataError("an array's data does not match its shape")
        array = (
            np.frombuffer(data, dtype=np.dtype(dtype).newbyteorder("<"))
            .astype(dtype)
            .reshape(shape)
        )
        return self._finish(number, array)

    def _scalar(self, tree, depth):
        dtype = _field(tree, "scalar", str)
        if dtype not in ALLOWED_DTYPES:
            raise PlainDataError("a scalar has an unsupported dtype")
        data = self._bytes(_field(tree, "data", str))
        if len(data) != np.dtype(dtype).itemsize:
            raise PlainDataError("a scalar's data has the wrong size")
        return np.frombuffer(data, dtype=np.dtype(dtype).newbyteorder("<")).astype(dtype)[0]

    def _same(self, tree, depth):
        number = _field(tree, "same", int)
        if number not in self.done:
            raise PlainDataError("a reference to an object that is not (yet) complete")
        return self.done[number]

    def _function(self, tree, depth):
        name = _field(tree, "function", str)
        if name not in self.functions:
            raise PlainDataError(f"unknown function {name[:80]!r}")
        return self.functions[name]

    def _refused(self, tree, depth):
        return Refused(_field(tree, "refused", str)[:200])

    def _new_number(self, tree):
        number = tree.get("ref")
        if type(number) is not int or number in self.done or number in self.pending:
            raise PlainDataError("a container has a missing or repeated number")
        return number

    def _finish(self, number, built):
        self.pending.discard(number)
        self.done[number] = built
        return built

    def _bytes(self, text):
        self.size += len(text)
        if self.size > self.limits.max_bytes:
            raise PlainDataError("the arrays are over the size cap")
        try:
            return base64.b64decode(text, validate=True)
        except ValueError:
            raise PlainDataError("array data is not base64") from None


# Each node's tag and the exact set of its fields.
_FIELDS = {
    "tuple": {"tuple"},
    "list": {"list", "ref"},
    "dict": {"dict", "ref"},
    "array": {"array", "shape", "data", "ref"},
    "scalar": {"scalar", "data"},
    "same": {"same"},
    "function": {"function"},
    "refused": {"refused"},
}


def _field(tree, key, kind):
    value = tree.get(key)
    if type(value) is not kind:
        raise PlainDataError(f"field {key!r} missing or not a {kind.__name__}")
    return value


def contains_refused(value, _seen=None) -> str | None:
    """The description of the first refused value inside ``value`` (a decoded value), or None."""
    seen = set() if _seen is None else _seen
    if isinstance(value, Refused):
        return value.what
    if id(value) in seen:
        return None
    if isinstance(value, (list, tuple, dict)):
        seen.add(id(value))
        items = value.values() if isinstance(value, dict) else value
        for item in items:
            found = contains_refused(item, seen)
            if found:
                return found
    return None

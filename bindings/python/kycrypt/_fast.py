"""The fast lane: the calls whose cost was UniFFI's Python marshalling, made through
``ctypes`` on C functions of the same library (``bindings/ffi/src/fast.rs``).

UniFFI's generated code lowers each argument into a Rust buffer through Python code and
copies ``bytes`` element by element on the Rust side: ~30 µs for a 16-byte HMAC, several
copies of a 10 MiB envelope. Here a ``bytes`` argument is passed as a pointer to its own
buffer (no copy; any other bytes-like value is copied once into ``bytes``), text as its
UTF-8, an object as its handle (borrowed: the caller's reference keeps it alive), and a
result comes back in one copy. Errors are the generated ``KycryptError`` (same class,
code and reason), lifted by the generated converter. Internal: the public functions are
in :mod:`kycrypt.moca`, :mod:`kycrypt.corepass` and :mod:`kycrypt`.
"""

from __future__ import annotations

import ctypes
import struct
from typing import Any, Callable, Optional

from ._ffi import kycrypt_ffi as _gen

_lib = _gen._UniffiLib
_RustBuffer = _gen._UniffiRustBuffer
# The generated converters that lift an error or a record from its serialised form.
_Error: Any = _gen._UniffiFfiConverterTypeKycryptError
_VerifiedCallback: Any = _gen._UniffiFfiConverterTypeVerifiedCallback
_VerifiedPartnerClaims: Any = _gen._UniffiFfiConverterTypeVerifiedPartnerClaims

_OK = 0
_P = ctypes.c_char_p  # a `bytes` argument: a pointer to the object's own buffer
_N = ctypes.c_size_t
_I64 = ctypes.c_int64
_H = ctypes.c_uint64  # an object handle
_OUT = ctypes.POINTER(_RustBuffer)


def _fn(name: str, *argtypes: Any, restype: Any = ctypes.c_int32) -> Any:
    f = getattr(_lib, name)
    f.argtypes = argtypes
    f.restype = restype
    return f


_hmac = _fn("kycrypt_fast_hmac_sha256", _P, _N, _P, _N, _P, _OUT)
_noop = _fn("kycrypt_fast_noop", _P, _N, _P, _N, _P, _OUT)
_ecies_len = _fn(
    "kycrypt_fast_ecies_len", ctypes.c_uint32, _P, _N, ctypes.c_int32, ctypes.c_int32, _I64,
    ctypes.POINTER(_N), _OUT,
)
_ecies = _fn("kycrypt_fast_ecies", ctypes.c_uint32, _P, _N, _H, ctypes.c_int32, ctypes.c_int32, _I64, _P, _N, _OUT)
_free = _fn("kycrypt_fast_free", _RustBuffer, restype=None)
_callback = _fn(
    "kycrypt_fast_verify_corepass_callback",
    ctypes.c_uint32, _P, _N, _H, _I64, ctypes.c_uint8, _I64, ctypes.c_int32, _OUT, _OUT,
)
_sign_jwt = _fn(
    "kycrypt_fast_sign_partner_jwt",
    _P, _N, _P, _N, _P, _N, _P, _N, _H, _I64, ctypes.c_uint8, _I64, _P, _N, _OUT, _OUT,
)
_verify_jwt = _fn("kycrypt_fast_verify_partner_jwt", _P, _N, _H, _I64, ctypes.c_uint8, _I64, _OUT, _OUT)

# A new `bytes` object of a given length, not yet filled (CPython's
# `PyBytes_FromStringAndSize(NULL, n)`): Rust writes the result into it, once. It is
# not visible to any other code until it is returned.
_new_bytes = ctypes.pythonapi.PyBytes_FromStringAndSize
_new_bytes.argtypes = (ctypes.c_void_p, ctypes.c_ssize_t)
_new_bytes.restype = ctypes.py_object

_string_at = ctypes.string_at
_byref = ctypes.byref


def _bytes(value: Any) -> bytes:
    """``value`` as ``bytes``: itself when it is one (no copy), else one copy of any
    bytes-like value (taken before the call, so another thread cannot change it under
    Rust)."""
    if type(value) is bytes:
        return value
    try:
        return bytes(memoryview(value))
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not {type(value).__name__!r}") from None


def _text(value: Any, name: str) -> bytes:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__!r}")
    return value.encode("utf-8")


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__!r}")
    if not -(1 << 63) <= value < (1 << 63):
        raise ValueError(f"{name} is out of range for a 64-bit integer")
    return value


def _handle(obj: Any, cls: type, name: str) -> int:
    # The handle is read as an object of `cls` on the Rust side: the type check is what
    # makes the borrow sound.
    if not isinstance(obj, cls):
        raise TypeError(f"{name} must be a {cls.__name__}, not {type(obj).__name__!r}")
    return int(getattr(obj, "_handle"))


class _Stream:
    """The reader interface the generated converters' ``read`` methods expect
    (``read(n)``, ``read_i32()``, ...), over one ``bytes`` copy of a Rust buffer: the
    generated stream slices a ctypes pointer for every field, which made lifting a
    ten-field record cost more than a CorePass callback's whole Python overhead budget."""

    __slots__ = ("_b", "_o")

    def __init__(self, data: bytes) -> None:
        self._b = data
        self._o = 0

    def remaining(self) -> int:
        return len(self._b) - self._o

    def read(self, size: int) -> bytes:
        o = self._o
        end = o + size
        if size < 0 or end > len(self._b):
            raise _gen.InternalError("read past end of rust buffer")
        self._o = end
        return self._b[o:end]

    def _unpack(self, s: struct.Struct) -> Any:
        o = self._o
        if o + s.size > len(self._b):
            raise _gen.InternalError("read past end of rust buffer")
        self._o = o + s.size
        return s.unpack_from(self._b, o)[0]


def _reader(fmt: str) -> Callable[[_Stream], Any]:
    s = struct.Struct(fmt)

    def read(self: _Stream) -> Any:
        return self._unpack(s)

    return read


# read_i8() ... read_double(): big-endian, as UniFFI writes them.
for _name, _fmt in (("i8", ">b"), ("u8", ">B"), ("i16", ">h"), ("u16", ">H"), ("i32", ">i"), ("u32", ">I"),
                    ("i64", ">q"), ("u64", ">Q"), ("float", ">f"), ("double", ">d")):
    setattr(_Stream, f"read_{_name}", _reader(_fmt))


def _lift(converter: Any, buf: Any) -> Any:
    """A value the generated ``converter`` reads, from a Rust buffer this module owns
    (released here)."""
    try:
        data = _string_at(buf.data, buf.len)
    finally:
        _free(buf)
    stream = _Stream(data)
    value = converter.read(stream)
    if stream.remaining():
        raise _gen.InternalError("junk remaining in buffer after lifting")
    return value


def _raise(err: Any) -> None:
    raise _lift(_Error, err)


def _take_bytes(out: Any) -> bytes:
    try:
        return _string_at(out.data, out.len)
    finally:
        _free(out)


def _two_bytes_to_32(fn: Any, key: Any, msg: Any) -> bytes:
    """Calls ``fn(key, key_len, msg, msg_len, out32, err)``: the shape of the fast HMAC
    and of its no-op floor, which must measure the same path."""
    key, msg = _bytes(key), _bytes(msg)
    out = ctypes.create_string_buffer(32)
    err = _RustBuffer()
    if fn(key, len(key), msg, len(msg), out, _byref(err)) != _OK:
        _raise(err)
    return out.raw


def hmac_sha256(key: bytes, msg: bytes) -> bytes:
    return _two_bytes_to_32(_hmac, key, msg)


hmac_sha256.__doc__ = _gen.hmac_sha256.__doc__


def noop(key: Any, msg: Any) -> bytes:
    """The fast lane's floor (the arguments of :func:`hmac_sha256`, no work)."""
    return _two_bytes_to_32(_noop, key, msg)


def _options(options: Any, cls: type) -> None:
    """Refuses an options argument that is neither ``None`` nor a ``cls``."""
    if options is not None and not isinstance(options, cls):
        article = "an" if cls.__name__[:1] in "AEIOU" else "a"
        raise TypeError(f"options must be {article} {cls.__name__} or None, not {type(options).__name__!r}")


def _opt_int(value: Optional[int], name: str) -> tuple[int, int]:
    """An optional 64-bit integer as the fast lane's ``(has_value, value)`` pair."""
    return (0, 0) if value is None else (1, _int(value, name))


def _flag(v: Optional[bool], name: str) -> int:
    if v is None:
        return -1
    if not isinstance(v, bool):
        raise TypeError(f"{name} must be a bool or None, not {type(v).__name__!r}")
    return int(v)


def ecies(op: int, data: Any, key: Any, options: Any) -> bytes:
    """``op``: 0 seal_envelope, 1 open_envelope, 2 ecies_encrypt, 3 ecies_decrypt."""
    data = _bytes(data)
    cls = _gen.EciesPublicKey if op in (0, 2) else _gen.EciesSecretKey
    handle = _handle(key, cls, "recipient" if op in (0, 2) else "secret")
    _options(options, _gen.EciesOptions)
    if options is None:
        ce = ch = nl = -1
    else:
        ce = _flag(options.compressed_ephemeral_key, "compressed_ephemeral_key")
        ch = _flag(options.compressed_hkdf_input, "compressed_hkdf_input")
        nl = -1
        if options.nonce_len is not None:
            # -1 means "unset" on the Rust side: any other out-of-range value is passed as
            # one the core refuses with its own message (12 or 16).
            nl = _int(options.nonce_len, "nonce_len")
            nl = nl if nl >= 0 else 256
    err = _RustBuffer()
    n = _N()
    if _ecies_len(op, data, len(data), ce, ch, nl, _byref(n), _byref(err)) != _OK:
        _raise(err)
    out = _new_bytes(None, n.value)
    if _ecies(op, data, len(data), handle, ce, ch, nl, out, n.value, _byref(err)) != _OK:
        _raise(err)
    return out  # type: ignore[no-any-return]


_KINDS = {"STATUS": 0, "DATA": 1, "ERROR": 2}


def verify_corepass_callback(kind: Any, body: Any, pinned: Any, now: Any, options: Any) -> _gen.VerifiedCallback:
    """``kind`` is a ``CallbackKind`` member (the facade has resolved names)."""
    body = _bytes(body)
    handle = _handle(pinned, _gen.PinnedConnector, "pinned")
    _options(options, _gen.CallbackOptions)
    has_leeway, leeway = _opt_int(None if options is None else options.leeway_secs, "leeway_secs")
    deadline_only = _flag(None if options is None else options.allow_deadline_only, "allow_deadline_only")
    out, err = _RustBuffer(), _RustBuffer()
    rc = _callback(
        _KINDS[kind.name], body, len(body), handle, _int(now, "now"), has_leeway, leeway, deadline_only,
        _byref(out), _byref(err),
    )
    if rc != _OK:
        _raise(err)
    result: _gen.VerifiedCallback = _lift(_VerifiedCallback, out)
    return result


def _opt_text(value: Optional[str], name: str) -> Optional[bytes]:
    return None if value is None else _text(value, name)


def sign_partner_jwt(claims: Any, key: Any, now: Any, options: Any) -> str:
    if not isinstance(claims, _gen.PartnerClaims):
        raise TypeError(f"claims must be a PartnerClaims, not {type(claims).__name__!r}")
    pid, scope = _text(claims.partner_id, "partner_id"), _text(claims.scope, "scope")
    email, extra = _opt_text(claims.email, "email"), _opt_text(claims.extra_json, "extra_json")
    handle = _handle(key, _gen.PrivateKey, "key")
    _options(options, _gen.PartnerJwtSignOptions)
    has_ttl, ttl = _opt_int(None if options is None else options.ttl_secs, "ttl_secs")
    kid = _opt_text(None if options is None else options.kid, "kid")
    out, err = _RustBuffer(), _RustBuffer()
    rc = _sign_jwt(
        pid, len(pid), scope, len(scope), email, len(email or b""), extra, len(extra or b""),
        handle, _int(now, "now"), has_ttl, ttl, kid, len(kid or b""), _byref(out), _byref(err),
    )
    if rc != _OK:
        _raise(err)
    return _take_bytes(out).decode("utf-8")


def verify_partner_jwt(token: Any, key: Any, now: Any, options: Any) -> _gen.VerifiedPartnerClaims:
    tok = _text(token, "token")
    handle = _handle(key, _gen.PublicKey, "key")
    _options(options, _gen.PartnerJwtValidation)
    has_leeway, leeway = _opt_int(None if options is None else options.leeway_secs, "leeway_secs")
    out, err = _RustBuffer(), _RustBuffer()
    if _verify_jwt(tok, len(tok), handle, _int(now, "now"), has_leeway, leeway, _byref(out), _byref(err)) != _OK:
        _raise(err)
    result: _gen.VerifiedPartnerClaims = _lift(_VerifiedPartnerClaims, out)
    return result


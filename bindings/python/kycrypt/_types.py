"""Small typed helpers of the facade: enums given as strings, headers given as a mapping
or as pairs, and the :class:`HmacKey` whose algorithm may be a string."""

from __future__ import annotations

import enum
from typing import Iterable, List, Mapping, Tuple, Type, TypeVar, Union

from ._errors import InvalidArgumentError
from ._ffi import kycrypt_ffi as _gen
from ._ffi.kycrypt_ffi import HmacAlg, HttpHeader

E = TypeVar("E", bound=enum.Enum)

#: An HMAC algorithm: ``HmacAlg.SHA256`` or ``"sha256"``.
HmacAlgLike = Union[HmacAlg, str]

#: HTTP headers: a mapping (``dict``, Starlette/Django headers), ``(name, value)`` pairs
#: or :class:`HttpHeader` records. Pass pairs to keep a repeated header visible.
HeadersLike = Union[Mapping[str, str], Iterable[Union[HttpHeader, Tuple[str, str]]]]


def _fold(name: str) -> str:
    return name.replace("-", "").replace("_", "").lower()


def enum_value(cls: Type[E], value: Union[E, str]) -> E:
    """``value`` as a member of ``cls``: the member itself, or its name as a string in
    any case, with or without ``-``/``_`` (``"sumsub"``, ``"corepass"``,
    ``"hmac-sha256-hex"``, ``"SHA256"``).

    Raises:
        InvalidArgumentError: no member has that name.
        TypeError: ``value`` is neither a member nor a string.
    """
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        folded = _fold(value)
        for member in cls:
            if _fold(member.name) == folded:
                return member
        names = ", ".join(m.name.lower() for m in cls)
        raise InvalidArgumentError("invalid_argument", f"unknown {cls.__name__} {value!r} (one of: {names})")
    raise TypeError(f"expected {cls.__name__} or str, got {type(value).__name__}")


def http_headers(headers: HeadersLike) -> List[HttpHeader]:
    """``headers`` as the list of :class:`HttpHeader` records the core takes."""
    if isinstance(headers, Mapping):
        return [HttpHeader(name=k, value=v) for k, v in headers.items()]
    out: List[HttpHeader] = []
    for h in headers:
        if isinstance(h, HttpHeader):
            out.append(h)
        else:
            name, value = h
            out.append(HttpHeader(name=name, value=value))
    return out


class HmacKey(_gen.HmacKey):
    """A secret HMAC key, parsed once and reused. Zeroized when released; it never shows
    its bytes (it prints as its type name only).

    ``HmacKey(key_bytes)`` wraps raw bytes (any non-zero length; empty raises
    :class:`InvalidKeyError`); ``HmacKey.from_base64(secret)`` decodes a standard-base64
    secret. The algorithm of :meth:`sign` and :meth:`verify` is an :class:`HmacAlg` or
    its name (``"sha256"``, ``"sha512"``, ``"sha1"``).
    """

    def sign(self, alg: HmacAlgLike, msg: bytes) -> bytes:
        """The tag of ``msg`` under this key with ``alg``."""
        return super().sign(enum_value(HmacAlg, alg), msg)

    def verify(self, alg: HmacAlgLike, msg: bytes, tag: bytes) -> None:
        """Checks ``tag`` over ``msg`` in constant time.

        Raises:
            SignatureInvalidError: the tag differs or has the wrong length.
        """
        super().verify(enum_value(HmacAlg, alg), msg, tag)


def adopt_hmac_key(key: _gen.HmacKey) -> HmacKey:
    """A key returned by a generated function, as the facade's :class:`HmacKey`.

    The facade class only adds string-accepting overloads of two methods (no state), so
    the object is given that class rather than copied: the key material stays in Rust.
    """
    if not isinstance(key, HmacKey):
        key.__class__ = HmacKey
    assert isinstance(key, HmacKey)
    return key

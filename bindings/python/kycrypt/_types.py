"""Small typed helpers of the facade: enums given as strings, headers given as a mapping
or as pairs, and the :class:`HmacKey` whose algorithm may be a string."""

from __future__ import annotations

import enum
from typing import Iterable, List, Mapping, Optional, Tuple, Type, TypeVar, Union

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

    @classmethod
    def from_base64(cls, secret: str) -> HmacKey:
        """Decodes a standard-base64 secret (surrounding whitespace ignored).

        Raises:
            MalformedInputError: not base64 (the secret is not echoed).
            InvalidKeyError: it decodes to nothing.
        """
        return adopt(super().from_base64(secret), cls)

    def sign(self, alg: HmacAlgLike, msg: bytes) -> bytes:
        """The tag of ``msg`` under this key with ``alg``."""
        return super().sign(enum_value(HmacAlg, alg), msg)

    def verify(self, alg: HmacAlgLike, msg: bytes, tag: bytes) -> None:
        """Checks ``tag`` over ``msg`` in constant time.

        Raises:
            SignatureInvalidError: the tag differs or has the wrong length.
        """
        super().verify(enum_value(HmacAlg, alg), msg, tag)


T = TypeVar("T")


def adopt(obj: object, cls: Type[T]) -> T:
    """An object returned by a generated function, as the facade's subclass ``cls`` of
    its class.

    The facade subclasses only add methods that also take enum names as strings (no
    state), so the object is given that class rather than copied: key material stays
    in Rust and the handle keeps its one owner.
    """
    if not isinstance(obj, cls):
        assert issubclass(cls, type(obj)), (cls, type(obj))
        obj.__class__ = cls
    assert isinstance(obj, cls)
    return obj


#: An elliptic curve: ``Curve.P256`` or its name (``"p256"``, ``"secp256k1"``).
CurveLike = Union[_gen.Curve, str]


class EciesPublicKey(_gen.EciesPublicKey):
    """An ECIES recipient public key (a Moca CAK key), parsed once.

    The ``curve`` of the constructors is a :class:`Curve` or its name (``"p256"``,
    ``"secp256k1"``).
    """

    @classmethod
    def parse(cls, curve: CurveLike, text: str) -> EciesPublicKey:
        """Parses a SEC1 public key given as hex or base64, compressed or not."""
        return adopt(super().parse(enum_value(_gen.Curve, curve), text), cls)

    @classmethod
    def from_bytes(cls, curve: CurveLike, bytes: bytes) -> EciesPublicKey:  # noqa: A002 (the generated name)
        """Parses SEC1 public key bytes (compressed or not)."""
        return adopt(super().from_bytes(enum_value(_gen.Curve, curve), bytes), cls)

    @classmethod
    def from_spki_der(cls, curve: CurveLike, der: bytes) -> EciesPublicKey:
        """Parses a SubjectPublicKeyInfo DER public key."""
        return adopt(super().from_spki_der(enum_value(_gen.Curve, curve), der), cls)


class EciesSecretKey(_gen.EciesSecretKey):
    """An ECIES secret key, parsed once; it never shows its bytes.

    The ``curve`` of the constructors is a :class:`Curve` or its name (``"p256"``,
    ``"secp256k1"``).
    """

    @classmethod
    def parse(cls, curve: CurveLike, text: str) -> EciesSecretKey:
        """Parses a secret scalar given as hex or base64."""
        return adopt(super().parse(enum_value(_gen.Curve, curve), text), cls)

    @classmethod
    def from_bytes(cls, curve: CurveLike, bytes: bytes) -> EciesSecretKey:  # noqa: A002 (the generated name)
        """Parses secret scalar bytes."""
        return adopt(super().from_bytes(enum_value(_gen.Curve, curve), bytes), cls)

    @classmethod
    def from_pem(cls, curve: CurveLike, pem: str) -> EciesSecretKey:
        """Parses a PKCS#8 or SEC1 PEM secret key."""
        return adopt(super().from_pem(enum_value(_gen.Curve, curve), pem), cls)

    @classmethod
    def generate(cls, curve: CurveLike) -> EciesSecretKey:
        """A new random secret key on ``curve``."""
        return adopt(super().generate(enum_value(_gen.Curve, curve)), cls)

    def public_key(self) -> EciesPublicKey:
        """The public key of this secret key."""
        return adopt(super().public_key(), EciesPublicKey)


#: A verification relationship: ``VerificationPurpose.AUTHENTICATION`` or its name
#: (``"authentication"``, ``"assertionMethod"``).
PurposeLike = Union[_gen.VerificationPurpose, str]


class DidDocument(_gen.DidDocument):
    """A DID document, parsed once (``DidDocument.from_json(text)`` or
    :func:`kycrypt.did.resolve_did_key`)."""

    @classmethod
    def from_json(cls, json: str) -> DidDocument:
        """Parses a DID document (JSON)."""
        return adopt(super().from_json(json), cls)

    def methods_for(
        self, iss: str, kid: Optional[str], purpose: PurposeLike
    ) -> List[_gen.VerificationMethod]:
        """The verification methods of ``iss`` (the one ``kid`` names, when given) that
        may be used for ``purpose`` (a :class:`VerificationPurpose` or its name)."""
        return super().methods_for(iss, kid, enum_value(_gen.VerificationPurpose, purpose))

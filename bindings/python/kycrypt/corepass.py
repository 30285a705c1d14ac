"""CorePass: Connector v1 callbacks (Ed448), Core addresses, items and peppers.

Flat aliases: ``kycrypt.verify_corepass_callback`` is ``kycrypt.corepass.verify_callback``;
``kycrypt.corepass_parse_address`` is ``kycrypt.corepass.parse_address``, and so on.
CorePass v2 webhooks go through :func:`kycrypt.webhooks.verify` with ``"corepass"``.
"""

from __future__ import annotations

from typing import Optional, Union

from . import _fast
from ._ffi import kycrypt_ffi as _gen
from ._ffi.kycrypt_ffi import (
    CallbackKind,
    CallbackOptions,
    CoreAddress,
    CorePassStatus,
    Coverage,
    DataInfo,
    Network,
    PepperInfo,
    PinnedConnector,
    VerifiedCallback,
)
from ._types import enum_value

#: A callback kind: ``CallbackKind.STATUS`` or its name (``"status"``, ``"data"``,
#: ``"error"``).
CallbackKindLike = Union[CallbackKind, str]
#: A Core network: ``Network.MAINNET`` or its name (``"mainnet"``, ``"devin"``).
NetworkLike = Union[Network, str]

#: ``parse_address(address)``: a Core address and its network (checksum checked).
parse_address = _gen.corepass_parse_address
#: ``item_sha3(item)``: SHA3-256 hex of an item name, as in a status callback's fields.
item_sha3 = _gen.corepass_item_sha3
#: ``parse_pepper(pepper, user, item)``: checks a data callback's pepper.
parse_pepper = _gen.corepass_parse_pepper
#: ``check_qrcode_expiration(expiration, now)``: refuses an expired login QR code.
check_qrcode_expiration = _gen.check_qrcode_expiration


def verify_callback(
    kind: CallbackKindLike,
    body: bytes,
    pinned: PinnedConnector,
    now: int,
    options: Optional[CallbackOptions] = None,
) -> VerifiedCallback:
    """Verifies a Connector v1 callback of ``kind`` over its raw ``body`` bytes against
    the ``pinned`` Connector at ``now`` (unix seconds). Use only the returned values,
    never the raw body.

    The result is a ``VerifiedCallback.STATUS``, ``.DATA`` or ``.ERROR``; every kind
    carries ``replay_key``: store it until ``replay_until`` and refuse a callback whose
    key is already stored.

    Args:
        kind: a :class:`CallbackKind` or its name (``"status"``, ``"data"``, ``"error"``).
        body: the raw body (a data callback's multipart fields collected as JSON).
        pinned: ``PinnedConnector.parse(address_or_public_key_hex)``.
        now: the current time, unix seconds.
        options: ``CallbackOptions(leeway_secs=..., allow_deadline_only=...)``;
            ``None`` (or a field left ``None``) is the core's default.

    Raises:
        MalformedInputError (also for a member outside the documented set), InputTooLargeError,
        KeyMismatchError, SignatureInvalidError, ExpiredError, DeadlineOnlyNotAllowedError,
        InvalidArgumentError (an unknown kind name, options out of range).
    """
    return _fast.verify_corepass_callback(enum_value(CallbackKind, kind), body, pinned, now, options)


def address_from_public_key(public_key: bytes, network: NetworkLike) -> CoreAddress:
    """The Core address of an Ed448 public key (57 bytes) on ``network`` (a
    :class:`Network` or its name, e.g. ``"mainnet"``).

    Raises:
        InvalidKeyError: not an Ed448 public key.
        InvalidArgumentError: an unknown network name.
    """
    return _gen.corepass_address_from_public_key(public_key, enum_value(Network, network))


__all__ = [
    "CallbackKind",
    "CallbackKindLike",
    "CallbackOptions",
    "CoreAddress",
    "CorePassStatus",
    "Coverage",
    "DataInfo",
    "Network",
    "NetworkLike",
    "PepperInfo",
    "PinnedConnector",
    "VerifiedCallback",
    "address_from_public_key",
    "check_qrcode_expiration",
    "item_sha3",
    "parse_address",
    "parse_pepper",
    "verify_callback",
]

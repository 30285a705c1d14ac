"""Secrets and personal data are redacted when printed, and stay readable as attributes.

The records' ``__repr__``/``__str__`` are the Rust ``Debug``/``Display`` exported through
UniFFI (``bindings/shared/redact.rs``); without that export the generated class prints
every field, and these tests fail. ``test_every_redacted_record_is_tested`` fails when a
record that redacts is added in Rust without a test here.
"""

from __future__ import annotations

import base64
import logging
from typing import Any, List, Set

import pytest

import kycrypt
from kycrypt._ffi import kycrypt_ffi as gen

API_KEY = "api-key-public-1"
PASSPHRASE = "pass-phrase-secret-9"
SECRET_B64 = base64.b64encode(b"zero-hash-api-secret").decode()
TESTED: Set[str] = set()


def _printed(obj: Any, caplog: pytest.LogCaptureFixture) -> List[str]:
    """Every common way a record ends up in text: str, repr, f-strings, format,
    %-format, logging with %s and %r, and inside a list."""
    TESTED.add(type(obj).__name__)
    logger = logging.getLogger("kycrypt.test.redaction")
    with caplog.at_level(logging.INFO, logger=logger.name):
        caplog.clear()
        logger.info("%s", obj)
        logger.info("record=%r", obj)
        logged = [r.getMessage() for r in caplog.records]
    assert len(logged) == 2
    return [str(obj), repr(obj), f"{obj}", f"{obj!r}", f"{obj!s}", format(obj), "%s" % (obj,), "%r" % (obj,), str([obj]), *logged]


def test_signed_headers_hide_passphrase_and_signature(caplog: pytest.LogCaptureFixture) -> None:
    creds = kycrypt.ZeroHashCredentials(API_KEY, SECRET_B64, PASSPHRASE)
    headers = creds.sign_request("POST", "/orders", '{"a":1}', 1_700_000_000)
    signature = headers.x_scx_signed
    assert signature == kycrypt.zerohash_sign(
        "POST", "/orders", '{"a":1}', kycrypt.zerohash_secret_from_base64(SECRET_B64), 1_700_000_000
    )
    for text in _printed(headers, caplog):
        assert PASSPHRASE not in text and signature not in text, text
        assert API_KEY in text and "1700000000" in text and "<redacted>" in text, text
    assert str(headers) == (
        f'SignedHeaders {{ x_scx_api_key: "{API_KEY}", x_scx_signed: <redacted>, '
        f'x_scx_timestamp: "1700000000", x_scx_passphrase: <redacted> }}'
    )
    # The values stay readable, to set the request headers.
    assert headers.x_scx_passphrase == PASSPHRASE
    assert headers.x_scx_api_key == API_KEY and headers.x_scx_timestamp == "1700000000"


def test_http_header_hides_its_value(caplog: pytest.LogCaptureFixture) -> None:
    header = kycrypt.HttpHeader(name="X-SCX-PASSPHRASE", value=PASSPHRASE)
    for text in _printed(header, caplog):
        assert PASSPHRASE not in text and "X-SCX-PASSPHRASE" in text and "<redacted>" in text, text
    assert header.value == PASSPHRASE


def test_every_redacted_record_is_tested() -> None:
    # A record redacts when its generated __str__ goes through Rust (the exported Display).
    redacting = set()
    for name in gen.__all__:
        cls = getattr(gen, name)
        str_fn = vars(cls).get("__str__") if isinstance(cls, type) else None
        if str_fn is not None and any(n.endswith("_uniffi_trait_display") for n in str_fn.__code__.co_names):
            redacting.add(name)
    assert {"HttpHeader", "SignedHeaders"} <= redacting
    missing = redacting - TESTED
    assert not missing, f"records that redact without a test here: {sorted(missing)}"

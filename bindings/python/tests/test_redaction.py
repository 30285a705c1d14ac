"""Secrets and personal data are redacted when printed, and stay readable as attributes.

The records' ``__repr__``/``__str__`` are the Rust ``Debug``/``Display`` exported through
UniFFI (bindings/ffi/src/redact.rs); without that export the generated dataclass prints
every field, and these tests fail.
"""

from __future__ import annotations

import base64
import json
import logging
from typing import Any, List

import pytest

import kycrypt
from conftest import VECTORS_DIR

API_KEY = "api-key-public-1"
PASSPHRASE = "pass-phrase-secret-9"
SECRET_B64 = base64.b64encode(b"zero-hash-api-secret").decode()


def _printed(obj: Any, caplog: pytest.LogCaptureFixture) -> List[str]:
    """Every common way a record ends up in text: str, repr, f-string, format, %-format,
    logging with %s and %r, and inside a list."""
    logger = logging.getLogger("kycrypt.test.redaction")
    with caplog.at_level(logging.INFO, logger=logger.name):
        caplog.clear()
        logger.info("%s", obj)
        logger.info("headers=%r", obj)
        logged = [r.getMessage() for r in caplog.records]
    assert len(logged) == 2
    return [str(obj), repr(obj), f"{obj}", f"{obj!r}", format(obj), "%s" % (obj,), str([obj]), *logged]


def test_signed_headers_hide_passphrase_and_signature(caplog: pytest.LogCaptureFixture) -> None:
    creds = kycrypt.ZeroHashCredentials(API_KEY, SECRET_B64, PASSPHRASE)
    headers = creds.sign_request(1_700_000_000, "POST", "/orders", '{"a":1}')
    signature = headers.x_scx_signed
    assert signature == kycrypt.zerohash_sign(
        kycrypt.zerohash_secret_from_base64(SECRET_B64), 1_700_000_000, "POST", "/orders", '{"a":1}'
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


def _data_callback_case() -> Any:
    doc = json.loads((VECTORS_DIR / "corepass.json").read_text())
    return next(
        c for c in doc["cases"] if c["op"] == "corepass.verify_data_callback" and c["expected"] == "valid"
    )


def test_data_callback_values_and_peppers_do_not_print(caplog: pytest.LogCaptureFixture) -> None:
    i = _data_callback_case()["inputs"]
    options = kycrypt.CallbackOptions(allow_deadline_only=i.get("allow_deadline_only", False))
    cb = kycrypt.verify_data_callback(
        i["body"].encode(), kycrypt.PinnedConnector.parse(i["connector"]), i["now"], options
    )
    body = json.loads(i["body"])
    assert [(d.field_id, d.field_value, d.pepper) for d in cb.infos] == [
        (d["fieldID"], d["fieldValue"], d["pepper"]) for d in body["infos"]
    ]
    for obj in (cb, cb.infos[0]):
        for text in _printed(obj, caplog):
            for d in body["infos"]:
                assert d["fieldValue"] not in text and d["pepper"][:16] not in text, text
            assert body["infos"][0]["fieldID"] in text and "<redacted>" in text, text


def test_claims_payloads_and_header_values_do_not_print(caplog: pytest.LogCaptureFixture) -> None:
    email = "alice@example.com"
    key = kycrypt.PrivateKey.from_pem(kycrypt.generate_private_key_pem("p256"))
    claims = kycrypt.PartnerClaims(
        partner_id="p-1", scope="issue on-behalf", email=email, extra_json=json.dumps({"name": email})
    )
    token = kycrypt.sign_partner_jwt(key, "kid-1", claims, 1_700_000_000, 300)
    back = kycrypt.verify_partner_jwt(token, key.public_key(), 1_700_000_100, 0)
    jwt = kycrypt.verify_jwt(
        token,
        key.public_key(),
        kycrypt.JwtValidation(algorithms=["ES256"]),
        1_700_000_100,
    )
    jws = kycrypt.verify_jws(
        token,
        key.public_key(),
        kycrypt.JwtValidation(algorithms=["ES256"]),
    )
    header = kycrypt.HttpHeader(name="X-SCX-PASSPHRASE", value=email)
    request = kycrypt.DidJwtSignRequest(
        issuer="did:key:z6Mk", audience="aud", claims_json=json.dumps({"email": email}), iat=1, ttl=60
    )
    seed = bytes(range(32))
    signing = kycrypt.Ed25519SigningKey.from_seed(seed)
    did = "did:key:" + kycrypt.encode_ed25519_multibase(signing.public_key())
    did_token = kycrypt.sign_did_jwt(
        signing,
        kycrypt.DidJwtSignRequest(
            issuer=did, audience="aud", claims_json=json.dumps({"email": email}), iat=1_700_000_000, ttl=300
        ),
    )
    did_jwt = kycrypt.verify_did_jwt(
        did_token, kycrypt.DidJwtValidation(audience="aud"), None, 1_700_000_100
    )
    for obj in (back, claims, jwt, jws, header, request, did_jwt):
        for text in _printed(obj, caplog):
            assert "alice" not in text and "<redacted>" in text, text
    assert back.email == email and json.loads(back.extra_json) == {"name": email}
    assert "p-1" in str(back) and "X-SCX-PASSPHRASE" in str(header)
    assert json.loads(jwt.claims_json)["email"] == email
    assert json.loads(jws.payload)["email"] == email
    assert json.loads(did_jwt.claims_json)["email"] == email
    assert did in str(did_jwt)

"""Secrets and personal data are redacted when printed, and stay readable as attributes.

The records' ``__repr__``/``__str__`` are the Rust ``Debug``/``Display`` exported through
UniFFI (``bindings/shared/redact.rs``); without that export the generated class prints
every field, and these tests fail. ``test_every_redacted_record_is_tested`` fails when a
record that redacts is added in Rust without a test here.
"""

from __future__ import annotations

import base64
import json
import logging
from typing import Any, List, Set

import pytest

import kycrypt
from conftest import VECTORS_DIR
from kycrypt._ffi import kycrypt_ffi as gen

API_KEY = "api-key-public-1"
PASSPHRASE = "pass-phrase-secret-9"
SECRET_B64 = base64.b64encode(b"zero-hash-api-secret").decode()
TESTED: Set[str] = set()


def _printed(obj: Any, caplog: pytest.LogCaptureFixture) -> List[str]:
    """Every common way a record ends up in text: str, repr, f-strings, format,
    %-format, logging with %s and %r, and inside a list."""
    TESTED.update(c.__name__ for c in type(obj).__mro__)
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


def _data_callback_case() -> Any:
    doc = json.loads((VECTORS_DIR / "corepass.json").read_text())
    return next(
        c for c in doc["cases"] if c["op"] == "corepass.verify_data_callback" and c["expected"] == "valid"
    )


def test_data_callback_values_and_peppers_do_not_print(caplog: pytest.LogCaptureFixture) -> None:
    i = _data_callback_case()["inputs"]
    options = kycrypt.CallbackOptions(allow_deadline_only=i.get("allow_deadline_only"))
    cb = kycrypt.verify_corepass_callback("data", i["body"].encode(), kycrypt.PinnedConnector.parse(i["connector"]), i["now"], options)
    assert isinstance(cb, kycrypt.VerifiedCallback.DATA)
    body = json.loads(i["body"])
    assert [(d.field_id, d.field_value, d.pepper) for d in cb.infos] == [
        (d["fieldID"], d["fieldValue"], d["pepper"]) for d in body["infos"]
    ]
    for obj in (cb, cb.infos[0]):
        for text in _printed(obj, caplog):
            for d in body["infos"]:
                assert d["fieldValue"] not in text and d["pepper"][:16] not in text, text
            assert body["infos"][0]["fieldID"] in text and "<redacted>" in text, text
    info = kycrypt.DataInfo(field_id="SH_DriverLicense_DOB", field_value="1986-09-06", pepper="ab" * 16)
    for text in _printed(info, caplog):
        assert "SH_DriverLicense_DOB" in text and "1986" not in text and "abab" not in text, text


def test_claims_payloads_and_requests_do_not_print(caplog: pytest.LogCaptureFixture) -> None:
    email = "alice@example.com"
    key = kycrypt.PrivateKey.from_pem(kycrypt.generate_private_key_pem("p256"))
    claims = kycrypt.PartnerClaims(
        partner_id="p-1", scope="issue on-behalf", email=email, extra_json=json.dumps({"name": email})
    )
    token = kycrypt.sign_partner_jwt(claims, key, 1_700_000_000, kycrypt.PartnerJwtSignOptions(kid="kid-1"))
    back = kycrypt.verify_partner_jwt(token, key.public_key(), 1_700_000_100)
    jwt = kycrypt.verify_jwt(token, key.public_key(), 1_700_000_100, kycrypt.JwtValidation(algorithms=["ES256"]))
    jws = kycrypt.verify_jws(token, key.public_key())
    request = kycrypt.DidJwtSignRequest(issuer="did:key:z6Mk", audience="aud", claims_json=json.dumps({"email": email}))
    signing = kycrypt.Ed25519SigningKey.from_seed(bytes(range(32)))
    did = "did:key:" + kycrypt.encode_ed25519_multibase(signing.public_key())
    did_token = kycrypt.sign_did_jwt(
        kycrypt.DidJwtSignRequest(issuer=did, audience="aud", claims_json=json.dumps({"email": email})),
        signing,
        1_700_000_000,
    )
    did_jwt = kycrypt.verify_did_jwt(did_token, None, 1_700_000_100, kycrypt.DidJwtValidation(audience="aud"))
    for obj in (back, claims, jwt, jws, request, did_jwt):
        for text in _printed(obj, caplog):
            assert "alice" not in text and "<redacted>" in text, text
    assert back.email == email and back.extra_json is not None and json.loads(back.extra_json) == {"name": email}
    assert "p-1" in str(back)
    assert json.loads(jwt.claims_json)["email"] == email
    assert json.loads(jws.payload)["email"] == email
    assert json.loads(did_jwt.claims_json)["email"] == email
    assert did in str(did_jwt)


def test_every_redacted_record_is_tested() -> None:
    # A record redacts when its generated __str__ goes through Rust (the exported Display).
    redacting = set()
    for name in gen.__all__:
        cls = getattr(gen, name)
        str_fn = vars(cls).get("__str__") if isinstance(cls, type) else None
        if str_fn is not None and any(n.endswith("_uniffi_trait_display") for n in str_fn.__code__.co_names):
            redacting.add(name)
    assert {"HttpHeader", "SignedHeaders", "DataInfo", "PartnerClaims", "VerifiedDidJwt"} <= redacting
    missing = redacting - TESTED
    assert not missing, f"records that redact without a test here: {sorted(missing)}"

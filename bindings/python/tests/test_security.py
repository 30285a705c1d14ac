"""Security round 2 (issue 13) through the Python binding: empty HMAC secrets, bounded JWT
lifetimes, fractional NumericDates and JWKS selection. Tokens and keys are the PyJWT-made
cases of test-vectors/jwt.json; each test fails if the rule is dropped from the core."""

from __future__ import annotations

import json
from typing import Any

import pytest

import kycrypt
from conftest import VECTORS_DIR

JWT_CASES = {c["id"]: c for c in json.loads((VECTORS_DIR / "jwt.json").read_text())["cases"]}


def _partner(case_id: str) -> Any:
    i = JWT_CASES[case_id]["inputs"]
    opts = kycrypt.PartnerJwtValidation(leeway_secs=60)
    if "jwks" in i:
        return kycrypt.verify_partner_jwt_jwks(i["token"], i["jwks"], i["now"], opts)
    return kycrypt.verify_partner_jwt(i["token"], kycrypt.PublicKey.from_pem_or_jwk(i["key"]), i["now"], opts)


def test_empty_hmac_secret_is_invalid_key() -> None:
    # os.environ.get("SUMSUB_WEBHOOK_SECRET", "") must never verify HMAC("", body).
    secret = "".encode()
    with pytest.raises(kycrypt.InvalidKeyError):
        kycrypt.HmacKey(secret)
    with pytest.raises(kycrypt.InvalidKeyError):
        kycrypt.hmac_sha256(secret, b"body")
    with pytest.raises(kycrypt.InvalidKeyError):
        kycrypt.HmacKey.from_base64("")
    with pytest.raises(kycrypt.InvalidKeyError):
        kycrypt.zerohash_secret_from_base64("  ")
    with pytest.raises(kycrypt.InvalidKeyError):
        kycrypt.ZeroHashCredentials("api-key", "", "passphrase")


@pytest.mark.parametrize("case_id", ["trap-no-iat", "trap-lifetime-901", "trap-forever-no-iat", "trap-exp-string"])
def test_partner_jwt_lifetime_rules(case_id: str) -> None:
    with pytest.raises(kycrypt.MalformedTokenError):
        _partner(case_id)


def test_partner_jwt_fractional_times_and_cap() -> None:
    assert _partner("partner-fractional-times").partner_id == "partner-123"
    assert _partner("partner-lifetime-900").partner_id == "partner-123"
    with pytest.raises(kycrypt.ExpiredError):
        _partner("partner-fractional-exp-floor")


def test_generic_validation_lifetime_options() -> None:
    i = JWT_CASES["trap-lifetime-901"]["inputs"]
    key = kycrypt.PublicKey.from_pem_or_jwk(i["key"])
    # The generic default (one day) accepts 901 s; 900 refuses it; unbounded is explicit.
    kycrypt.verify_jwt(i["token"], key, i["now"])
    kycrypt.verify_jwt(i["token"], key, i["now"], kycrypt.JwtValidation())
    with pytest.raises(kycrypt.MalformedTokenError):
        kycrypt.verify_jwt(i["token"], key, i["now"], kycrypt.JwtValidation(max_lifetime_secs=900))
    with pytest.raises(kycrypt.InvalidArgumentError):
        kycrypt.verify_jwt(
            i["token"], key, i["now"], kycrypt.JwtValidation(max_lifetime_secs=900, allow_unbounded_lifetime=True)
        )
    no_iat = JWT_CASES["trap-no-iat"]["inputs"]
    with pytest.raises(kycrypt.MalformedTokenError):
        kycrypt.verify_jwt(no_iat["token"], key, no_iat["now"], kycrypt.JwtValidation(require_iat=True))
    forever = JWT_CASES["trap-forever-no-iat"]["inputs"]
    with pytest.raises(kycrypt.MalformedTokenError):
        kycrypt.verify_jwt(forever["token"], key, forever["now"])
    kycrypt.verify_jwt(forever["token"], key, forever["now"], kycrypt.JwtValidation(allow_unbounded_lifetime=True))


def test_jwks_key_ops_and_ambiguous_kid() -> None:
    with pytest.raises(kycrypt.KeyNotFoundError):
        _partner("partner-jwks-key-ops-without-verify")
    assert _partner("partner-jwks-key-ops-verify").partner_id == "partner-123"
    with pytest.raises(kycrypt.InvalidKeyError) as info:
        _partner("partner-jwks-ambiguous-kid")
    assert "more than one" in str(info.value)

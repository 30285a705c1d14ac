"""Runs the README's examples: every ```python block, in order, in one namespace.

`fastapi` and `requests` are replaced by small stand-ins (the handlers are not served);
the plain functions the handlers call are then exercised with the real samples of
test-vectors/ and must accept them and refuse tampered copies.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys
import time
import types
from typing import Any, Dict

import pytest

import kycrypt
from conftest import VECTORS_DIR

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"


class _HTTPException(Exception):
    def __init__(self, status_code: int, detail: str = "") -> None:
        super().__init__(detail)
        self.status_code, self.detail = status_code, detail


def _stub_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    fastapi = types.ModuleType("fastapi")

    class FastAPI:
        def post(self, _path: str):  # type: ignore[no-untyped-def]
            return lambda f: f

    fastapi.FastAPI, fastapi.HTTPException, fastapi.Request = FastAPI, _HTTPException, object  # type: ignore[attr-defined]
    requests = types.ModuleType("requests")
    requests.post = lambda *a, **k: pytest.fail("the README examples must not reach the network")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fastapi", fastapi)
    monkeypatch.setitem(sys.modules, "requests", requests)


def _case(file: str, pred: Any) -> Dict[str, Any]:
    cases = json.loads((VECTORS_DIR / file).read_text())["cases"]
    return next(c for c in cases if pred(c))


@pytest.fixture()
def ns(monkeypatch: pytest.MonkeyPatch) -> Dict[str, Any]:
    _stub_modules(monkeypatch)
    status = _case("corepass.json", lambda c: c["id"] == "status-accepted-upstream")
    env = {
        "MOCA_PARTNER_KEY_PEM": kycrypt.generate_private_key_pem("p256"),
        "MOCA_PARTNER_ID": "partner-1",
        "MOCA_ISSUER_DID": "did:air:issuer",
        "MOCA_CREDENTIAL_ID": "cred-1",
        "SUMSUB_WEBHOOK_SECRET": "unused",
        "COREPASS_CONNECTOR": status["inputs"]["connector"],
        "ZH_API_KEY": "key",
        "ZH_API_SECRET": "c2VjcmV0",
        "ZH_PASSPHRASE": "pass",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    assert len(blocks) >= 6, "README examples not found"
    namespace: Dict[str, Any] = {"__name__": "readme"}
    for b in blocks:
        exec(compile(b, str(README), "exec"), namespace)  # noqa: S102 (our own README)
    return namespace


def test_partner_jwt_from_the_readme_verifies_against_its_jwks(ns: Dict[str, Any]) -> None:
    token = ns["partner_jwt"]("user@example.com")
    claims = kycrypt.verify_partner_jwt_jwks(token, ns["JWKS"], int(time.time()))
    assert (claims.partner_id, claims.scope, claims.email) == ("partner-1", "issue", "user@example.com")


def test_sumsub_check_from_the_readme(ns: Dict[str, Any]) -> None:
    c = _case("webhooks.json", lambda c: c["inputs"].get("provider") == "sumsub" and c["expected"] == "valid")
    i = c["inputs"]
    ns["SUMSUB_SECRET"] = kycrypt.HmacKey(i["secret"].encode())
    headers = dict(i["headers"])
    event = ns["check_sumsub"](headers, i["body"].encode(), i["now"])
    assert event == json.loads(i["body"])
    with pytest.raises(kycrypt.SignatureInvalidError):
        ns["check_sumsub"](headers, i["body"].encode() + b" ", i["now"])


def test_corepass_check_from_the_readme_rejects_replays_and_tampering(ns: Dict[str, Any]) -> None:
    c = _case("corepass.json", lambda c: c["id"] == "status-accepted-upstream")
    body, now = c["inputs"]["body"].encode(), c["inputs"]["now"]
    v = ns["check_corepass_status"](body, now)
    assert v.user == c["output"]["user"] and v.status == kycrypt.CorePassStatus.ACCEPTED
    # The key is kept until replay_until (deadline + leeway), the last second it verifies.
    assert ns["SEEN"][v.replay_key] == v.replay_until == c["output"]["replay_until"]
    with pytest.raises(_HTTPException) as replay:
        ns["check_corepass_status"](body, v.replay_until)
    assert replay.value.status_code == 409
    ns["SEEN"].clear()
    with pytest.raises(kycrypt.ExpiredError):
        ns["check_corepass_status"](body, v.replay_until + 1)
    retargeted = body.rstrip()[:-1] + b',"Status": "FINISH_SUCCESS"}'
    with pytest.raises(kycrypt.MalformedInputError):
        ns["check_corepass_status"](retargeted, now)
    with pytest.raises(kycrypt.SignatureInvalidError):
        ns["check_corepass_status"](body.replace(b"ab148af5", b"ab148af6"), now)


def test_cak_encryption_from_the_readme(ns: Dict[str, Any]) -> None:
    sk = kycrypt.EciesSecretKey.generate("p256")
    image = b"\xff\xd8" + bytes(100_000) + b"\xff\xd9"
    sealed = ns["encrypt_id_image"](sk.public_key().to_sec1_bytes(True).hex(), image)
    # The verifier side takes the private key as hex, as CAK keys travel.
    priv_hex = _case(
        "ecies.json",
        lambda c: c["op"] == "ecies.parse_secret_key" and c["expected"] == "valid" and c["inputs"]["curve"] == "p256",
    )["inputs"]["secret_key"]
    pub = kycrypt.EciesSecretKey.parse("p256", priv_hex).public_key().to_sec1_bytes(False).hex()
    other = ns["encrypt_id_image"](pub, image)
    assert ns["decrypt_id_image"](priv_hex, other) == image
    with pytest.raises(kycrypt.DecryptionFailedError):
        ns["decrypt_id_image"](priv_hex, sealed)


def test_zerohash_headers_from_the_readme_verify_server_side(ns: Dict[str, Any]) -> None:
    h = ns["zerohash_headers"]("POST", "/orders/v1", '{"a":1}')
    key = kycrypt.zerohash_secret_from_base64("c2VjcmV0")
    v = kycrypt.zerohash_verify_request(h, "POST", "/orders/v1", '{"a":1}', key, int(time.time()))
    assert v.timestamp == int(h["X-SCX-TIMESTAMP"])


def test_error_classification_from_the_readme(ns: Dict[str, Any]) -> None:
    key = kycrypt.PrivateKey.from_pem(kycrypt.generate_private_key_pem("p256"))
    claims = kycrypt.PartnerClaims(partner_id="p", scope="issue")
    token = kycrypt.sign_partner_jwt(claims, key, 1_700_000_000)
    assert ns["classify"](token, key.public_key(), 1_700_000_100) == "ok"
    assert ns["classify"](token, key.public_key(), 1_800_000_000).startswith("expired")
    other = kycrypt.PrivateKey.from_pem(kycrypt.generate_private_key_pem("p256")).public_key()
    assert ns["classify"](token, other, 1_700_000_100) == "forged (signature_invalid)"
    assert ns["classify"]("a.b", other, 1_700_000_100).startswith("refused: malformed_token")

"""The package re-exports the whole generated surface, and nothing crashes on bad input."""

from __future__ import annotations

import inspect
import json
from typing import Any, Dict

import pytest

import kycrypt
from conftest import VECTORS_DIR
from kycrypt._ffi import kycrypt_ffi as gen

# Generated names that are plumbing or test hooks, not API.
PRIVATE = {"FfiError", "InternalError", "test_error", "test_panic"}


def _public_generated_names() -> set:
    names = set()
    for name in gen.__all__:
        obj = getattr(gen, name)
        if name in PRIVATE or name.endswith("Protocol") or name.startswith("_"):
            continue
        if inspect.isclass(obj) or inspect.isfunction(obj):
            names.add(name)
    return names


def test_every_generated_name_is_exported() -> None:
    public = _public_generated_names()
    assert len(public) > 60
    missing = sorted(n for n in public if n not in kycrypt.__all__ or not hasattr(kycrypt, n))
    assert not missing, f"not re-exported by kycrypt: {missing}"


def test_all_names_resolve() -> None:
    for name in kycrypt.__all__:
        assert hasattr(kycrypt, name), name


@pytest.mark.parametrize(
    "call",
    [
        lambda: kycrypt.PrivateKey.from_pem("-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----"),
        lambda: kycrypt.PublicKey.from_jwk("{"),
        lambda: kycrypt.PublicKey.from_der(b"\x30\x03\x02\x01"),
        lambda: kycrypt.PinnedConnector.parse("not an address"),
        lambda: kycrypt.corepass_parse_address("cb00"),
        lambda: kycrypt.EciesSecretKey.parse(kycrypt.Curve.P256, "zz"),
        lambda: kycrypt.open_envelope(kycrypt.EciesSecretKey.generate(kycrypt.Curve.P256), b"\x00" * 40),
        lambda: kycrypt.verify_jwt("a.b", kycrypt.PublicKey.from_jwk(_ED_JWK), kycrypt.JwtValidation(), 0),
        lambda: kycrypt.parse_did("did:"),
        lambda: kycrypt.DidDocument.from_json("[]"),
        lambda: kycrypt.cak_parse_callback(b"\xff\xfe"),
        lambda: kycrypt.verify_webhook("sumsub", b"k", [], b"{}", 0, kycrypt.WebhookOptions()),
        lambda: kycrypt.verify_webhook("nope", b"k", [], b"{}", 0, kycrypt.WebhookOptions()),
        lambda: kycrypt.zerohash_secret_from_base64("!!"),
        lambda: kycrypt.Ed448SigningKey.from_seed(b"short"),
        lambda: kycrypt.ed25519_verify(b"", b"", b""),
        lambda: kycrypt.encode_ed25519_multibase(b"\x01"),
        lambda: kycrypt.generate_private_key_pem("rsa-1"),
        lambda: kycrypt.select_from_jwks('{"keys": []}', "k"),
    ],
)
def test_malformed_input_raises_a_kycrypt_error(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(kycrypt.KycryptError) as info:
        call()
    assert info.value.code in kycrypt.error_codes()


_ED_JWK = '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'


def test_secret_objects_do_not_show_key_material() -> None:
    seed = bytes(range(32))
    for obj in (
        kycrypt.HmacKey(seed),
        kycrypt.Ed25519SigningKey.from_seed(seed),
        kycrypt.EciesSecretKey.from_bytes(kycrypt.Curve.P256, seed),
        kycrypt.PrivateKey.from_pem(kycrypt.generate_private_key_pem("p256")),
    ):
        for text in (repr(obj), str(obj)):
            assert seed.hex() not in text and "0102030405" not in text, text


def test_issue_partner_jwt_round_trip() -> None:
    key = kycrypt.PrivateKey.from_pem(kycrypt.generate_private_key_pem("p256"))
    claims = kycrypt.PartnerClaims(partner_id="p-1", scope="issue", email=None)
    token = kycrypt.sign_partner_jwt(key, "kid-1", claims, 1_700_000_000, 300)
    back = kycrypt.verify_partner_jwt(token, key.public_key(), 1_700_000_100, 0)
    assert (back.partner_id, back.scope) == ("p-1", "issue")
    with pytest.raises(kycrypt.ExpiredError):
        kycrypt.verify_partner_jwt(token, key.public_key(), 1_700_000_400, 0)


def test_cak_envelope_round_trip() -> None:
    sk = kycrypt.EciesSecretKey.generate(kycrypt.Curve.P256)
    image = bytes(range(256)) * 4096  # 1 MiB
    sealed = kycrypt.seal_envelope(sk.public_key(), image, kycrypt.EciesOptions())
    assert kycrypt.open_envelope(sk, sealed) == image
    info = kycrypt.envelope_info(sealed)
    assert info.curve == kycrypt.Curve.P256
    other = kycrypt.EciesSecretKey.generate(kycrypt.Curve.P256)
    with pytest.raises(kycrypt.DecryptionFailedError):
        kycrypt.open_envelope(other, sealed)


def test_data_callback_values_do_not_print() -> None:
    info = kycrypt.DataInfo(field_id="SH_DriverLicense_DOB", field_value="1986-09-06", pepper="ab" * 16)
    for text in (str(info), repr(info), repr([info])):
        assert "SH_DriverLicense_DOB" in text and "1986" not in text and "abab" not in text, text


# --- CorePass: member names and replay_until (on the real upstream samples) ----------------


def _corepass_case(case_id: str) -> Dict[str, Any]:
    cases = json.loads((VECTORS_DIR / "corepass.json").read_text())["cases"]
    return next(c for c in cases if c["id"] == case_id)


def _with_member(body: str, extra: str) -> bytes:
    """`body` with the member `extra` (JSON text) added before its closing brace."""
    return (body.rstrip()[:-1] + "," + extra + "}").encode()


@pytest.mark.parametrize(
    ("extra", "member"),
    [
        ('"User": "ab06b37c90098790e90bbcd56a701e50ec8b51b6bd5e"', "User"),
        ('"Status": "FINISH_SUCCESS"', "Status"),
        ('"Deadline": 9999999999', "Deadline"),
        ('"note": 1', "note"),
    ],
)
def test_corepass_refuses_a_case_variant_or_unknown_member(extra: str, member: str) -> None:
    c = _corepass_case("status-accepted-upstream")
    i = c["inputs"]
    pinned = kycrypt.PinnedConnector.parse(i["connector"])
    opts = kycrypt.CallbackOptions()
    assert kycrypt.verify_status_callback(i["body"].encode(), pinned, i["now"], opts).status == "ACCEPTED"
    with pytest.raises(kycrypt.MalformedInputError) as info:
        kycrypt.verify_status_callback(_with_member(i["body"], extra), pinned, i["now"], opts)
    assert info.value.code == "malformed_input"
    assert f'"{member}"' in info.value.message, info.value.message
    for value in ("ab06b37c", "FINISH_SUCCESS", "9999999999"):
        assert value not in info.value.message


def test_corepass_refuses_a_case_variant_inside_infos() -> None:
    i = _corepass_case("data-upstream-deadline-only-allowed")["inputs"]
    pinned = kycrypt.PinnedConnector.parse(i["connector"])
    opts = kycrypt.CallbackOptions(allow_deadline_only=True)
    at = i["body"].rindex('"pepper"')
    body = i["body"][:at] + '"FieldValue": "1999-01-01",\n' + i["body"][at:]
    with pytest.raises(kycrypt.MalformedInputError) as info:
        kycrypt.verify_data_callback(body.encode(), pinned, i["now"], opts)
    assert '"FieldValue"' in info.value.message and "1999" not in info.value.message


@pytest.mark.parametrize("skew", [30, 0, 300])
def test_corepass_replay_until_is_the_last_second_it_verifies(skew: int) -> None:
    c = _corepass_case("status-accepted-upstream")
    i = c["inputs"]
    pinned = kycrypt.PinnedConnector.parse(i["connector"])
    opts = kycrypt.CallbackOptions(skew_secs=skew)
    body = i["body"].encode()
    v = kycrypt.verify_status_callback(body, pinned, i["now"], opts)
    assert v.replay_until == v.deadline + skew == c["output"]["deadline"] + skew
    assert kycrypt.verify_status_callback(body, pinned, v.replay_until, opts).replay_key == v.replay_key
    with pytest.raises(kycrypt.ExpiredError):
        kycrypt.verify_status_callback(body, pinned, v.replay_until + 1, opts)

"""The fast lane (``kycrypt._fast``, ``bindings/ffi/src/fast.rs``): the public functions
that bypass UniFFI's marshalling must agree with the generated functions they replace,
byte for byte and error for error, and must refuse what would make the borrow unsound
(a wrong object type) with a ``TypeError`` rather than read it."""

from __future__ import annotations

import json
import time
from typing import Any, Callable

import pytest

import kycrypt
from kycrypt import _fast, hazmat
from kycrypt._ffi import kycrypt_ffi as gen
from conftest import VECTORS_DIR


def _case(file: str, case_id: str) -> Any:
    doc = json.loads((VECTORS_DIR / f"{file}.json").read_text())
    return next(c["inputs"] for c in doc["cases"] if c["id"] == case_id)


def _same_error(a: Callable[[], Any], b: Callable[[], Any]) -> kycrypt.KycryptError:
    with pytest.raises(kycrypt.KycryptError) as ea:
        a()
    with pytest.raises(kycrypt.KycryptError) as eb:
        b()
    assert type(ea.value) is type(eb.value)
    assert (ea.value.code, ea.value.reason) == (eb.value.code, eb.value.reason)
    return ea.value


def test_the_public_names_are_the_fast_lane() -> None:
    assert kycrypt.hmac_sha256 is _fast.hmac_sha256
    assert kycrypt.hmac_sha256.__doc__ == gen.hmac_sha256.__doc__


@pytest.mark.parametrize("key,msg", [(b"k", b""), (b"Jefe", b"what do ya want for nothing?"), (b"\x00" * 200, b"\xff" * 1000)])
def test_hmac_matches_the_generated_function(key: bytes, msg: bytes) -> None:
    expected = gen.hmac_sha256(key, msg)
    assert kycrypt.hmac_sha256(key, msg) == expected
    k: Any = kycrypt  # bytes-likes are accepted at run time; the types say bytes
    assert k.hmac_sha256(bytearray(key), memoryview(msg)) == expected


def test_hmac_errors_are_the_generated_ones() -> None:
    e = _same_error(lambda: kycrypt.hmac_sha256(b"", b"m"), lambda: gen.hmac_sha256(b"", b"m"))
    assert isinstance(e, kycrypt.InvalidKeyError)
    with pytest.raises(TypeError):
        kycrypt.hmac_sha256("text", b"m")  # type: ignore[arg-type]


def test_floors() -> None:
    assert hazmat.noop() is None
    assert hazmat.fast_noop(b"a", b"b") == bytes(32)


OPTIONS = [
    None,
    kycrypt.EciesOptions(),
    kycrypt.EciesOptions(compressed_ephemeral_key=True, compressed_hkdf_input=True, nonce_len=12),
    kycrypt.EciesOptions(compressed_hkdf_input=True),
    kycrypt.EciesOptions(nonce_len=16),
]


@pytest.mark.parametrize("curve", [kycrypt.Curve.P256, kycrypt.Curve.SECP256K1])
@pytest.mark.parametrize("options", OPTIONS)
@pytest.mark.parametrize("size", [0, 1, 31, 4096, 1 << 20])
def test_ecies_round_trips_both_ways(curve: Any, options: Any, size: int) -> None:
    sk = kycrypt.EciesSecretKey.generate(curve)
    pk = sk.public_key()
    pt = bytes((i * 31) & 0xFF for i in range(size)) if size < 5000 else bytes([0x6B]) * size
    env = kycrypt.seal_envelope(pt, pk, options)
    assert type(env) is bytes
    assert gen.open_envelope(env, sk) == pt  # the fast lane writes what the generated path reads
    assert kycrypt.open_envelope(env, sk) == pt
    assert kycrypt.open_envelope(gen.seal_envelope(pt, pk, options), sk) == pt
    raw = kycrypt.ecies_encrypt(pt, pk, options)
    assert gen.ecies_decrypt(raw, sk, options) == pt
    assert kycrypt.ecies_decrypt(raw, sk, options) == pt
    assert kycrypt.ecies_decrypt(gen.ecies_encrypt(pt, pk, options), sk, options) == pt
    # bytes-likes are accepted (copied once) and the input is left as it was
    buf = bytearray(pt)
    k: Any = kycrypt
    assert kycrypt.open_envelope(k.seal_envelope(memoryview(buf), pk, options), sk) == pt
    assert buf == pt


def test_ecies_results_are_new_objects() -> None:
    sk = kycrypt.EciesSecretKey.generate(kycrypt.Curve.P256)
    a = kycrypt.open_envelope(kycrypt.seal_envelope(b"x", sk.public_key()), sk)
    b = kycrypt.open_envelope(kycrypt.seal_envelope(b"y", sk.public_key()), sk)
    assert (a, b) == (b"x", b"y")
    assert kycrypt.open_envelope(kycrypt.seal_envelope(b"", sk.public_key()), sk) == b""
    assert b"" == bytes()  # the shared empty object was not written to


def test_ecies_errors_are_the_generated_ones() -> None:
    sk = kycrypt.EciesSecretKey.generate(kycrypt.Curve.P256)
    other = kycrypt.EciesSecretKey.generate(kycrypt.Curve.SECP256K1)
    pk = sk.public_key()
    env = kycrypt.seal_envelope(b"secret data", pk)
    tampered = env[:-1] + bytes([env[-1] ^ 1])
    e = _same_error(lambda: kycrypt.open_envelope(tampered, sk), lambda: gen.open_envelope(tampered, sk))
    assert isinstance(e, kycrypt.DecryptionFailedError)
    _same_error(lambda: kycrypt.open_envelope(env, other), lambda: gen.open_envelope(env, other))
    for bad in (b"", b"KYCE", b"nope" * 20, env[:20]):
        _same_error(lambda: kycrypt.open_envelope(bad, sk), lambda: gen.open_envelope(bad, sk))
        _same_error(lambda: kycrypt.ecies_decrypt(bad, sk), lambda: gen.ecies_decrypt(bad, sk))
    for nl in (0, 8, 13, 255, -1):
        o = kycrypt.EciesOptions(nonce_len=nl)
        _same_error(lambda: kycrypt.seal_envelope(b"x", pk, o), lambda: gen.seal_envelope(b"x", pk, o))
        _same_error(lambda: kycrypt.ecies_decrypt(env, sk, o), lambda: gen.ecies_decrypt(env, sk, o))


def test_wrong_objects_are_type_errors_not_reads() -> None:
    sk = kycrypt.EciesSecretKey.generate(kycrypt.Curve.P256)
    pk = sk.public_key()
    env = kycrypt.seal_envelope(b"x", pk)
    k: Any = kycrypt  # the calls below are deliberately ill-typed
    calls: list[Callable[[], Any]] = [
        lambda: k.seal_envelope(b"x", sk),  # a secret key where a public key goes
        lambda: k.open_envelope(env, pk),
        lambda: k.ecies_encrypt(b"x", object()),
        lambda: k.ecies_decrypt(env, None),
        lambda: k.seal_envelope(b"x", pk, {"nonce_len": 12}),
        lambda: k.seal_envelope(b"x", pk, k.EciesOptions(compressed_hkdf_input=1)),
        lambda: k.seal_envelope("text", pk),
    ]
    for call in calls:
        with pytest.raises(TypeError):
            call()


def test_corepass_callback_matches_the_generated_function() -> None:
    i = _case("corepass", "status-accepted-upstream")
    pinned = kycrypt.PinnedConnector.parse(i["connector"])
    body = i["body"].encode()
    assert kycrypt.verify_corepass_callback("status", body, pinned, i["now"]) == gen.verify_corepass_callback(
        kycrypt.CallbackKind.STATUS, body, pinned, i["now"], None
    )
    for kind, b, now in (("status", body[:-2], i["now"]), ("data", body, i["now"]), ("status", body, -1),
                         ("status", body, i["now"] + 10**9)):
        k = kycrypt.CallbackKind[kind.upper()]
        _same_error(lambda: kycrypt.verify_corepass_callback(kind, b, pinned, now),
                    lambda: gen.verify_corepass_callback(k, b, pinned, now, None))
    for opts in (kycrypt.CallbackOptions(), kycrypt.CallbackOptions(leeway_secs=0, allow_deadline_only=True),
                 kycrypt.CallbackOptions(leeway_secs=10**6), kycrypt.CallbackOptions(leeway_secs=-3)):
        for at in (i["now"], i["now"] + 600):
            try:
                expected = gen.verify_corepass_callback(kycrypt.CallbackKind.STATUS, body, pinned, at, opts)
            except kycrypt.KycryptError:
                _same_error(lambda: kycrypt.verify_corepass_callback("status", body, pinned, at, opts),
                            lambda: gen.verify_corepass_callback(kycrypt.CallbackKind.STATUS, body, pinned, at, opts))
            else:
                assert kycrypt.verify_corepass_callback("status", body, pinned, at, opts) == expected
    ky: Any = kycrypt
    with pytest.raises(TypeError):
        ky.verify_corepass_callback("status", body, kycrypt.EciesSecretKey.generate("p256"), i["now"])
    with pytest.raises(TypeError):
        ky.verify_corepass_callback("status", body, pinned, i["now"], {"leeway_secs": 1})


@pytest.mark.parametrize("case_id", ["sign-es256-roundtrip", "sign-rs256-issue-300"])
def test_partner_jwts_match_the_generated_functions(case_id: str) -> None:
    i = _case("jwt", case_id)
    key = kycrypt.PrivateKey.from_pem(i["key"])
    now = int(time.time())
    for claims in (
        kycrypt.PartnerClaims(partner_id=i["partner_id"], scope=i["scope"], email=i["email"], extra_json="{}"),
        kycrypt.PartnerClaims(partner_id="p", scope="s"),
        kycrypt.PartnerClaims(partner_id="p", scope="s", email="", extra_json='{"a": [1, "é"]}'),
    ):
        for opts in (None, kycrypt.PartnerJwtSignOptions(ttl_secs=300, kid=i["kid"])):
            token = kycrypt.sign_partner_jwt(claims, key, now, opts)
            expected = gen.verify_partner_jwt(gen.sign_partner_jwt(claims, key, now, opts), key.public_key(), now, None)
            for v in (None, kycrypt.PartnerJwtValidation(leeway_secs=0)):
                assert kycrypt.verify_partner_jwt(token, key.public_key(), now, v) == expected
    claims = kycrypt.PartnerClaims(partner_id="p", scope="s")
    for bad in (
        kycrypt.PartnerJwtSignOptions(ttl_secs=-5),
        kycrypt.PartnerJwtSignOptions(ttl_secs=10**9),
        kycrypt.PartnerJwtSignOptions(kid=""),  # an empty kid is refused, not dropped
    ):
        _same_error(lambda: kycrypt.sign_partner_jwt(claims, key, now, bad), lambda: gen.sign_partner_jwt(claims, key, now, bad))
    bad_claims = kycrypt.PartnerClaims(partner_id="p", scope="s", extra_json="[1]")
    _same_error(lambda: kycrypt.sign_partner_jwt(bad_claims, key, now), lambda: gen.sign_partner_jwt(bad_claims, key, now, None))
    token = kycrypt.sign_partner_jwt(claims, key, now)
    pub = key.public_key()
    for tok, at in ((token + "x", now), (token, now + 10**6), (token, -1), ("a.b", now)):
        _same_error(lambda: kycrypt.verify_partner_jwt(tok, pub, at), lambda: gen.verify_partner_jwt(tok, pub, at, None))
    with pytest.raises(TypeError):
        kycrypt.verify_partner_jwt(token, key, now)  # type: ignore[arg-type]  # a private key where a public key goes
    with pytest.raises(TypeError):
        kycrypt.sign_partner_jwt(claims, pub, now)  # type: ignore[arg-type]

"""The facade: every generated public name is reachable, the submodules and the flat
names are the same objects, enums also accept their names as strings, headers come in
any usual form, options default to ``None``, and nothing crashes on bad input."""

from __future__ import annotations

import enum
import inspect
import json
from typing import Any, Callable, Dict, List, Set

import pytest

import kycrypt
from conftest import VECTORS_DIR
from kycrypt import hazmat
from kycrypt._ffi import kycrypt_ffi as gen

# UniFFI's own exception for failures of its plumbing (not a kycrypt error code).
PLUMBING = {"InternalError"}
SUBMODULES = ("webhooks", "zerohash", "corepass", "moca", "did")


def _public_generated_names() -> Set[str]:
    names = set()
    for name in gen.__all__:
        obj = getattr(gen, name)
        if name in PLUMBING or name.endswith("Protocol") or name.startswith("_"):
            continue
        if inspect.isclass(obj) or inspect.isfunction(obj):
            names.add(name)
    return names


def _facade_object(name: str) -> Any:
    if name.startswith("hazmat_"):
        return getattr(hazmat, name[len("hazmat_") :])
    return getattr(kycrypt, name)


def test_all_lists_every_error_class_in_table_order() -> None:
    from kycrypt import _errors

    listed = [n for n in kycrypt.__all__ if n in _errors.ERROR_NAMES]
    assert listed == list(_errors.ERROR_NAMES)
    assert len(_errors.ERROR_NAMES) == len(kycrypt.error_codes())


def test_every_generated_name_is_reachable() -> None:
    public = _public_generated_names()
    assert len(public) > 60
    missing = []
    for name in sorted(public):
        try:
            ours = _facade_object(name)
        except AttributeError:
            missing.append(name)
            continue
        theirs = getattr(gen, name)
        if inspect.isclass(theirs):
            assert inspect.isclass(ours) and issubclass(ours, theirs), name
        else:
            assert callable(ours), name
        if not name.startswith("hazmat_"):
            assert name in kycrypt.__all__, f"{name} is not in kycrypt.__all__"
    assert not missing, f"not reachable from kycrypt: {missing}"


def test_all_names_resolve() -> None:
    for name in kycrypt.__all__:
        assert hasattr(kycrypt, name), name
    for mod in SUBMODULES:
        sub = getattr(kycrypt, mod)
        for name in sub.__all__:
            assert hasattr(sub, name), f"kycrypt.{mod}.{name}"


def test_hazmat_is_not_in_the_flat_namespace() -> None:
    for name in hazmat.__all__:
        assert name not in kycrypt.__all__ and f"hazmat_{name}" not in kycrypt.__all__
        assert not hasattr(kycrypt, f"hazmat_{name}")
    assert "hazmat" not in kycrypt.__all__
    assert not [n for n in kycrypt.__all__ if n.startswith("hazmat")]
    assert not [n for n in dir(kycrypt) if n.startswith("hazmat_")]


@pytest.mark.parametrize(
    ("flat", "sub"),
    [
        ("verify_webhook", "webhooks.verify"),
        ("zerohash_sign", "zerohash.sign"),
        ("zerohash_signing_message", "zerohash.signing_message"),
        ("zerohash_secret_from_base64", "zerohash.secret_from_base64"),
        ("zerohash_verify_request", "zerohash.verify_request"),
        ("zerohash_verify_webhook_rsa", "zerohash.verify_webhook_rsa"),
        ("verify_corepass_callback", "corepass.verify_callback"),
        ("corepass_address_from_public_key", "corepass.address_from_public_key"),
        ("corepass_parse_address", "corepass.parse_address"),
        ("corepass_item_sha3", "corepass.item_sha3"),
        ("corepass_parse_pepper", "corepass.parse_pepper"),
        ("check_qrcode_expiration", "corepass.check_qrcode_expiration"),
        ("sign_partner_jwt", "moca.sign_partner_jwt"),
        ("verify_partner_jwt_jwks", "moca.verify_partner_jwt_jwks"),
        ("seal_envelope", "moca.seal_envelope"),
        ("open_envelope", "moca.open_envelope"),
        ("cak_parse_callback", "moca.cak_parse_callback"),
        ("EciesSecretKey", "moca.EciesSecretKey"),
        ("verify_did_jwt", "did.verify_did_jwt"),
        ("resolve_did_key", "did.resolve_did_key"),
        ("DidDocument", "did.DidDocument"),
    ],
)
def test_flat_names_are_the_submodule_functions(flat: str, sub: str) -> None:
    mod, name = sub.split(".")
    assert getattr(kycrypt, flat) is getattr(getattr(kycrypt, mod), name)


def test_options_arguments_default_to_none() -> None:
    for mod in SUBMODULES:
        sub = getattr(kycrypt, mod)
        for name in sub.__all__:
            obj = getattr(sub, name)
            if not callable(obj) or inspect.isclass(obj):
                continue
            for p in inspect.signature(obj).parameters.values():
                if p.name == "options" or p.name.endswith("_options"):
                    assert p.default is None, f"kycrypt.{mod}.{name}({p.name}=...)"


# --- enums as strings ----------------------------------------------------------------


def _sumsub_case() -> Dict[str, Any]:
    cases = json.loads((VECTORS_DIR / "webhooks.json").read_text())["cases"]
    return next(c for c in cases if c["inputs"].get("provider") == "sumsub" and c["expected"] == "valid")


@pytest.mark.parametrize("provider", ["sumsub", "SUMSUB", "Sumsub", kycrypt.Provider.SUMSUB])
def test_provider_as_enum_or_string(provider: kycrypt.ProviderLike) -> None:
    i = _sumsub_case()["inputs"]
    secret = kycrypt.HmacKey(i["secret"].encode())
    v = kycrypt.verify_webhook(provider, i["headers"], i["body"].encode(), secret, i["now"])
    assert v.provider == kycrypt.Provider.SUMSUB
    assert isinstance(v.scheme, kycrypt.WebhookScheme)


@pytest.mark.parametrize(
    ("name", "member"),
    [
        ("corepass", kycrypt.Provider.CORE_PASS),
        ("core_pass", kycrypt.Provider.CORE_PASS),
        ("zerohash", kycrypt.Provider.ZERO_HASH),
        ("jumio", kycrypt.Provider.JUMIO),
    ],
)
def test_provider_names_with_or_without_separators(name: str, member: kycrypt.Provider) -> None:
    from kycrypt._types import enum_value

    assert enum_value(kycrypt.Provider, name) is member


def test_unknown_provider_name_is_invalid_argument() -> None:
    with pytest.raises(kycrypt.InvalidArgumentError) as info:
        kycrypt.verify_webhook("nope", [], b"{}", kycrypt.HmacKey(b"k"), 0)
    assert info.value.code == "invalid_argument" and "'nope'" in info.value.reason
    with pytest.raises(TypeError):
        kycrypt.verify_webhook(3, [], b"{}", kycrypt.HmacKey(b"k"), 0)  # type: ignore[arg-type]


@pytest.mark.parametrize("alg", ["sha256", "SHA256", kycrypt.HmacAlg.SHA256])
def test_hmac_alg_as_enum_or_string(alg: kycrypt.HmacAlgLike) -> None:
    key = kycrypt.HmacKey(b"Jefe")
    tag = key.sign(alg, b"what do ya want for nothing?")
    assert tag.hex().startswith("5bdcc146bf60754e")
    key.verify(alg, b"what do ya want for nothing?", tag)
    assert len(key.sign("sha512", b"m")) == 64 and len(key.sign("sha1", b"m")) == 20
    with pytest.raises(kycrypt.InvalidArgumentError):
        key.sign("md5", b"m")


def test_keys_from_any_constructor_take_string_algorithms() -> None:
    for key in (
        kycrypt.HmacKey(b"secret"),
        kycrypt.HmacKey.from_base64("c2VjcmV0"),
        kycrypt.zerohash_secret_from_base64("c2VjcmV0"),
    ):
        assert isinstance(key, kycrypt.HmacKey)
        assert key.sign("sha256", b"m") == kycrypt.hmac_sha256(b"secret", b"m")


# --- headers -------------------------------------------------------------------------


def test_headers_as_mapping_pairs_or_records() -> None:
    i = _sumsub_case()["inputs"]
    secret = kycrypt.HmacKey(i["secret"].encode())
    pairs = [(n, v) for n, v in i["headers"]]
    forms: List[kycrypt.HeadersLike] = [
        dict(pairs),
        pairs,
        [kycrypt.HttpHeader(name=n, value=v) for n, v in pairs],
    ]
    for headers in forms:
        kycrypt.verify_webhook("sumsub", headers, i["body"].encode(), secret, i["now"])
    # A repeated header stays visible (and is refused as ambiguous).
    with pytest.raises(kycrypt.KycryptError):
        kycrypt.verify_webhook("sumsub", pairs + pairs[:1], i["body"].encode(), secret, i["now"])


def _pinned() -> kycrypt.PinnedConnector:
    cases = json.loads((VECTORS_DIR / "corepass.json").read_text())["cases"]
    case = next(c for c in cases if c["id"] == "status-accepted-upstream")
    return kycrypt.PinnedConnector.parse(case["inputs"]["connector"])


_ED_JWK = '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'

# --- bad input -----------------------------------------------------------------------

BAD_CALLS: List[Callable[[], object]] = [
    lambda: kycrypt.verify_webhook("sumsub", [], b"{}", kycrypt.HmacKey(b"k"), 0),
    lambda: kycrypt.verify_webhook("sumsub", [], b"{}", kycrypt.HmacKey(b"k"), -5),
    lambda: kycrypt.verify_webhook("jumio", [], b"{}", kycrypt.HmacKey(b"k"), 0),
    lambda: kycrypt.verify_webhook("sumsub", [], b"{}", kycrypt.HmacKey(b"k"), 0, kycrypt.WebhookOptions(leeway_secs=10**6)),
    lambda: kycrypt.zerohash_secret_from_base64("!!"),
    lambda: kycrypt.zerohash_verify_request({}, "GET", "/", "", kycrypt.HmacKey(b"k"), 0),
    lambda: kycrypt.ZeroHashPublicKey.from_pem("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----"),
    lambda: kycrypt.ZeroHashCredentials("k", "!!", "p"),
    lambda: kycrypt.HmacKey(b""),
    lambda: kycrypt.PrivateKey.from_pem("-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----"),
    lambda: kycrypt.PublicKey.from_jwk("{"),
    lambda: kycrypt.PublicKey.from_der(b"\x30\x03\x02\x01"),
    lambda: kycrypt.PinnedConnector.parse("not an address"),
    lambda: kycrypt.corepass_parse_address("cb00"),
    lambda: kycrypt.verify_corepass_callback("status", b"{}", _pinned(), 0),
    lambda: kycrypt.verify_corepass_callback("data", b"\xff", _pinned(), 0, kycrypt.CallbackOptions(leeway_secs=-1)),
    lambda: kycrypt.EciesSecretKey.parse("p256", "zz"),
    lambda: kycrypt.open_envelope(b"\x00" * 40, kycrypt.EciesSecretKey.generate("p256")),
    lambda: kycrypt.verify_jwt("a.b", kycrypt.PublicKey.from_jwk(_ED_JWK), 0),
    lambda: kycrypt.parse_did("did:"),
    lambda: kycrypt.DidDocument.from_json("[]"),
    lambda: kycrypt.cak_parse_callback(b"\xff\xfe"),
    lambda: kycrypt.Ed448SigningKey.from_seed(b"short"),
    lambda: kycrypt.ed25519_verify(b"", b"", b""),
    lambda: kycrypt.encode_ed25519_multibase(b"\x01"),
    lambda: kycrypt.generate_private_key_pem("rsa-1"),
    lambda: kycrypt.select_from_jwks('{"keys": []}', "k"),
]


@pytest.mark.parametrize("call", BAD_CALLS)
def test_malformed_input_raises_a_kycrypt_error(call: Callable[[], object]) -> None:
    with pytest.raises(kycrypt.KycryptError) as info:
        call()
    assert info.value.code in kycrypt.error_codes()


def test_enums_are_python_enums() -> None:
    for cls in (kycrypt.Provider, kycrypt.HmacAlg, kycrypt.WebhookScheme, kycrypt.Curve, kycrypt.CallbackKind, kycrypt.Network):
        assert issubclass(cls, enum.Enum)


def test_curve_kind_network_and_purpose_as_strings() -> None:
    sk = kycrypt.EciesSecretKey.generate("secp256k1")
    assert sk.curve() == kycrypt.Curve.SECP256K1
    pk = sk.public_key()
    assert isinstance(pk, kycrypt.EciesPublicKey)
    same = kycrypt.EciesPublicKey.parse("secp256k1", pk.to_sec1_bytes(True).hex())
    assert same.to_sec1_bytes(False) == pk.to_sec1_bytes(False)
    assert kycrypt.open_envelope(kycrypt.seal_envelope(b"x", same), sk) == b"x"
    with pytest.raises(kycrypt.InvalidArgumentError):
        kycrypt.EciesSecretKey.generate("p384")
    signing = kycrypt.Ed25519SigningKey.generate()
    did = "did:key:" + kycrypt.encode_ed25519_multibase(signing.public_key())
    doc = kycrypt.resolve_did_key(did)
    assert isinstance(doc, kycrypt.DidDocument)
    assert doc.methods_for(did, None, "authentication") == doc.methods_for(did, None, kycrypt.VerificationPurpose.AUTHENTICATION)
    with pytest.raises(kycrypt.InvalidArgumentError):
        kycrypt.verify_corepass_callback("nope", b"{}", _pinned(), 0)
    with pytest.raises(kycrypt.InvalidArgumentError):
        kycrypt.corepass_address_from_public_key(bytes(57), "moonnet")

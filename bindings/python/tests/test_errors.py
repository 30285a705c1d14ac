"""The error model across the boundary: the generated ``KycryptError`` with one subclass
per code, reachable as ``kycrypt.<Variant>Error``, caught by ``except`` with no patching;
a panic inside Rust is a catchable ``KycryptError.Internal``; bad input raises its code;
keys never print their bytes; the package is the installed one, typed."""

from __future__ import annotations

import os
import pathlib

import pytest

import kycrypt
from kycrypt import hazmat
from kycrypt._ffi import kycrypt_ffi as gen

CODES = kycrypt.error_codes()


def _variant(code: str) -> str:
    return "".join(part.capitalize() for part in code.split("_"))


def test_the_error_is_the_generated_class() -> None:
    assert kycrypt.KycryptError is getattr(gen, "KycryptError")
    assert issubclass(kycrypt.KycryptError, Exception)


def test_every_code_has_its_alias_and_nested_class() -> None:
    assert len(CODES) == 24 and len(set(CODES)) == 24
    assert sorted(kycrypt.ERRORS_BY_CODE) == sorted(CODES)
    for code in CODES:
        nested = getattr(kycrypt.KycryptError, _variant(code))
        alias = getattr(kycrypt, _variant(code) + "Error")
        assert alias is nested is kycrypt.ERRORS_BY_CODE[code], code
        assert issubclass(alias, kycrypt.KycryptError)
        assert _variant(code) + "Error" in kycrypt.__all__


@pytest.mark.parametrize("code", CODES)
def test_every_code_raised_in_rust_is_caught_by_its_alias(code: str) -> None:
    alias = kycrypt.ERRORS_BY_CODE[code]
    try:
        hazmat.test_error(code)
    except alias as e:
        assert type(e) is getattr(kycrypt.KycryptError, _variant(code))
        assert e.code == code
        assert e.reason == f"test error {code}"
    else:
        pytest.fail("no error raised")


@pytest.mark.parametrize("code", CODES)
def test_every_code_raised_in_rust_is_caught_by_the_base(code: str) -> None:
    try:
        hazmat.test_error(code)
    except kycrypt.KycryptError as e:
        assert e.code == code
        assert isinstance(e, kycrypt.ERRORS_BY_CODE[code])
        others = [c for c in CODES if c != code]
        assert not any(isinstance(e, kycrypt.ERRORS_BY_CODE[c]) for c in others)
    else:
        pytest.fail("no error raised")


def test_signature_invalid_by_name() -> None:
    with pytest.raises(kycrypt.SignatureInvalidError) as info:
        hazmat.test_error("signature_invalid")
    assert isinstance(info.value, kycrypt.KycryptError.SignatureInvalid)
    assert info.value.code == "signature_invalid"


def test_unknown_code_is_internal() -> None:
    with pytest.raises(kycrypt.InternalError) as info:
        hazmat.test_error("no_such_code")
    assert info.value.code == "internal"


def test_a_panic_inside_rust_is_a_catchable_internal_error() -> None:
    with pytest.raises(kycrypt.KycryptError.Internal) as info:
        hazmat.test_panic()
    assert info.value.code == "internal"
    assert "panic" in info.value.reason
    # The interpreter is alive and the library still works.
    assert len(kycrypt.hmac_sha256(b"Jefe", b"x")) == 32


def test_no_generated_function_is_patched() -> None:
    # The facade neither replaces nor wraps the generated status check.
    source = pathlib.Path(gen.__file__).read_text()
    assert "def _uniffi_check_call_status(" in source
    assert gen._uniffi_check_call_status.__module__ == gen.__name__
    assert gen._uniffi_check_call_status.__code__.co_filename == gen.__file__


def test_malformed_input() -> None:
    with pytest.raises(kycrypt.MalformedInputError) as info:
        kycrypt.HmacKey.from_base64("not*base64")
    assert info.value.code == "malformed_input"
    assert "not*base64" not in str(info.value)


def test_bad_tag() -> None:
    key = kycrypt.HmacKey(b"Jefe")
    with pytest.raises(kycrypt.SignatureInvalidError):
        key.verify(kycrypt.HmacAlg.SHA256, b"m", bytes(32))


def test_negative_time_is_malformed_input() -> None:
    with pytest.raises(kycrypt.MalformedInputError) as info:
        kycrypt.zerohash_sign("GET", "/x", "", kycrypt.HmacKey(b"k"), -1)
    assert "must not be negative" in info.value.reason


def test_wrong_python_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        kycrypt.HmacKey("not bytes")  # type: ignore[arg-type]


def test_bytes_in_and_out() -> None:
    tag = kycrypt.HmacKey(b"Jefe").sign(kycrypt.HmacAlg.SHA256, b"what do ya want for nothing?")
    assert isinstance(tag, bytes)
    assert tag.hex() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"


def test_key_never_shows_its_bytes() -> None:
    key = kycrypt.HmacKey(b"super-secret-value")
    for s in (str(key), repr(key), format(key), f"{key!r}"):
        assert "super" not in s and "7375706572" not in s


def test_package_is_typed_and_installed() -> None:
    pkg = pathlib.Path(kycrypt.__file__).parent
    assert (pkg / "py.typed").exists()
    assert kycrypt.version() == kycrypt.__version__
    if os.environ.get("KYCRYPT_EXPECT_INSTALLED") == "1":
        assert "site-packages" in pkg.parts, f"testing {pkg}, not the installed wheel"

"""The error model across the boundary: a KycryptError subclass per code with `.code`;
a panic inside Rust is a catchable InternalError, not an abort; bad input raises the
stable code; keys never print their bytes; the package is the installed one, typed."""

from __future__ import annotations

import os
import pathlib

import pytest

import kycrypt
from kycrypt._ffi import kycrypt_ffi as gen


def test_every_code_has_its_own_class() -> None:
    codes = kycrypt.error_codes()
    assert len(codes) == 24 and len(set(codes)) == 24
    assert sorted(kycrypt.ERRORS_BY_CODE) == sorted(codes)
    assert len(set(kycrypt.ERRORS_BY_CODE.values())) == 24
    for cls in kycrypt.ERRORS_BY_CODE.values():
        assert issubclass(cls, kycrypt.KycryptError) and getattr(kycrypt, cls.__name__) is cls


@pytest.mark.parametrize("code", kycrypt.error_codes())
def test_every_code_raised_in_rust_arrives_as_its_class(code: str) -> None:
    with pytest.raises(kycrypt.KycryptError) as info:
        gen.test_error(code)
    assert type(info.value) is kycrypt.ERRORS_BY_CODE[code]
    assert info.value.code == code
    assert info.value.message == f"test error {code}" == str(info.value)


def test_unknown_code_is_internal() -> None:
    with pytest.raises(kycrypt.InternalError):
        gen.test_error("no_such_code")


def test_a_panic_inside_rust_is_a_catchable_internal_error() -> None:
    with pytest.raises(kycrypt.InternalError) as info:
        gen.test_panic()
    assert info.value.code == "internal"
    # The interpreter is alive and the library still works.
    assert len(kycrypt.hmac_sha256(b"Jefe", b"x")) == 32


def test_malformed_input() -> None:
    with pytest.raises(kycrypt.MalformedInputError) as info:
        kycrypt.HmacKey.from_base64("not*base64")
    assert info.value.code == "malformed_input"
    assert "not*base64" not in str(info.value)


def test_bad_tag() -> None:
    key = kycrypt.HmacKey(b"Jefe")
    with pytest.raises(kycrypt.SignatureInvalidError):
        key.verify(kycrypt.HmacAlg.SHA256, b"m", bytes(32))


def test_wrong_python_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        kycrypt.HmacKey("not bytes")  # type: ignore[arg-type]


def test_bytes_in_and_out() -> None:
    tag = kycrypt.HmacKey(b"Jefe").sign(kycrypt.HmacAlg.SHA256, b"what do ya want for nothing?")
    assert isinstance(tag, bytes)
    assert tag.hex() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"


def test_key_never_shows_its_bytes() -> None:
    key = kycrypt.HmacKey(b"super-secret-value")
    for s in (str(key), repr(key), format(key)):
        assert "super" not in s and "7375706572" not in s


def test_package_is_typed_and_installed() -> None:
    pkg = pathlib.Path(kycrypt.__file__).parent
    assert (pkg / "py.typed").exists()
    assert kycrypt.version() == kycrypt.__version__
    if os.environ.get("KYCRYPT_EXPECT_INSTALLED") == "1":
        assert "site-packages" in pkg.parts, f"testing {pkg}, not the installed wheel"

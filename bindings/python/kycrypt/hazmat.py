"""Operations that are not API: test hooks and deterministic, test-only forms of
randomized operations (the generated ``hazmat_*`` functions, without the prefix).

Production code must not use them. They are not in the flat ``kycrypt`` namespace nor
in ``kycrypt.__all__``.
"""

from __future__ import annotations

from typing import Optional

from ._ffi import kycrypt_ffi as _gen

#: Test hook: panics inside Rust; the panic surfaces as ``KycryptError.Internal``.
test_panic = _gen.hazmat_test_panic

#: Test hook: ``test_error(code)`` raises the error of ``code`` (``internal`` for an
#: unknown code).
test_error = _gen.hazmat_test_error

__all__ = ["test_error", "test_panic"]



def ecies_encrypt_with_ephemeral(
    plaintext: bytes,
    recipient: _gen.EciesPublicKey,
    ephemeral_secret: bytes,
    nonce: bytes,
    options: Optional[_gen.EciesOptions] = None,
) -> bytes:
    """Deterministic ECIES, for test vectors only: reusing an ephemeral secret or a
    nonce breaks the encryption."""
    return _gen.hazmat_ecies_encrypt_with_ephemeral(plaintext, recipient, ephemeral_secret, nonce, options)


__all__ += ["ecies_encrypt_with_ephemeral"]

"""Operations that are not API: test hooks and deterministic, test-only forms of
randomized operations (the generated ``hazmat_*`` functions, without the prefix).

Production code must not use them. They are not in the flat ``kycrypt`` namespace nor
in ``kycrypt.__all__``.
"""

from __future__ import annotations

from typing import Optional

from . import _fast
from ._ffi import kycrypt_ffi as _gen

#: Test hook: panics inside Rust; the panic surfaces as ``KycryptError.Internal``.
test_panic = _gen.hazmat_test_panic

#: Test hook: ``test_error(code)`` raises the error of ``code`` (``internal`` for an
#: unknown code).
test_error = _gen.hazmat_test_error

#: Benchmark hook: a UniFFI call that does nothing (the floor of a generated call).
noop = _gen.hazmat_noop

#: Benchmark hook: the fast lane's floor (``fast_noop(a, b)``: the arguments of
#: ``kycrypt.hmac_sha256``, no work).
fast_noop = _fast.noop

__all__ = ["fast_noop", "noop", "test_error", "test_panic"]



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

//! Operations that are not API: test hooks and deterministic test-only forms of
//! randomized operations. They live outside the public namespace — UniFFI names start
//! with `hazmat_` (Python `kycrypt.hazmat`), napi exports sit in the `hazmat`
//! namespace (`kycrypt.hazmat`) — and production code must not call them.

#[cfg(napi)]
use napi_derive::napi;

use crate::api::ecies::{EciesOptions, EciesPublicKey};
use crate::shim::{BytesIn, BytesOut, Error, error_with_code, guard};

/// Test hook: panics inside the guard, so the bindings' tests can check that a panic
/// surfaces as a catchable `internal` error and never aborts the process.
///
/// # Errors
/// Always `internal`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi(namespace = "hazmat", js_name = "testPanic"))]
#[allow(clippy::panic)]
pub fn hazmat_test_panic() -> Result<(), Error> {
    guard(|| panic!("kycrypt test panic"))
}

/// Benchmark hook: does nothing. `scripts/compare-peers` times it as the floor of one
/// call through the binding (UniFFI's or napi's own cost, with no argument and no
/// result).
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi(namespace = "hazmat", js_name = "noop"))]
pub fn hazmat_noop() {}

/// Test hook: fails with the error of `code` (`internal` for an unknown code), so the
/// bindings' tests can check their mapping of every code.
///
/// # Errors
/// Always: the error named by `code`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi(namespace = "hazmat", js_name = "testError"))]
pub fn hazmat_test_error(code: String) -> Result<(), Error> {
    Err(error_with_code(&code, format!("test error {code}")))
}

/// For test vectors only: ECIES-encrypts `plaintext` to `recipient` with the given
/// ephemeral secret (32 bytes) and nonce (`nonce_len` bytes), so that pinned vectors
/// re-encrypt byte-exactly. Reusing an ephemeral secret or a nonce destroys
/// confidentiality; production code calls `ecies_encrypt`.
///
/// # Errors
/// `invalid_key` (an ephemeral secret that is not a valid 32-byte scalar),
/// `invalid_argument` (options, or a nonce of another length), plus the errors of
/// `ecies_encrypt`.
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(
    napi,
    napi(namespace = "hazmat", js_name = "eciesEncryptWithEphemeral")
)]

pub fn hazmat_ecies_encrypt_with_ephemeral(
    plaintext: BytesIn,
    recipient: &EciesPublicKey,
    ephemeral_secret: BytesIn,
    nonce: BytesIn,
    options: Option<EciesOptions>,
) -> Result<BytesOut, Error> {
    guard(|| {
        let opts = EciesOptions::to_core(options)?;
        Ok(kycrypt::primitives::ecies::hazmat::encrypt_with_ephemeral(
            &plaintext,
            &recipient.0,
            &ephemeral_secret,
            &nonce,
            &opts,
        )?
        .into())
    })
}

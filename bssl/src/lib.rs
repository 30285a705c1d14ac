//! A small, safe wrapper over [BoringSSL] (through the `boring-sys` crate) with
//! exactly what kycrypt's CAK ECIES needs and nothing else:
//!
//! - [`Aes256Gcm`]: AES-256-GCM sealing and opening in place, with a 12- or
//!   16-byte nonce, no associated data and a detached 16-byte tag. eciesjs uses
//!   a 16-byte nonce by default, which `ring` and `aws-lc-rs` do not offer and
//!   which the RustCrypto `aes-gcm` crate runs at about 0.65x OpenSSL; BoringSSL's
//!   one-shot `EVP_AEAD` API takes any nonce length and runs its stitched
//!   AES-NI/VAES + CLMUL kernels for both.
//! - [`p256_mul`] and [`p256_mul_base`]: P-256 scalar multiplication of a
//!   variable point (ECDH, returning the whole shared point, which eciesjs feeds
//!   to HKDF) and of the generator (public keys, ephemeral keys), through
//!   BoringSSL's constant-time `EC_POINT_mul` (the `nistz256` assembly on
//!   x86-64), about 3x faster than the `p256` crate here and on par with
//!   OpenSSL's ECDH.
//!
//! # The unsafe boundary
//! All `unsafe` code of kycrypt lives in this crate (the core crate keeps
//! `#![forbid(unsafe_code)]`). Every FFI call is preceded by the length and
//! range checks its C contract needs, every block carries a `// SAFETY:`
//! comment, every C object is owned by a guard whose `Drop` frees it (keys
//! and secrets with the clearing variants), and no function here panics.
//! Secret outputs ([`p256_mul`]) come back in [`Zeroizing`].
//!
//! # Symbols
//! `boring-sys` offers no symbol prefixing. BoringSSL is linked statically;
//! in a `cdylib` (the Python extension, the Node addon) Rust's linker version
//! script keeps its symbols local, so they neither clash with nor interpose
//! on an OpenSSL loaded in the same process (checked with
//! `nm -D --defined-only` on both libraries: no BoringSSL symbol is exported,
//! and none is imported but BoringSSL's three optional allocator hooks,
//! `OPENSSL_memory_alloc`/`_free`/`_get_size`, weak references that only a
//! program deliberately supplying all three would fill; OpenSSL defines none
//! of them).
//!
//! [BoringSSL]: https://boringssl.googlesource.com/boringssl/
#![deny(unsafe_op_in_unsafe_fn)]

mod aead;
mod p256;

pub use aead::{Aes256Gcm, MAX_GCM_LEN, TAG_LEN};
pub use p256::{p256_mul, p256_mul_base};
pub use zeroize::Zeroizing;

/// Why an AES-GCM operation was refused or failed. Deliberately coarse: an
/// authentication failure says nothing about where the mismatch was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// The nonce is neither 12 nor 16 bytes long.
    NonceLength,
    /// The message is longer than GCM allows ([`MAX_GCM_LEN`]).
    TooLong,
    /// The tag does not match (wrong key, nonce, tag or ciphertext).
    Authentication,
    /// BoringSSL reported an error it should not have (allocation failure).
    Backend,
    /// Input and output buffers of different lengths (`seal_to`, `open_to`).
    Length,
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Self::NonceLength => "AES-GCM nonce must be 12 or 16 bytes",
            Self::TooLong => "AES-GCM message too long",
            Self::Authentication => "AES-GCM authentication failed",
            Self::Backend => "BoringSSL AES-GCM error",
            Self::Length => "AES-GCM input and output lengths differ",
        })
    }
}

impl std::error::Error for Error {}

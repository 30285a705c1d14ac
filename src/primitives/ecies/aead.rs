//! AES-256-GCM in place with the two nonce lengths eciesjs uses (12 and 16
//! bytes), no associated data.
//!
//! With the `bssl` feature (default), both nonce lengths go through BoringSSL
//! (the `kycrypt-bssl` crate: its one-shot `EVP_AEAD` API with the stitched
//! AES-NI/VAES + CLMUL kernels, 2-3x OpenSSL's `speed -evp aes-256-gcm` on
//! 16 KiB here for either nonce length). Without it, 12-byte nonces go through `ring`
//! (same kernels, `ring` feature) and 16-byte nonces, which `ring` does not
//! offer, through the RustCrypto `aes-gcm` crate (`AesGcm<Aes256, U16>`, about
//! 0.65x OpenSSL): see `benches/RESULTS.md`. Every backend is checked against
//! Wycheproof (here and in `kycrypt-bssl`).

use super::{TAG_LEN, bad_nonce};
use crate::error::{Detail, Error, Result};

#[cfg(all(test, feature = "bssl"))]
pub(super) use with_bssl::aead_seal;
#[cfg(feature = "bssl")]
pub(super) use with_bssl::{
    aead_open, aead_open_append, aead_open_to, aead_seal_append, aead_seal_to,
};
#[cfg(not(feature = "bssl"))]
pub(super) use without_bssl::{aead_open, aead_seal};

/// [`aead_seal`] of `plaintext` appended to `out`: copy, then encrypt in place.
#[cfg(not(feature = "bssl"))]
pub(super) fn aead_seal_append(
    key: &[u8; 32],
    nonce: &[u8],
    plaintext: &[u8],
    out: &mut Vec<u8>,
) -> Result<[u8; TAG_LEN]> {
    let start = out.len();
    out.extend_from_slice(plaintext);
    let body = out
        .get_mut(start..)
        .ok_or(Error::Internal(Detail::Borrowed("AEAD buffer")))?;
    aead_seal(key, nonce, body)
}

/// [`aead_seal`] of `plaintext` into `out` (same length): copy, then encrypt in place.
#[cfg(not(feature = "bssl"))]
pub(super) fn aead_seal_to(
    key: &[u8; 32],
    nonce: &[u8],
    plaintext: &[u8],
    out: &mut [u8],
) -> Result<[u8; TAG_LEN]> {
    out.get_mut(..)
        .filter(|o| o.len() == plaintext.len())
        .ok_or(Error::Internal(Detail::Borrowed("AEAD buffer length")))?
        .copy_from_slice(plaintext);
    aead_seal(key, nonce, out)
}

/// [`aead_open`] of `ciphertext` into `out` (same length): copy, then decrypt in
/// place (the caller wipes `out` on failure).
#[cfg(not(feature = "bssl"))]
pub(super) fn aead_open_to(
    key: &[u8; 32],
    nonce: &[u8],
    tag: &[u8; TAG_LEN],
    ciphertext: &[u8],
    out: &mut [u8],
) -> Result<()> {
    if out.len() != ciphertext.len() {
        return Err(Error::DecryptionFailed);
    }
    out.copy_from_slice(ciphertext);
    aead_open(key, nonce, tag, out)
}

/// [`aead_open`] of `ciphertext` appended to `out`: copy, then decrypt in
/// place (the caller wipes `out` on failure).
#[cfg(not(feature = "bssl"))]
pub(super) fn aead_open_append(
    key: &[u8; 32],
    nonce: &[u8],
    tag: &[u8; TAG_LEN],
    ciphertext: &[u8],
    out: &mut Vec<u8>,
) -> Result<()> {
    let start = out.len();
    out.extend_from_slice(ciphertext);
    let body = out.get_mut(start..).ok_or(Error::DecryptionFailed)?;
    aead_open(key, nonce, tag, body)
}

#[cfg(feature = "bssl")]
mod with_bssl {
    use kycrypt_bssl::{Aes256Gcm, Error as BsslError};

    use super::{Detail, Error, Result, TAG_LEN, bad_nonce};

    /// Runs a sealing call under a fresh key; BoringSSL's errors as the core's.
    fn sealing<T>(key: &[u8; 32], f: impl FnOnce(&Aes256Gcm) -> Result<T, BsslError>) -> Result<T> {
        Aes256Gcm::new(key)
            .and_then(|gcm| f(&gcm))
            .map_err(|e| match e {
                BsslError::NonceLength => bad_nonce(),
                BsslError::TooLong => Error::Internal(Detail::Borrowed("AES-GCM message too long")),
                _ => Error::Internal(Detail::Borrowed("AES-GCM encryption")),
            })
    }

    /// Runs an opening call under a fresh key; any failure is
    /// [`Error::DecryptionFailed`].
    fn opening(key: &[u8; 32], f: impl FnOnce(&Aes256Gcm) -> Result<(), BsslError>) -> Result<()> {
        Aes256Gcm::new(key)
            .and_then(|gcm| f(&gcm))
            .map_err(|_| Error::DecryptionFailed)
    }

    /// AES-256-GCM encryption in place with a 12- or 16-byte nonce; returns
    /// the tag. (ECIES seals with [`aead_seal_append`]; this form is for the
    /// Wycheproof test.)
    #[cfg(test)]
    pub(in super::super) fn aead_seal(
        key: &[u8; 32],
        nonce: &[u8],
        buf: &mut [u8],
    ) -> Result<[u8; TAG_LEN]> {
        sealing(key, |gcm| gcm.seal_in_place(nonce, buf))
    }

    /// [`aead_seal`] of `plaintext` appended to `out`, in one pass (BoringSSL
    /// reads the plaintext and writes the ciphertext; no copy first).
    pub(in super::super) fn aead_seal_append(
        key: &[u8; 32],
        nonce: &[u8],
        plaintext: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<[u8; TAG_LEN]> {
        sealing(key, |gcm| gcm.seal_append(nonce, plaintext, out))
    }

    /// [`aead_open`] of `ciphertext` appended to `out`, in one pass; on failure
    /// `out` is unchanged and BoringSSL has zeroed what it wrote past its end.
    pub(in super::super) fn aead_open_append(
        key: &[u8; 32],
        nonce: &[u8],
        tag: &[u8; TAG_LEN],
        ciphertext: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<()> {
        opening(key, |gcm| gcm.open_append(nonce, tag, ciphertext, out))
    }

    /// [`aead_seal_append`] into a caller's buffer of the plaintext's length (one pass).
    pub(in super::super) fn aead_seal_to(
        key: &[u8; 32],
        nonce: &[u8],
        plaintext: &[u8],
        out: &mut [u8],
    ) -> Result<[u8; TAG_LEN]> {
        sealing(key, |gcm| gcm.seal_to(nonce, plaintext, out))
    }

    /// [`aead_open_append`] into a caller's buffer of the ciphertext's length (one
    /// pass); on failure `out` holds zeros.
    pub(in super::super) fn aead_open_to(
        key: &[u8; 32],
        nonce: &[u8],
        tag: &[u8; TAG_LEN],
        ciphertext: &[u8],
        out: &mut [u8],
    ) -> Result<()> {
        opening(key, |gcm| gcm.open_to(nonce, tag, ciphertext, out))
    }

    /// AES-256-GCM decryption in place; any failure is [`Error::DecryptionFailed`].
    /// BoringSSL zeroes the buffer when the tag does not match; the caller
    /// wipes it as well.
    pub(in super::super) fn aead_open(
        key: &[u8; 32],
        nonce: &[u8],
        tag: &[u8; TAG_LEN],
        buf: &mut [u8],
    ) -> Result<()> {
        opening(key, |gcm| gcm.open_in_place(nonce, tag, buf))
    }
}

#[cfg(not(feature = "bssl"))]
mod without_bssl {
    #[cfg(not(feature = "ring"))]
    use aes_gcm::aead::consts::U12;
    use aes_gcm::aead::consts::U16;
    use aes_gcm::aes::Aes256;
    use aes_gcm::{AeadInOut, AesGcm, KeyInit};

    use super::{Detail, Error, Result, TAG_LEN, bad_nonce};

    /// AES-256-GCM encryption in place with a 12- or 16-byte nonce; returns the tag.
    pub(in super::super) fn aead_seal(
        key: &[u8; 32],
        nonce: &[u8],
        buf: &mut [u8],
    ) -> Result<[u8; TAG_LEN]> {
        let internal = |_| Error::Internal(Detail::Borrowed("AES-GCM encryption"));
        let tag = match nonce.len() {
            #[cfg(feature = "ring")]
            12 => return ring_seal(key, nonce, buf),
            #[cfg(not(feature = "ring"))]
            12 => AesGcm::<Aes256, U12>::new_from_slice(key)
                .map_err(|_| Error::Internal(Detail::Borrowed("AES key")))?
                .encrypt_inout_detached(
                    &nonce.try_into().map_err(|_| bad_nonce())?,
                    &[],
                    buf.into(),
                )
                .map_err(internal)?,
            16 => AesGcm::<Aes256, U16>::new_from_slice(key)
                .map_err(|_| Error::Internal(Detail::Borrowed("AES key")))?
                .encrypt_inout_detached(
                    &nonce.try_into().map_err(|_| bad_nonce())?,
                    &[],
                    buf.into(),
                )
                .map_err(internal)?,
            _ => return Err(bad_nonce()),
        };
        <[u8; TAG_LEN]>::try_from(tag.as_slice())
            .map_err(|_| Error::Internal(Detail::Borrowed("tag length")))
    }

    /// AES-256-GCM decryption in place; any failure is [`Error::DecryptionFailed`].
    pub(in super::super) fn aead_open(
        key: &[u8; 32],
        nonce: &[u8],
        tag: &[u8; TAG_LEN],
        buf: &mut [u8],
    ) -> Result<()> {
        let ok = match nonce.len() {
            #[cfg(feature = "ring")]
            12 => ring_open(key, nonce, tag, buf),
            #[cfg(not(feature = "ring"))]
            12 => AesGcm::<Aes256, U12>::new_from_slice(key)
                .ok()
                .and_then(|c| {
                    let n = nonce.try_into().ok()?;
                    c.decrypt_inout_detached(&n, &[], buf.into(), &(*tag).into())
                        .ok()
                }),
            16 => AesGcm::<Aes256, U16>::new_from_slice(key)
                .ok()
                .and_then(|c| {
                    let n = nonce.try_into().ok()?;
                    c.decrypt_inout_detached(&n, &[], buf.into(), &(*tag).into())
                        .ok()
                }),
            _ => None,
        };
        ok.ok_or(Error::DecryptionFailed)
    }

    #[cfg(feature = "ring")]
    fn ring_key(key: &[u8; 32]) -> Option<ring::aead::LessSafeKey> {
        let unbound = ring::aead::UnboundKey::new(&ring::aead::AES_256_GCM, key).ok()?;
        Some(ring::aead::LessSafeKey::new(unbound))
    }

    #[cfg(feature = "ring")]
    fn ring_seal(key: &[u8; 32], nonce: &[u8], buf: &mut [u8]) -> Result<[u8; TAG_LEN]> {
        let nonce = ring::aead::Nonce::try_assume_unique_for_key(nonce).map_err(|_| bad_nonce())?;
        let tag = ring_key(key)
            .ok_or(Error::Internal(Detail::Borrowed("AES key")))?
            .seal_in_place_separate_tag(nonce, ring::aead::Aad::empty(), buf)
            .map_err(|_| Error::Internal(Detail::Borrowed("AES-GCM encryption")))?;
        <[u8; TAG_LEN]>::try_from(tag.as_ref())
            .map_err(|_| Error::Internal(Detail::Borrowed("tag length")))
    }

    /// `ring` decrypts into the buffer before checking the tag; on failure the
    /// caller wipes the buffer (as it does for the other backend).
    #[cfg(feature = "ring")]
    fn ring_open(key: &[u8; 32], nonce: &[u8], tag: &[u8; TAG_LEN], buf: &mut [u8]) -> Option<()> {
        let nonce = ring::aead::Nonce::try_assume_unique_for_key(nonce).ok()?;
        let tag = ring::aead::Tag::from(*tag);
        ring_key(key)?
            .open_in_place_separate_tag(nonce, ring::aead::Aad::empty(), tag, buf, 0..)
            .ok()
            .map(|_| ())
    }
}

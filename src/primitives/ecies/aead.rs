//! AES-256-GCM in place with the two nonce lengths eciesjs uses (12 and 16
//! bytes; `AesGcm<Aes256, U16>` for the latter), no associated data.

use aes_gcm::aead::consts::{U12, U16};
use aes_gcm::aes::Aes256;
use aes_gcm::{AeadInOut, AesGcm, KeyInit};

use super::{TAG_LEN, bad_nonce};
use crate::error::{Detail, Error, Result};

/// AES-256-GCM encryption in place with a 12- or 16-byte nonce; returns the tag.
pub(super) fn aead_seal(key: &[u8; 32], nonce: &[u8], buf: &mut [u8]) -> Result<[u8; TAG_LEN]> {
    let internal = |_| Error::Internal(Detail::Borrowed("AES-GCM encryption"));
    let tag = match nonce.len() {
        12 => AesGcm::<Aes256, U12>::new_from_slice(key)
            .map_err(|_| Error::Internal(Detail::Borrowed("AES key")))?
            .encrypt_inout_detached(&nonce.try_into().map_err(|_| bad_nonce())?, &[], buf.into())
            .map_err(internal)?,
        16 => AesGcm::<Aes256, U16>::new_from_slice(key)
            .map_err(|_| Error::Internal(Detail::Borrowed("AES key")))?
            .encrypt_inout_detached(&nonce.try_into().map_err(|_| bad_nonce())?, &[], buf.into())
            .map_err(internal)?,
        _ => return Err(bad_nonce()),
    };
    <[u8; TAG_LEN]>::try_from(tag.as_slice())
        .map_err(|_| Error::Internal(Detail::Borrowed("tag length")))
}

/// AES-256-GCM decryption in place; any failure is [`Error::DecryptionFailed`].
pub(super) fn aead_open(
    key: &[u8; 32],
    nonce: &[u8],
    tag: &[u8; TAG_LEN],
    buf: &mut [u8],
) -> Result<()> {
    let ok = match nonce.len() {
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

//! AES-256-GCM through BoringSSL's one-shot `EVP_AEAD` API.

use core::ptr::NonNull;

use boring_sys as ffi;

use crate::Error;

/// Length of the (detached) GCM tag.
pub const TAG_LEN: usize = 16;

/// Longest message GCM can process under one key and nonce: 2^36 - 32 bytes
/// (NIST SP 800-38D). Longer buffers are refused before any FFI call.
pub const MAX_GCM_LEN: u64 = (1 << 36) - 32;

/// An AES-256-GCM key (a BoringSSL `EVP_AEAD_CTX`). The key schedule lives in
/// memory that BoringSSL wipes when the context is freed (on drop).
///
/// ```
/// let gcm = kycrypt_bssl::Aes256Gcm::new(&[7; 32])?;
/// let nonce = [1u8; 16];
/// let mut buf = *b"hello";
/// let tag = gcm.seal_in_place(&nonce, &mut buf)?;
/// gcm.open_in_place(&nonce, &tag, &mut buf)?;
/// assert_eq!(&buf, b"hello");
/// # Ok::<(), kycrypt_bssl::Error>(())
/// ```
pub struct Aes256Gcm {
    ctx: NonNull<ffi::EVP_AEAD_CTX>,
}

impl core::fmt::Debug for Aes256Gcm {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Aes256Gcm").finish_non_exhaustive()
    }
}

impl Drop for Aes256Gcm {
    fn drop(&mut self) {
        // SAFETY: `ctx` came from `EVP_AEAD_CTX_new`, is owned by `self` and is
        // freed exactly once here. `EVP_AEAD_CTX_free` runs the AEAD's cleanup
        // and releases the allocation through `OPENSSL_free`, which wipes it
        // (and so the key schedule) first.
        unsafe { ffi::EVP_AEAD_CTX_free(self.ctx.as_ptr()) }
    }
}

/// Checks the nonce and message lengths every call needs.
fn check(nonce: &[u8], len: usize) -> Result<(), Error> {
    if !matches!(nonce.len(), 12 | 16) {
        return Err(Error::NonceLength);
    }
    if u64::try_from(len).map_or(true, |l| l > MAX_GCM_LEN) {
        return Err(Error::TooLong);
    }
    Ok(())
}

impl Aes256Gcm {
    /// A key for sealing and opening with a 16-byte tag.
    ///
    /// # Errors
    /// [`Error::Backend`] if BoringSSL cannot allocate the context.
    pub fn new(key: &[u8; 32]) -> Result<Self, Error> {
        // SAFETY: returns a pointer to a static, immutable method table.
        let aead = unsafe { ffi::EVP_aead_aes_256_gcm() };
        // SAFETY: `aead` is the static AES-256-GCM table. `key` is valid for reads of exactly 32 bytes, the key length this
        // AEAD requires; BoringSSL copies what it needs and keeps no pointer to
        // it. A tag length of 16 is this AEAD's maximum. A null return (bad
        // length, allocation failure) is turned into an error below.
        let ctx = unsafe { ffi::EVP_AEAD_CTX_new(aead, key.as_ptr(), key.len(), TAG_LEN) };
        NonNull::new(ctx)
            .map(|ctx| Self { ctx })
            .ok_or(Error::Backend)
    }

    /// Encrypts `buf` in place with `nonce` (12 or 16 bytes) and no associated
    /// data; returns the tag.
    ///
    /// # Errors
    /// [`Error::NonceLength`], [`Error::TooLong`] (both before touching
    /// `buf`), or [`Error::Backend`].
    pub fn seal_in_place(&self, nonce: &[u8], buf: &mut [u8]) -> Result<[u8; TAG_LEN], Error> {
        check(nonce, buf.len())?;
        let mut tag = [0u8; TAG_LEN];
        let mut tag_len = 0usize;
        let data = buf.as_mut_ptr();
        // SAFETY: `self.ctx` is a live context (owned, freed only on drop), used
        // through a const pointer as BoringSSL allows. `data` is valid for reads
        // and writes of `buf.len()` bytes and input and output are the same
        // buffer, which BoringSSL permits ("in == out"). `tag` is writable for
        // `TAG_LEN` bytes, the maximum passed. `nonce` is readable for its
        // length, checked above to be 12 or 16; the message length is checked
        // above to be within GCM's limit. No extra input and no associated data
        // (null pointers with zero lengths).
        let ok = unsafe {
            ffi::EVP_AEAD_CTX_seal_scatter(
                self.ctx.as_ptr(),
                data,
                tag.as_mut_ptr(),
                &mut tag_len,
                TAG_LEN,
                nonce.as_ptr(),
                nonce.len(),
                data,
                buf.len(),
                core::ptr::null(),
                0,
                core::ptr::null(),
                0,
            )
        };
        if ok == 1 && tag_len == TAG_LEN {
            Ok(tag)
        } else {
            Err(Error::Backend)
        }
    }

    /// Decrypts `buf` in place with `nonce` (12 or 16 bytes), no associated
    /// data, checking `tag`. On [`Error::Authentication`] `buf` holds zeros,
    /// never unauthenticated plaintext.
    ///
    /// # Errors
    /// [`Error::NonceLength`], [`Error::TooLong`] (both before touching
    /// `buf`), or [`Error::Authentication`].
    pub fn open_in_place(
        &self,
        nonce: &[u8],
        tag: &[u8; TAG_LEN],
        buf: &mut [u8],
    ) -> Result<(), Error> {
        check(nonce, buf.len())?;
        let data = buf.as_mut_ptr();
        // SAFETY: as in `seal_in_place`: a live context, `data` readable and
        // writable for `buf.len()` bytes (in place, which BoringSSL permits),
        // `nonce` readable for its checked length, `tag` readable for
        // `TAG_LEN` bytes, no associated data. On failure BoringSSL zeroes the
        // `buf.len()` output bytes before returning.
        let ok = unsafe {
            ffi::EVP_AEAD_CTX_open_gather(
                self.ctx.as_ptr(),
                data,
                nonce.as_ptr(),
                nonce.len(),
                data,
                buf.len(),
                tag.as_ptr(),
                TAG_LEN,
                core::ptr::null(),
                0,
            )
        };
        if ok == 1 {
            Ok(())
        } else {
            // BoringSSL already cleared the output; clear again so the promise
            // does not rest on a C library detail.
            zeroize::Zeroize::zeroize(buf);
            Err(Error::Authentication)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_checked_first() {
        assert_eq!(check(&[0; 11], 0), Err(Error::NonceLength));
        assert_eq!(check(&[0; 13], 0), Err(Error::NonceLength));
        assert_eq!(check(&[0; 12], 0), Ok(()));
        assert_eq!(check(&[0; 16], usize::MAX), Err(Error::TooLong));
        #[cfg(target_pointer_width = "64")]
        {
            assert_eq!(check(&[0; 16], (1 << 36) - 32), Ok(()));
            assert_eq!(check(&[0; 16], (1 << 36) - 31), Err(Error::TooLong));
        }
        let gcm = Aes256Gcm::new(&[0; 32]).unwrap();
        let mut buf = [1u8; 4];
        assert_eq!(
            gcm.seal_in_place(&[0; 8], &mut buf),
            Err(Error::NonceLength)
        );
        assert_eq!(
            gcm.open_in_place(&[0; 8], &[0; 16], &mut buf),
            Err(Error::NonceLength)
        );
        assert_eq!(buf, [1; 4]);
    }

    #[test]
    fn failed_open_leaves_no_plaintext() {
        let gcm = Aes256Gcm::new(&[9; 32]).unwrap();
        let mut buf = [0x55u8; 100];
        let mut tag = gcm.seal_in_place(&[3; 16], &mut buf).unwrap();
        if let Some(b) = tag.first_mut() {
            *b ^= 1;
        }
        assert_eq!(
            gcm.open_in_place(&[3; 16], &tag, &mut buf),
            Err(Error::Authentication)
        );
        assert_eq!(buf, [0; 100]);
    }
}

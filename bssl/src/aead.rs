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

impl Aes256Gcm {
    /// Encrypts `plaintext` into the end of `out` (one pass: no copy of the
    /// plaintext first) with `nonce` (12 or 16 bytes) and no associated data;
    /// returns the tag. `out` grows by `plaintext.len()` bytes on success and
    /// is unchanged on error.
    ///
    /// # Errors
    /// As [`seal_in_place`](Self::seal_in_place).
    pub fn seal_append(
        &self,
        nonce: &[u8],
        plaintext: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<[u8; TAG_LEN], Error> {
        check(nonce, plaintext.len())?;
        out.try_reserve(plaintext.len())
            .map_err(|_| Error::TooLong)?;
        let start = out.len();
        let mut tag = [0u8; TAG_LEN];
        let mut tag_len = 0usize;
        let dst = out.spare_capacity_mut().as_mut_ptr().cast::<u8>();
        // SAFETY: `dst` points to the spare capacity of `out`, at least
        // `plaintext.len()` bytes (reserved above), writable; `plaintext` is a
        // shared borrow and `out` a unique one, so the two do not overlap, which
        // BoringSSL requires when input and output differ. `tag` is writable for
        // `TAG_LEN` bytes, the maximum passed; `nonce` is readable for its
        // checked length; the message length is within GCM's limit (checked).
        let ok = unsafe {
            ffi::EVP_AEAD_CTX_seal_scatter(
                self.ctx.as_ptr(),
                dst,
                tag.as_mut_ptr(),
                &mut tag_len,
                TAG_LEN,
                nonce.as_ptr(),
                nonce.len(),
                plaintext.as_ptr(),
                plaintext.len(),
                core::ptr::null(),
                0,
                core::ptr::null(),
                0,
            )
        };
        if ok != 1 || tag_len != TAG_LEN {
            return Err(Error::Backend);
        }
        // SAFETY: BoringSSL wrote all `plaintext.len()` ciphertext bytes into the
        // spare capacity starting at `start`, so they are initialised, and the
        // capacity covers them (reserved above).
        unsafe { out.set_len(start + plaintext.len()) };
        Ok(tag)
    }

    /// Decrypts `ciphertext` into the end of `out` (one pass) with `nonce`
    /// (12 or 16 bytes), no associated data, checking `tag`. `out` grows by
    /// `ciphertext.len()` bytes on success; on any error it is unchanged and
    /// no plaintext is left in its spare capacity (BoringSSL zeroes it).
    ///
    /// # Errors
    /// As [`open_in_place`](Self::open_in_place).
    pub fn open_append(
        &self,
        nonce: &[u8],
        tag: &[u8; TAG_LEN],
        ciphertext: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<(), Error> {
        check(nonce, ciphertext.len())?;
        out.try_reserve(ciphertext.len())
            .map_err(|_| Error::TooLong)?;
        let start = out.len();
        let dst = out.spare_capacity_mut().as_mut_ptr().cast::<u8>();
        // SAFETY: as in `seal_append`: `dst` is writable for `ciphertext.len()`
        // bytes of reserved spare capacity that does not overlap `ciphertext`;
        // `nonce` readable for its checked length, `tag` for `TAG_LEN` bytes, no
        // associated data. On failure BoringSSL zeroes those output bytes.
        let ok = unsafe {
            ffi::EVP_AEAD_CTX_open_gather(
                self.ctx.as_ptr(),
                dst,
                nonce.as_ptr(),
                nonce.len(),
                ciphertext.as_ptr(),
                ciphertext.len(),
                tag.as_ptr(),
                TAG_LEN,
                core::ptr::null(),
                0,
            )
        };
        if ok != 1 {
            return Err(Error::Authentication);
        }
        // SAFETY: on success BoringSSL wrote all `ciphertext.len()` plaintext
        // bytes into the reserved spare capacity starting at `start`.
        unsafe { out.set_len(start + ciphertext.len()) };
        Ok(())
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
    fn append_forms_match_in_place() {
        let gcm = Aes256Gcm::new(&[4; 32]).unwrap();
        for (nonce, len) in [
            (&[1u8; 12][..], 0usize),
            (&[2u8; 16][..], 1),
            (&[3u8; 16][..], 4099),
        ] {
            let pt: Vec<u8> = (0..=255u8).cycle().take(len).collect();
            let mut in_place = pt.clone();
            let tag = gcm.seal_in_place(nonce, &mut in_place).unwrap();
            let mut out = b"head".to_vec();
            assert_eq!(gcm.seal_append(nonce, &pt, &mut out).unwrap(), tag);
            assert_eq!((&out[..4], &out[4..]), (&b"head"[..], &in_place[..]));
            let mut opened = vec![9u8];
            gcm.open_append(nonce, &tag, &in_place, &mut opened)
                .unwrap();
            assert_eq!((opened[0], &opened[1..]), (9, &pt[..]));
            let mut bad = tag;
            bad[0] ^= 1;
            let mut refused = Vec::with_capacity(len + 1);
            refused.push(7);
            let e = gcm.open_append(nonce, &bad, &in_place, &mut refused);
            assert_eq!((e, &refused[..]), (Err(Error::Authentication), &[7u8][..]));
        }
        let mut out = Vec::new();
        assert_eq!(
            gcm.seal_append(&[0; 8], b"x", &mut out),
            Err(Error::NonceLength)
        );
        assert!(out.is_empty());
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

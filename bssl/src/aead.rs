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
        let data = buf.as_mut_ptr();
        // SAFETY: `data` is readable and writable for `buf.len()` bytes; input and
        // output are the same buffer, which BoringSSL permits ("in == out").
        unsafe { self.seal_raw(nonce, data, buf.len(), data) }
    }

    /// Encrypts `plaintext` into `out` (of the same length; one pass, no copy first)
    /// with `nonce` (12 or 16 bytes) and no associated data; returns the tag.
    ///
    /// # Errors
    /// [`Error::Length`] when the lengths differ, then as
    /// [`seal_in_place`](Self::seal_in_place).
    pub fn seal_to(
        &self,
        nonce: &[u8],
        plaintext: &[u8],
        out: &mut [u8],
    ) -> Result<[u8; TAG_LEN], Error> {
        if plaintext.len() != out.len() {
            return Err(Error::Length);
        }
        check(nonce, plaintext.len())?;
        // SAFETY: `plaintext` is readable and `out` writable for the same length; a
        // shared and a unique borrow cannot overlap, as BoringSSL requires when
        // input and output differ.
        unsafe { self.seal_raw(nonce, plaintext.as_ptr(), plaintext.len(), out.as_mut_ptr()) }
    }

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
        let dst = out.spare_capacity_mut().as_mut_ptr().cast::<u8>();
        // SAFETY: `dst` points to the spare capacity of `out`, at least
        // `plaintext.len()` writable bytes (reserved above); `plaintext` is a
        // shared borrow and `out` a unique one, so the two do not overlap.
        let tag = unsafe { self.seal_raw(nonce, plaintext.as_ptr(), plaintext.len(), dst) }?;
        // SAFETY: BoringSSL wrote all `plaintext.len()` ciphertext bytes into the
        // spare capacity starting at `start`, so they are initialised, and the
        // capacity covers them (reserved above).
        unsafe { out.set_len(start + plaintext.len()) };
        Ok(tag)
    }

    /// The one sealing call: `len` bytes from `input` to `output`.
    ///
    /// # Safety
    /// `input` is readable and `output` writable for `len` bytes, and they are
    /// either the same pointer or do not overlap; `nonce` and `len` passed
    /// [`check`].
    unsafe fn seal_raw(
        &self,
        nonce: &[u8],
        input: *const u8,
        len: usize,
        output: *mut u8,
    ) -> Result<[u8; TAG_LEN], Error> {
        let mut tag = [0u8; TAG_LEN];
        let mut tag_len = 0usize;
        // SAFETY: `self.ctx` is a live context (owned, freed only on drop), used
        // through a const pointer as BoringSSL allows; `input`/`output` per the
        // caller's contract; `tag` is writable for `TAG_LEN` bytes, the maximum
        // passed; `nonce` is readable for its length, checked to be 12 or 16, and
        // `len` is within GCM's limit (checked). No extra input, no associated
        // data (null pointers with zero lengths).
        let ok = unsafe {
            ffi::EVP_AEAD_CTX_seal_scatter(
                self.ctx.as_ptr(),
                output,
                tag.as_mut_ptr(),
                &mut tag_len,
                TAG_LEN,
                nonce.as_ptr(),
                nonce.len(),
                input,
                len,
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
        // SAFETY: `data` is readable and writable for `buf.len()` bytes, in place.
        let r = unsafe { self.open_raw(nonce, tag, data, buf.len(), data) };
        if r.is_err() {
            // BoringSSL already cleared the output; clear again so the promise
            // does not rest on a C library detail.
            zeroize::Zeroize::zeroize(buf);
        }
        r
    }

    /// Decrypts `ciphertext` into `out` (of the same length; one pass) with `nonce`
    /// (12 or 16 bytes), no associated data, checking `tag`. On
    /// [`Error::Authentication`] `out` holds zeros.
    ///
    /// # Errors
    /// [`Error::Length`] when the lengths differ, then as
    /// [`open_in_place`](Self::open_in_place).
    pub fn open_to(
        &self,
        nonce: &[u8],
        tag: &[u8; TAG_LEN],
        ciphertext: &[u8],
        out: &mut [u8],
    ) -> Result<(), Error> {
        if ciphertext.len() != out.len() {
            return Err(Error::Length);
        }
        check(nonce, ciphertext.len())?;
        // SAFETY: `ciphertext` readable and `out` writable for the same length, not
        // overlapping (a shared and a unique borrow).
        let r = unsafe {
            self.open_raw(
                nonce,
                tag,
                ciphertext.as_ptr(),
                ciphertext.len(),
                out.as_mut_ptr(),
            )
        };
        if r.is_err() {
            zeroize::Zeroize::zeroize(out);
        }
        r
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
        // SAFETY: `dst` is writable for `ciphertext.len()` bytes of reserved spare
        // capacity that does not overlap `ciphertext`.
        unsafe { self.open_raw(nonce, tag, ciphertext.as_ptr(), ciphertext.len(), dst) }?;
        // SAFETY: on success BoringSSL wrote all `ciphertext.len()` plaintext
        // bytes into the reserved spare capacity starting at `start`.
        unsafe { out.set_len(start + ciphertext.len()) };
        Ok(())
    }

    /// The one opening call: `len` bytes from `input` to `output`; on failure
    /// BoringSSL zeroes the `len` output bytes.
    ///
    /// # Safety
    /// As [`seal_raw`](Self::seal_raw).
    unsafe fn open_raw(
        &self,
        nonce: &[u8],
        tag: &[u8; TAG_LEN],
        input: *const u8,
        len: usize,
        output: *mut u8,
    ) -> Result<(), Error> {
        // SAFETY: a live context; `input`/`output` per the caller's contract;
        // `nonce` readable for its checked length, `tag` for `TAG_LEN` bytes; no
        // associated data.
        let ok = unsafe {
            ffi::EVP_AEAD_CTX_open_gather(
                self.ctx.as_ptr(),
                output,
                nonce.as_ptr(),
                nonce.len(),
                input,
                len,
                tag.as_ptr(),
                TAG_LEN,
                core::ptr::null(),
                0,
            )
        };
        if ok == 1 {
            Ok(())
        } else {
            Err(Error::Authentication)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The out-of-place forms write what the in-place form does, refuse mismatched
    /// lengths before any work, and leave zeros in `out` when the tag is wrong.
    #[test]
    fn to_forms_match_in_place() {
        let gcm = Aes256Gcm::new(&[9; 32]).unwrap();
        for nonce in [&[3u8; 12][..], &[4u8; 16][..]] {
            for len in [0usize, 1, 15, 16, 17, 255, 4096 + 3] {
                let pt: Vec<u8> = (0..len).map(|i| u8::try_from(i % 251).unwrap()).collect();
                let mut in_place = pt.clone();
                let tag = gcm.seal_in_place(nonce, &mut in_place).unwrap();
                let mut ct = vec![0xEE; len];
                assert_eq!(gcm.seal_to(nonce, &pt, &mut ct).unwrap(), tag);
                assert_eq!(ct, in_place);
                let mut back = vec![0xEE; len];
                gcm.open_to(nonce, &tag, &ct, &mut back).unwrap();
                assert_eq!(back, pt);
                let mut bad_tag = tag;
                bad_tag[0] ^= 1;
                let mut out = vec![0xEE; len];
                assert_eq!(
                    gcm.open_to(nonce, &bad_tag, &ct, &mut out),
                    Err(Error::Authentication)
                );
                assert!(out.iter().all(|b| *b == 0));
                let mut short = vec![0u8; len + 1];
                assert_eq!(gcm.seal_to(nonce, &pt, &mut short), Err(Error::Length));
                assert_eq!(
                    gcm.open_to(nonce, &tag, &ct, &mut short),
                    Err(Error::Length)
                );
            }
        }
    }

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

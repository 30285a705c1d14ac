//! P-256 scalar multiplication through BoringSSL's `EC_POINT_mul`.
//!
//! Scalars are range-checked in constant time in Rust before they reach
//! BoringSSL (which would otherwise reduce an out-of-range scalar modulo the
//! order). BoringSSL converts the `BIGNUM` into its fixed-width scalar form
//! and multiplies in constant time (`ec_point_mul_scalar` /
//! `ec_point_mul_scalar_base`); the only data-dependent step left is
//! `BN_bin2bn` trimming leading zero words, which reveals whether the top 64
//! bits of the scalar are zero (probability 2^-64 for a random key).

use core::ptr::NonNull;

use boring_sys as ffi;
use zeroize::Zeroizing;

/// The order n of the P-256 group, big-endian, as four 64-bit words.
const ORDER: [u64; 4] = [
    0xFFFF_FFFF_0000_0000,
    0xFFFF_FFFF_FFFF_FFFF,
    0xBCE6_FAAD_A717_9E84,
    0xF3B9_CAC2_FC63_2551,
];

/// `1 <= scalar < n`, without branching on the scalar's value.
fn scalar_in_range(scalar: &[u8; 32]) -> bool {
    let mut borrow = 0u64;
    let mut nonzero = 0u64;
    // Walk the words from least to most significant, subtracting n.
    for (chunk, n) in scalar.rchunks_exact(8).zip(ORDER.iter().rev()) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_be_bytes(word);
        nonzero |= w;
        let (d, b1) = w.overflowing_sub(*n);
        let (_, b2) = d.overflowing_sub(borrow);
        borrow = u64::from(b1 | b2);
    }
    // A final borrow means scalar < n.
    (borrow & u64::from(nonzero != 0)) == 1
}

/// An owned `BIGNUM` holding a secret scalar, cleared and freed on drop.
struct SecretBn(NonNull<ffi::BIGNUM>);

impl SecretBn {
    fn new(scalar: &[u8; 32]) -> Option<Self> {
        // SAFETY: `scalar` is readable for 32 bytes; a null `ret` asks BoringSSL
        // for a new BIGNUM, which we own (null on allocation failure).
        let bn = unsafe { ffi::BN_bin2bn(scalar.as_ptr(), scalar.len(), core::ptr::null_mut()) };
        NonNull::new(bn).map(Self)
    }
}

impl Drop for SecretBn {
    fn drop(&mut self) {
        // SAFETY: the BIGNUM came from `BN_bin2bn`, is owned by `self` and is
        // freed once; `BN_clear_free` wipes its words first.
        unsafe { ffi::BN_clear_free(self.0.as_ptr()) }
    }
}

/// An owned `EC_POINT` on P-256, freed on drop (cleared first if `secret`).
struct Point {
    ptr: NonNull<ffi::EC_POINT>,
    secret: bool,
}

impl Point {
    fn new(group: *const ffi::EC_GROUP, secret: bool) -> Option<Self> {
        // SAFETY: `group` is the static P-256 group; a null return (allocation
        // failure) becomes `None`.
        let ptr = unsafe { ffi::EC_POINT_new(group) };
        NonNull::new(ptr).map(|ptr| Self { ptr, secret })
    }

    /// The point as 65 uncompressed bytes; `None` for the identity.
    fn to_uncompressed(&self, group: *const ffi::EC_GROUP, out: &mut [u8; 65]) -> Option<()> {
        // SAFETY: a live point of `group`; `EC_POINT_is_at_infinity` only reads it.
        if unsafe { ffi::EC_POINT_is_at_infinity(group, self.ptr.as_ptr()) } != 0 {
            return None;
        }
        // SAFETY: `out` is writable for `out.len()` = 65 bytes, the size of an
        // uncompressed P-256 point, passed as the maximum; a null BN_CTX is
        // allowed. The written length is checked below.
        let n = unsafe {
            ffi::EC_POINT_point2oct(
                group,
                self.ptr.as_ptr(),
                ffi::point_conversion_form_t::POINT_CONVERSION_UNCOMPRESSED,
                out.as_mut_ptr(),
                out.len(),
                core::ptr::null_mut(),
            )
        };
        (n == out.len()).then_some(())
    }
}

impl Drop for Point {
    fn drop(&mut self) {
        if self.secret {
            // SAFETY: the point came from `EC_POINT_new`, is owned by `self`
            // and is freed once, its coordinates wiped first.
            unsafe { ffi::EC_POINT_clear_free(self.ptr.as_ptr()) }
        } else {
            // SAFETY: as above, a public point: freed once without wiping.
            unsafe { ffi::EC_POINT_free(self.ptr.as_ptr()) }
        }
    }
}

fn group() -> *const ffi::EC_GROUP {
    // SAFETY: returns a pointer to BoringSSL's static, immutable P-256 group
    // (never freed, safe to share between threads).
    unsafe { ffi::EC_group_p256() }
}

/// The P-256 point `scalar * point` (ECDH), as the whole uncompressed point
/// `04 || x || y`. `None` unless `scalar` is in `[1, n-1]` and `point` is an
/// uncompressed encoding of a point on the curve (the identity has no such
/// encoding).
///
/// ```
/// let (mut one, mut two) = ([0u8; 32], [0u8; 32]);
/// (one[31], two[31]) = (1, 2);
/// let g = kycrypt_bssl::p256_mul_base(&one).unwrap();
/// let shared = kycrypt_bssl::p256_mul(&two, &g).unwrap();
/// assert_eq!(Some(*shared), kycrypt_bssl::p256_mul_base(&two));
/// assert!(kycrypt_bssl::p256_mul(&[0; 32], &g).is_none());
/// ```
#[must_use]
pub fn p256_mul(scalar: &[u8; 32], point: &[u8; 65]) -> Option<Zeroizing<[u8; 65]>> {
    if !scalar_in_range(scalar) || point.first() != Some(&0x04) {
        return None;
    }
    let group = group();
    let peer = Point::new(group, false)?;
    // SAFETY: `peer` is a live point of `group`; `point` is readable for its 65
    // bytes. `EC_POINT_oct2point` checks the encoding and that the point is on
    // the curve, and fails otherwise. Null BN_CTX is allowed.
    let decoded = unsafe {
        ffi::EC_POINT_oct2point(
            group,
            peer.ptr.as_ptr(),
            point.as_ptr(),
            point.len(),
            core::ptr::null_mut(),
        )
    };
    if decoded != 1 {
        return None;
    }
    // SAFETY: a live point of `group`, only read.
    if unsafe { ffi::EC_POINT_is_at_infinity(group, peer.ptr.as_ptr()) } != 0 {
        return None;
    }
    let k = SecretBn::new(scalar)?;
    let shared = Point::new(group, true)?;
    // SAFETY: `shared` and `peer` are live points of `group`, `k` a live
    // BIGNUM in [1, n-1] (checked above); no generator scalar (null). This is
    // BoringSSL's constant-time variable-base multiplication.
    let ok = unsafe {
        ffi::EC_POINT_mul(
            group,
            shared.ptr.as_ptr(),
            core::ptr::null(),
            peer.ptr.as_ptr(),
            k.0.as_ptr(),
            core::ptr::null_mut(),
        )
    };
    if ok != 1 {
        return None;
    }
    let mut out = Zeroizing::new([0u8; 65]);
    shared.to_uncompressed(group, &mut out)?;
    Some(out)
}

/// The P-256 point `scalar * G` (a public key), uncompressed; `None` unless
/// `scalar` is in `[1, n-1]`. Uses BoringSSL's constant-time fixed-base
/// multiplication (precomputed tables).
#[must_use]
pub fn p256_mul_base(scalar: &[u8; 32]) -> Option<[u8; 65]> {
    if !scalar_in_range(scalar) {
        return None;
    }
    let group = group();
    let k = SecretBn::new(scalar)?;
    let public = Point::new(group, false)?;
    // SAFETY: `public` is a live point of `group`, `k` a live BIGNUM in
    // [1, n-1] (checked above); no variable-base term (null point and scalar).
    let ok = unsafe {
        ffi::EC_POINT_mul(
            group,
            public.ptr.as_ptr(),
            k.0.as_ptr(),
            core::ptr::null(),
            core::ptr::null(),
            core::ptr::null_mut(),
        )
    };
    if ok != 1 {
        return None;
    }
    let mut out = [0u8; 65];
    public.to_uncompressed(group, &mut out)?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn be(n: [u64; 4]) -> [u8; 32] {
        let mut out = [0u8; 32];
        for (chunk, w) in out.chunks_exact_mut(8).zip(n) {
            chunk.copy_from_slice(&w.to_be_bytes());
        }
        out
    }

    #[test]
    fn scalar_range() {
        let n = be(ORDER);
        let mut n_minus_1 = ORDER;
        n_minus_1[3] -= 1;
        let mut n_plus_1 = ORDER;
        n_plus_1[3] += 1;
        assert!(!scalar_in_range(&[0; 32]));
        assert!(scalar_in_range(&be([0, 0, 0, 1])));
        assert!(scalar_in_range(&be([1 << 63, 0, 0, 0]).map(|b| b >> 1)));
        assert!(scalar_in_range(&be(n_minus_1)));
        assert!(!scalar_in_range(&n));
        assert!(!scalar_in_range(&be(n_plus_1)));
        assert!(!scalar_in_range(&[0xff; 32]));
        assert!(scalar_in_range(&be([
            ORDER[0] - 1,
            u64::MAX,
            u64::MAX,
            u64::MAX
        ])));
        assert!(scalar_in_range(&be([ORDER[0], u64::MAX, 0, 0])));
        assert!(!scalar_in_range(&be([ORDER[0], u64::MAX, u64::MAX, 0])));
        assert!(!scalar_in_range(&be([ORDER[0] + 1, 0, 0, 0])));
        for bad in [[0u8; 32], n, [0xff; 32]] {
            assert!(p256_mul_base(&bad).is_none());
        }
    }
}

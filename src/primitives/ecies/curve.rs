//! The elliptic-curve operations ECIES needs, written once over the
//! RustCrypto `elliptic-curve` traits and instantiated for `p256::NistP256`
//! and `k256::Secp256k1`.
//!
//! With the `bssl` feature (default), P-256 is [`P256Bssl`]: the two scalar
//! multiplications (`public_of`, fixed-base, and `shared_point`, ECDH with the
//! whole point) go through BoringSSL's constant-time `EC_POINT_mul` (the
//! `kycrypt-bssl` crate, about 3x faster than the `p256` crate here and on
//! par with OpenSSL's ECDH); decoding, encoding and key parsing stay on `p256`.
//! secp256k1 is not in BoringSSL and always uses `k256`.
//!
//! Everything here takes and returns plain bytes (canonical forms: 32-byte
//! big-endian scalars, 65-byte uncompressed SEC1 points) so the public types
//! stay free of generics. `None` means "not valid on this curve"; the caller
//! turns it into the right [`Error`](crate::Error).

use p256::elliptic_curve::{
    AffinePoint, CurveArithmetic, FieldBytesSize, PublicKey, SecretKey,
    group::Curve as _,
    pkcs8::{AssociatedOid, DecodePublicKey},
    point::PointCompression,
    sec1::{FromSec1Point, ModulusSize, ToSec1Point, ValidatePublicKey},
};
use zeroize::Zeroizing;

/// A 32-byte big-endian scalar.
pub(super) type ScalarBytes = [u8; 32];
/// A 65-byte uncompressed SEC1 point (`04 || x || y`).
pub(super) type PointBytes = [u8; 65];

/// Byte-level curve operations (see the module docs).
pub(super) trait Backend {
    /// Decodes a SEC1 point (`02`/`03` compressed or `04` uncompressed only)
    /// into its uncompressed form; `None` when it is not on the curve, is the
    /// identity or is not a SEC1 encoding.
    fn decode_point(sec1: &[u8]) -> Option<PointBytes>;
    /// Re-encodes a point, compressed (33 bytes) or uncompressed (65 bytes).
    fn encode_point(point: &PointBytes, compress: bool) -> Option<Vec<u8>>;
    /// The public point `sk * G`; `None` unless `sk` is in `[1, n-1]`.
    fn public_of(sk: &ScalarBytes) -> Option<PointBytes>;
    /// The ECDH shared point `sk * P` in SEC1 form (the whole point, not just x).
    fn shared_point(
        sk: &ScalarBytes,
        point: &PointBytes,
        compress: bool,
    ) -> Option<Zeroizing<Vec<u8>>>;
    /// A secret scalar from a SEC1 (`EC PRIVATE KEY`) or PKCS#8 (`PRIVATE KEY`) PEM
    /// document for this curve.
    fn secret_from_pem(pem: &str) -> Option<Zeroizing<ScalarBytes>>;
    /// A public point from a DER `SubjectPublicKeyInfo` naming this curve.
    fn public_from_spki_der(der: &[u8]) -> Option<PointBytes>;
}

impl<C> Backend for C
where
    C: CurveArithmetic + PointCompression + AssociatedOid + ValidatePublicKey,
    AffinePoint<C>: FromSec1Point<C> + ToSec1Point<C>,
    FieldBytesSize<C>: ModulusSize,
{
    fn decode_point(sec1: &[u8]) -> Option<PointBytes> {
        // Hybrid (06/07) and identity (00) encodings are refused up front.
        if !matches!(sec1.first(), Some(0x02..=0x04)) {
            return None;
        }
        let pk = PublicKey::<C>::from_sec1_bytes(sec1).ok()?;
        uncompressed(&pk)
    }

    fn encode_point(point: &PointBytes, compress: bool) -> Option<Vec<u8>> {
        let pk = PublicKey::<C>::from_sec1_bytes(point).ok()?;
        Some(pk.to_sec1_point(compress).as_bytes().to_vec())
    }

    fn public_of(sk: &ScalarBytes) -> Option<PointBytes> {
        let sk = SecretKey::<C>::from_slice(sk).ok()?;
        uncompressed(&sk.public_key())
    }

    fn shared_point(
        sk: &ScalarBytes,
        point: &PointBytes,
        compress: bool,
    ) -> Option<Zeroizing<Vec<u8>>> {
        let sk = SecretKey::<C>::from_slice(sk).ok()?;
        let pk = PublicKey::<C>::from_sec1_bytes(point).ok()?;
        let scalar = sk.to_nonzero_scalar();
        // Prime-order curves and a non-zero scalar: the product of a valid
        // non-identity point is never the identity.
        let shared = (*scalar * pk.as_affine()).to_affine();
        let encoded = shared.to_sec1_point(compress);
        Some(Zeroizing::new(encoded.as_bytes().to_vec()))
    }

    fn secret_from_pem(pem: &str) -> Option<Zeroizing<ScalarBytes>> {
        let sk = SecretKey::<C>::from_pem(pem).ok()?;
        let bytes = Zeroizing::new(sk.to_bytes());
        <ScalarBytes>::try_from(bytes.as_slice())
            .ok()
            .map(Zeroizing::new)
    }

    fn public_from_spki_der(der: &[u8]) -> Option<PointBytes> {
        let pk = PublicKey::<C>::from_public_key_der(der).ok()?;
        uncompressed(&pk)
    }
}

/// P-256 with its scalar multiplications through BoringSSL (see the module
/// docs); everything else is `p256::NistP256`'s.
#[cfg(feature = "bssl")]
pub(super) enum P256Bssl {}

#[cfg(feature = "bssl")]
impl Backend for P256Bssl {
    fn decode_point(sec1: &[u8]) -> Option<PointBytes> {
        <p256::NistP256 as Backend>::decode_point(sec1)
    }

    fn encode_point(point: &PointBytes, compress: bool) -> Option<Vec<u8>> {
        <p256::NistP256 as Backend>::encode_point(point, compress)
    }

    fn public_of(sk: &ScalarBytes) -> Option<PointBytes> {
        // Refuses a scalar outside [1, n-1].
        kycrypt_bssl::p256_mul_base(sk)
    }

    fn shared_point(
        sk: &ScalarBytes,
        point: &PointBytes,
        compress: bool,
    ) -> Option<Zeroizing<Vec<u8>>> {
        // Refuses a scalar outside [1, n-1] and a point that is not an
        // uncompressed point on the curve.
        let full = kycrypt_bssl::p256_mul(sk, point)?;
        if !compress {
            return Some(Zeroizing::new(full.to_vec()));
        }
        // SEC1 compression: 02 or 03 by the parity of y, then x (no branch on
        // the secret coordinate).
        let (x, y) = full.get(1..)?.split_at_checked(32)?;
        let mut out = Zeroizing::new(Vec::with_capacity(33));
        out.push(0x02 | (y.last()? & 1));
        out.extend_from_slice(x);
        Some(out)
    }

    fn secret_from_pem(pem: &str) -> Option<Zeroizing<ScalarBytes>> {
        <p256::NistP256 as Backend>::secret_from_pem(pem)
    }

    fn public_from_spki_der(der: &[u8]) -> Option<PointBytes> {
        <p256::NistP256 as Backend>::public_from_spki_der(der)
    }
}

/// The [`Backend`] that serves P-256.
#[cfg(feature = "bssl")]
pub(super) type P256 = P256Bssl;
/// The [`Backend`] that serves P-256.
#[cfg(not(feature = "bssl"))]
pub(super) type P256 = p256::NistP256;

#[cfg(all(test, feature = "bssl"))]
mod tests {
    use super::*;

    /// The BoringSSL path against the `p256` crate's, both point forms, and the
    /// refusals.
    #[test]
    fn bssl_p256_matches_rustcrypto() {
        for seed in 1u8..=16 {
            let sk = [seed; 32];
            let peer_sk = [seed.wrapping_mul(7).wrapping_add(3); 32];
            let peer = <p256::NistP256 as Backend>::public_of(&peer_sk).unwrap();
            assert_eq!(
                P256Bssl::public_of(&sk),
                <p256::NistP256 as Backend>::public_of(&sk)
            );
            for compress in [false, true] {
                assert_eq!(
                    P256Bssl::shared_point(&sk, &peer, compress),
                    <p256::NistP256 as Backend>::shared_point(&sk, &peer, compress),
                    "seed {seed}, compress {compress}"
                );
            }
        }
        let peer = P256Bssl::public_of(&[5; 32]).unwrap();
        assert!(P256Bssl::public_of(&[0; 32]).is_none());
        assert!(P256Bssl::public_of(&[0xff; 32]).is_none());
        assert!(P256Bssl::shared_point(&[0xff; 32], &peer, false).is_none());
        let mut off = peer;
        off[64] ^= 1;
        assert!(P256Bssl::shared_point(&[5; 32], &off, false).is_none());
    }
}

fn uncompressed<C>(pk: &PublicKey<C>) -> Option<PointBytes>
where
    C: CurveArithmetic,
    AffinePoint<C>: FromSec1Point<C> + ToSec1Point<C>,
    FieldBytesSize<C>: ModulusSize,
{
    <PointBytes>::try_from(pk.to_sec1_point(false).as_bytes()).ok()
}

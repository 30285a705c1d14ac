//! Bounded base58btc (the Bitcoin alphabet, through the `bs58` crate) and the
//! multibase / multicodec wrapping of Ed25519 public keys used by `did:key`
//! and `did:hid`.
//!
//! Base58 decoding is quadratic in the input length, so its input is capped
//! at [`MAX_BASE58_LEN`] characters; it never panics.

use crate::error::{Error, Result};

/// Longest base58btc string accepted by [`base58btc_decode`] (characters).
/// Keys and DIDs need about 50; this leaves ample room while keeping the
/// quadratic decoder cheap.
pub const MAX_BASE58_LEN: usize = 128;

/// Multicodec prefix of an Ed25519 public key (`ed25519-pub`, varint 0xed).
pub(crate) const ED25519_PUB_MULTICODEC: [u8; 2] = [0xed, 0x01];

/// Length of an Ed25519 public key in bytes.
pub(crate) const ED25519_KEY_LEN: usize = 32;

/// Decodes base58btc (no multibase prefix). Leading `1`s become zero bytes.
///
/// # Errors
/// [`Error::InputTooLarge`] above [`MAX_BASE58_LEN`] characters;
/// [`Error::MalformedInput`] for an empty string or a character outside the alphabet.
pub fn base58btc_decode(s: &str) -> Result<Vec<u8>> {
    crate::error::check_len("base58btc string", s.as_bytes(), MAX_BASE58_LEN)?;
    if s.is_empty() {
        return Err(Error::malformed("empty base58btc string"));
    }
    // The only failures of a decode into a fresh Vec are characters outside
    // the alphabet (ASCII or not).
    bs58::decode(s)
        .into_vec()
        .map_err(|_| Error::malformed("invalid base58btc character"))
}

/// Encodes bytes as base58btc (no multibase prefix).
#[must_use]
pub fn base58btc_encode(data: &[u8]) -> String {
    bs58::encode(data).into_string()
}

/// Decodes a multibase (`z` + base58btc) Ed25519 public key with the
/// multicodec prefix `0xed 0x01`, as in `did:key:z6Mk...` and
/// `publicKeyMultibase`. The point itself is not checked here (see
/// [`Ed25519VerifyingKey::from_bytes`](crate::primitives::eddsa::ed25519::Ed25519VerifyingKey)).
///
/// # Errors
/// [`Error::MalformedInput`] without the `z` prefix or with bad base58btc;
/// [`Error::UnsupportedAlgorithm`] for another multicodec (another key type);
/// [`Error::InvalidKey`] when the key is not exactly 32 bytes.
pub fn decode_ed25519_multibase(s: &str) -> Result<[u8; ED25519_KEY_LEN]> {
    let b58 = s.strip_prefix('z').ok_or(Error::malformed(
        "multibase key must start with 'z' (base58btc)",
    ))?;
    let raw = base58btc_decode(b58)?;
    let key = raw
        .strip_prefix(&ED25519_PUB_MULTICODEC[..])
        .ok_or(Error::UnsupportedAlgorithm(
            "multicodec is not ed25519-pub (0xed01)".into(),
        ))?;
    <[u8; ED25519_KEY_LEN]>::try_from(key)
        .map_err(|_| Error::invalid_key("Ed25519 key must be 32 bytes"))
}

/// Encodes an Ed25519 public key as multibase `z` + base58btc(0xed 0x01 || key).
#[must_use]
pub fn encode_ed25519_multibase(key: &[u8; ED25519_KEY_LEN]) -> String {
    let mut raw = ED25519_PUB_MULTICODEC.to_vec();
    raw.extend_from_slice(key);
    format!("z{}", base58btc_encode(&raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_leading_zeros() {
        for data in [&b""[..], b"\0", b"\0\0\x01", b"hello world", &[0xff; 40]] {
            let s = base58btc_encode(data);
            if data.is_empty() {
                assert_eq!(s, "");
                continue;
            }
            assert_eq!(base58btc_decode(&s).unwrap(), data);
        }
        // Bitcoin wiki vector.
        assert_eq!(base58btc_encode(b"hello world"), "StV1DL6CwTryKyV");
        assert_eq!(base58btc_decode("111").unwrap(), vec![0, 0, 0]);
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(
            base58btc_decode("0OIl").unwrap_err().code(),
            "malformed_input"
        );
        assert_eq!(base58btc_decode("").unwrap_err().code(), "malformed_input");
        assert_eq!(
            base58btc_decode("z\u{e9}").unwrap_err().code(),
            "malformed_input"
        );
        assert_eq!(base58btc_decode(&"z".repeat(128)).unwrap().len(), 94);
        assert_eq!(
            base58btc_decode(&"z".repeat(129)).unwrap_err().code(),
            "input_too_large"
        );
        assert_eq!(
            decode_ed25519_multibase("6Mk").unwrap_err().code(),
            "malformed_input"
        );
        // 0xe7 0x01 = secp256k1-pub
        let mut raw = vec![0xe7, 0x01];
        raw.extend([7u8; 33]);
        let s = format!("z{}", base58btc_encode(&raw));
        assert_eq!(
            decode_ed25519_multibase(&s).unwrap_err().code(),
            "unsupported_algorithm"
        );
        let mut raw = ED25519_PUB_MULTICODEC.to_vec();
        raw.extend([7u8; 31]);
        let s = format!("z{}", base58btc_encode(&raw));
        assert_eq!(
            decode_ed25519_multibase(&s).unwrap_err().code(),
            "invalid_key"
        );
    }

    #[test]
    fn did_key_spec_vector() {
        let key =
            decode_ed25519_multibase("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp").unwrap();
        assert_eq!(
            hex::encode(key),
            "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29"
        );
        assert_eq!(
            encode_ed25519_multibase(&key),
            "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,140}") {
            let _ = base58btc_decode(&s);
            let _ = decode_ed25519_multibase(&s);
        }
    }
}

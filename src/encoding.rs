//! Strict decoders shared by the provider modules: hex, base64 (standard and
//! URL-safe), each returning a typed [`Error`] that names the
//! field, never echoing the input.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};

use crate::error::{Detail, Error, Result};

/// Decodes lowercase or uppercase hex (no `0x` prefix, even length).
///
/// # Errors
/// [`Error::MalformedInput`] naming `what` when the input is not hex.
pub fn hex_decode(what: &'static str, s: &str) -> Result<Vec<u8>> {
    hex::decode(s)
        .map_err(|_| Error::MalformedInput(Detail::Owned(format!("{what} is not valid hex"))))
}

/// Decodes hex into exactly `N` bytes.
///
/// # Errors
/// [`Error::MalformedInput`] naming `what` when the input is not hex or not `N` bytes long.
pub fn hex_decode_array<const N: usize>(what: &'static str, s: &str) -> Result<[u8; N]> {
    let mut out = [0u8; N];
    hex::decode_to_slice(s, &mut out).map_err(|_| {
        Error::MalformedInput(Detail::Owned(format!(
            "{what} must be {} hex characters",
            2 * N
        )))
    })?;
    Ok(out)
}

/// Decodes standard base64 (RFC 4648 section 4, padded).
///
/// # Errors
/// [`Error::MalformedInput`] naming `what` when the input is not padded standard base64.
pub fn b64_decode(what: &'static str, s: &str) -> Result<Vec<u8>> {
    STANDARD
        .decode(s)
        .map_err(|_| Error::MalformedInput(Detail::Owned(format!("{what} is not valid base64"))))
}

/// Encodes standard base64 (padded).
#[must_use]
pub fn b64_encode(data: &[u8]) -> String {
    STANDARD.encode(data)
}

/// Decodes base64url without padding (RFC 7515 section 2).
///
/// # Errors
/// [`Error::MalformedInput`] naming `what` when the input is not unpadded base64url.
pub fn b64url_decode(what: &'static str, s: &str) -> Result<Vec<u8>> {
    URL_SAFE_NO_PAD
        .decode(s)
        .map_err(|_| Error::MalformedInput(Detail::Owned(format!("{what} is not valid base64url"))))
}

/// Encodes base64url without padding.
#[must_use]
pub fn b64url_encode(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoders_reject_garbage_without_echoing_it() {
        let e = hex_decode("tag", "zz-secret").unwrap_err();
        assert_eq!(e.code(), "malformed_input");
        assert!(!e.to_string().contains("secret"));
        assert!(b64_decode("sig", "***").is_err());
        assert!(b64url_decode("sig", "a+b/").is_err());
        assert!(hex_decode_array::<2>("x", "abc").is_err());
        assert_eq!(hex_decode_array::<2>("x", "abcd").unwrap(), [0xab, 0xcd]);
        assert_eq!(
            b64url_decode("x", &b64url_encode(b"\xff\xfe")).unwrap(),
            b"\xff\xfe"
        );
        assert_eq!(b64_decode("x", &b64_encode(b"hi")).unwrap(), b"hi");
    }
}

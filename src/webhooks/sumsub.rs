//! Sumsub webhooks: `X-Payload-Digest = hex(HMAC(secret, raw body))` with the
//! hash named by `X-Payload-Digest-Alg`: `HMAC_SHA256_HEX` (the default when
//! the header is absent), `HMAC_SHA512_HEX` or `HMAC_SHA1_HEX` (matched
//! ASCII case-insensitively). Any other name is
//! [`Error::UnsupportedAlgorithm`].
//!
//! No timestamp is signed: deduplicate on the event in the verified body.
//!
//! **Secret:** the webhook secret key from the Sumsub dashboard, its UTF-8 bytes as the HMAC key, unchanged. An empty
//! secret is `Error::InvalidKey` when the
//! `HmacKey` is built, so a deployment
//! whose variable is set but empty fails closed; a secret you choose yourself
//! needs at least [`RECOMMENDED_MIN_LEN`](crate::primitives::hmac::RECOMMENDED_MIN_LEN)
//! random bytes.

use crate::error::{Detail, Error, Result};
use crate::primitives::hmac::{HmacAlg, HmacKey};
use crate::webhooks::{Provider, VerifiedWebhook, WebhookScheme, header, verify_body_hex};

/// The digest header.
pub(crate) const DIGEST_HEADER: &str = "X-Payload-Digest";
/// The header naming the digest algorithm.
pub(crate) const ALG_HEADER: &str = "X-Payload-Digest-Alg";

/// Maps a Sumsub algorithm name to the HMAC hash and the scheme name.
///
/// # Errors
/// [`Error::UnsupportedAlgorithm`] for names other than the three Sumsub documents.
pub(crate) fn parse_alg(name: &str) -> Result<(HmacAlg, WebhookScheme)> {
    let n = name.trim();
    if n.eq_ignore_ascii_case("HMAC_SHA256_HEX") {
        Ok((HmacAlg::Sha256, WebhookScheme::HmacSha256Hex))
    } else if n.eq_ignore_ascii_case("HMAC_SHA512_HEX") {
        Ok((HmacAlg::Sha512, WebhookScheme::HmacSha512Hex))
    } else if n.eq_ignore_ascii_case("HMAC_SHA1_HEX") {
        Ok((HmacAlg::Sha1, WebhookScheme::HmacSha1Hex))
    } else {
        Err(Error::UnsupportedAlgorithm(Detail::Borrowed(
            "X-Payload-Digest-Alg",
        )))
    }
}

/// Verifies a Sumsub webhook with the secret key of the webhook.
///
/// # Errors
/// [`Error::MissingHeader`] (no `X-Payload-Digest`),
/// [`Error::UnsupportedAlgorithm`], [`Error::SignatureInvalid`],
/// [`Error::InputTooLarge`], [`Error::MalformedInput`] (header given twice).
pub(crate) fn verify<N: AsRef<str>, V: AsRef<str>>(
    headers: &[(N, V)],
    body: &[u8],
    secret: &HmacKey,
) -> Result<VerifiedWebhook> {
    let (alg, scheme) = match header::find(headers, ALG_HEADER)? {
        Some(name) if !name.is_empty() => parse_alg(name)?,
        _ => (HmacAlg::Sha256, WebhookScheme::HmacSha256Hex),
    };
    verify_body_hex(
        Provider::Sumsub,
        headers,
        body,
        secret,
        DIGEST_HEADER,
        alg,
        scheme,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alg_names() {
        assert_eq!(parse_alg("hmac_sha512_hex").unwrap().0, HmacAlg::Sha512);
        assert_eq!(
            parse_alg("HMAC_MD5_HEX").unwrap_err().code(),
            "unsupported_algorithm"
        );
    }

    #[test]
    fn sha1_tag_is_not_accepted_under_sha256() {
        let key = HmacKey::from_slice(b"k").unwrap();
        let tag = hex::encode(key.sign(HmacAlg::Sha1, &[b"{}"]));
        let h = [("X-Payload-Digest", tag.as_str())];
        assert_eq!(
            verify(&h, b"{}", &key).unwrap_err().code(),
            "signature_invalid"
        );
        let h = [
            ("X-Payload-Digest", tag.as_str()),
            ("x-payload-digest-alg", "HMAC_SHA1_HEX"),
        ];
        assert_eq!(
            verify(&h, b"{}", &key).unwrap().scheme,
            WebhookScheme::HmacSha1Hex
        );
    }
}

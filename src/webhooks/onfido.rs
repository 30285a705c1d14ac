//! Onfido webhooks: `X-SHA2-Signature = hex(HMAC-SHA256(utf8(webhook token), raw body))`.
//!
//! No timestamp is signed: deduplicate on the event in the verified body.
//!
//! **Secret:** the webhook token Onfido returned when the webhook was registered, its UTF-8 bytes as the HMAC key, unchanged. An empty
//! secret is `Error::InvalidKey` when the
//! `HmacKey` is built, so a deployment
//! whose variable is set but empty fails closed; a secret you choose yourself
//! needs at least [`RECOMMENDED_MIN_LEN`](crate::primitives::hmac::RECOMMENDED_MIN_LEN)
//! random bytes.

use crate::error::Result;
use crate::primitives::hmac::{HmacAlg, HmacKey};
use crate::webhooks::{Provider, VerifiedWebhook, WebhookScheme, verify_body_hex};

/// The signature header.
pub(crate) const SIGNATURE_HEADER: &str = "X-SHA2-Signature";

/// Verifies an Onfido webhook; `token` is the webhook token (its UTF-8 bytes).
///
/// # Errors
/// [`Error::MissingHeader`](crate::Error::MissingHeader),
/// [`Error::SignatureInvalid`](crate::Error::SignatureInvalid),
/// [`Error::InputTooLarge`](crate::Error::InputTooLarge),
/// [`Error::MalformedInput`](crate::Error::MalformedInput) (header given twice).
pub(crate) fn verify<N: AsRef<str>, V: AsRef<str>>(
    headers: &[(N, V)],
    body: &[u8],
    token: &HmacKey,
) -> Result<VerifiedWebhook> {
    verify_body_hex(
        Provider::Onfido,
        headers,
        body,
        token,
        SIGNATURE_HEADER,
        HmacAlg::Sha256,
        WebhookScheme::HmacSha256Hex,
    )
}

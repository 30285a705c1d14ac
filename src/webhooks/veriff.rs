//! Veriff webhooks: `X-HMAC-SIGNATURE = hex(HMAC-SHA256(utf8(shared secret), raw body))`.
//!
//! `X-AUTH-CLIENT` only carries your API key (it identifies the integration
//! and proves nothing). No timestamp is signed: deduplicate on the event.
//!
//! **Secret:** the shared secret key of the Veriff integration, its UTF-8 bytes as the HMAC key, unchanged. An empty
//! secret is `Error::InvalidKey` when the
//! `HmacKey` is built, so a deployment
//! whose variable is set but empty fails closed; a secret you choose yourself
//! needs at least [`RECOMMENDED_MIN_LEN`](crate::primitives::hmac::RECOMMENDED_MIN_LEN)
//! random bytes.

use crate::error::Result;
use crate::primitives::hmac::{HmacAlg, HmacKey};
use crate::webhooks::{Provider, VerifiedWebhook, WebhookScheme, verify_body_hex};

/// The signature header.
pub(crate) const SIGNATURE_HEADER: &str = "X-HMAC-SIGNATURE";

/// Verifies a Veriff webhook with the integration's shared secret.
///
/// # Errors
/// [`Error::MissingHeader`](crate::Error::MissingHeader),
/// [`Error::SignatureInvalid`](crate::Error::SignatureInvalid),
/// [`Error::InputTooLarge`](crate::Error::InputTooLarge),
/// [`Error::MalformedInput`](crate::Error::MalformedInput) (header given twice).
pub(crate) fn verify<N: AsRef<str>, V: AsRef<str>>(
    headers: &[(N, V)],
    body: &[u8],
    secret: &HmacKey,
) -> Result<VerifiedWebhook> {
    verify_body_hex(
        Provider::Veriff,
        headers,
        body,
        secret,
        SIGNATURE_HEADER,
        HmacAlg::Sha256,
        WebhookScheme::HmacSha256Hex,
    )
}

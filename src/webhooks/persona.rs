//! Persona webhooks: `Persona-Signature: t=<unix s>,v1=<hex>` where
//! `v1 = hex(HMAC-SHA256(utf8(secret), t + "." + raw body))`, `t` as sent.
//!
//! While a secret is being rotated the header holds several space-separated
//! sets (`t=..,v1=.. t=..,v1=..`): the webhook is accepted if any `v1` of any
//! set matches and that set's `t` lies within
//! [`WebhookOptions::leeway_secs`] of `now` (default 300 s). If sets match
//! but all are outside the window the error is `TimestampOutOfWindow`.
//! A header may hold at most [`MAX_SIGNATURE_SETS`](crate::webhooks::MAX_SIGNATURE_SETS)
//! sets over at most [`MAX_DISTINCT_TIMESTAMPS`](crate::webhooks::MAX_DISTINCT_TIMESTAMPS)
//! distinct `t` values (one MAC over the body per distinct `t`); more is `MalformedInput`.
//! The header grammar is shared with CorePass v2.
//!
//! **Secret:** the webhook secret (`wbhsec_...`) from the Persona dashboard, its UTF-8 bytes as the HMAC key, unchanged. An empty
//! secret is `Error::InvalidKey` when the
//! `HmacKey` is built, so a deployment
//! whose variable is set but empty fails closed; a secret you choose yourself
//! needs at least [`RECOMMENDED_MIN_LEN`](crate::primitives::hmac::RECOMMENDED_MIN_LEN)
//! random bytes.

use crate::error::Result;
use crate::primitives::hmac::HmacKey;
use crate::webhooks::{Provider, VerifiedWebhook, WebhookOptions, WebhookScheme, timestamped};

/// The signature header.
pub(crate) const SIGNATURE_HEADER: &str = "Persona-Signature";

/// Verifies a Persona webhook; `now` is unix seconds.
///
/// # Errors
/// [`Error::MissingHeader`](crate::Error::MissingHeader),
/// [`Error::MalformedInput`](crate::Error::MalformedInput) (header not `t=..,v1=..`),
/// [`Error::SignatureInvalid`](crate::Error::SignatureInvalid),
/// [`Error::TimestampOutOfWindow`](crate::Error::TimestampOutOfWindow),
/// [`Error::InputTooLarge`](crate::Error::InputTooLarge). The options are
/// validated by [`webhooks::verify`](crate::webhooks::verify).
pub(crate) fn verify<N: AsRef<str>, V: AsRef<str>>(
    headers: &[(N, V)],
    body: &[u8],
    secret: &HmacKey,
    now: u64,
    opts: &WebhookOptions,
) -> Result<VerifiedWebhook> {
    timestamped(
        Provider::Persona,
        headers,
        body,
        secret,
        now,
        opts,
        SIGNATURE_HEADER,
        "v1",
        WebhookScheme::PersonaV1,
    )
}

//! CorePass hosted Connector (v2) webhooks: `Corepass-Signature: t=<unix s>,s=<hex>`
//! where `s = hex(HMAC-SHA256(webhook signing key, t + "." + raw body))`,
//! `t` as sent; leeway 5 minutes by default
//! ([`WebhookOptions::leeway_secs`]).
//!
//! The header grammar (and rotation: several space-separated sets, any may
//! match) is shared with Persona. The self-hosted Connector v1 callbacks
//! (Ed448) are in [`corepass`](crate::corepass).
//!
//! **Secret:** the webhook signing key of the hosted Connector, its UTF-8 bytes as the HMAC key, unchanged. An empty
//! secret is `Error::InvalidKey` when the
//! `HmacKey` is built, so a deployment
//! whose variable is set but empty fails closed; a secret you choose yourself
//! needs at least [`RECOMMENDED_MIN_LEN`](crate::primitives::hmac::RECOMMENDED_MIN_LEN)
//! random bytes.
//!
//! ```
//! use kycrypt::primitives::hmac::{HmacAlg, HmacKey};
//! use kycrypt::webhooks::{self, Provider, WebhookOptions};
//! let key = HmacKey::from_slice(b"whsec_corepass")?;
//! let body = br#"{"event":"kyc.completed"}"#;
//! let s = hex::encode(key.sign(HmacAlg::Sha256, &[b"1700000000.", body]));
//! let header = format!("t=1700000000,s={s}");
//! let headers = [("Corepass-Signature", header.as_str())];
//! let ok = webhooks::verify(Provider::CorePass, &headers, body, &key, 1700000100, &WebhookOptions::default()).unwrap();
//! assert_eq!(ok.timestamp, Some(1700000000));
//! let stale = webhooks::verify(Provider::CorePass, &headers, body, &key, 1700000301, &WebhookOptions::default());
//! assert_eq!(stale.unwrap_err().code(), "timestamp_out_of_window");
//! # Ok::<(), kycrypt::Error>(())
//! ```

use super::{Provider, VerifiedWebhook, WebhookOptions, WebhookScheme, timestamped};
use crate::error::Result;
use crate::primitives::hmac::HmacKey;

/// The signature header.
pub(crate) const SIGNATURE_HEADER: &str = "Corepass-Signature";

/// Verifies a CorePass v2 webhook; `now` is unix seconds.
///
/// # Errors
/// [`Error::MissingHeader`](crate::Error::MissingHeader),
/// [`Error::MalformedInput`](crate::Error::MalformedInput) (header not `t=..,s=..`),
/// [`Error::SignatureInvalid`](crate::Error::SignatureInvalid),
/// [`Error::TimestampOutOfWindow`](crate::Error::TimestampOutOfWindow),
/// [`Error::InputTooLarge`](crate::Error::InputTooLarge). The options are
/// validated by [`webhooks::verify`](crate::webhooks::verify).
pub(crate) fn verify<N: AsRef<str>, V: AsRef<str>>(
    headers: &[(N, V)],
    body: &[u8],
    key: &HmacKey,
    now: u64,
    opts: &WebhookOptions,
) -> Result<VerifiedWebhook> {
    timestamped(
        Provider::CorePass,
        headers,
        body,
        key,
        now,
        opts,
        SIGNATURE_HEADER,
        "s",
        WebhookScheme::CorePassV2,
    )
}

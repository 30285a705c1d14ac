//! Zero Hash webhook verification (HMAC and RSA, legacy and current headers).

use crate::error::{Error, Result};
use crate::primitives::hmac::{HmacAlg, HmacKey};
mod key;

pub use key::ZeroHashPublicKey;

use super::{Provider, VerifiedWebhook, WebhookOptions, WebhookScheme, check_body, header};

/// Timestamp of the current scheme (unix milliseconds).
pub(crate) const TIMESTAMP_HEADER: &str = "x-zh-hook-timestamp";
/// Current HMAC signature: `hex(HMAC-SHA256(secret, body + timestamp))`.
pub(crate) const SIGNATURE_HEADER: &str = "x-zh-hook-signature";
/// Legacy HMAC signature: `hex(HMAC-SHA256(secret, body))`.
pub(crate) const LEGACY_SIGNATURE_HEADER: &str = "x-zh-hook-signature-256";
/// Current RSA signature (PKCS#1 v1.5, SHA-256, over `body + timestamp`).
pub(crate) const RSA_SIGNATURE_HEADER: &str = "x-zh-hook-rsa-signature";
/// Legacy RSA signature (PKCS#1 v1.5, SHA-256, over `body`).
pub(crate) const LEGACY_RSA_SIGNATURE_HEADER: &str = "x-zh-hook-rsa-signature-256";
/// The idempotency key.
pub(crate) const NOTIFICATION_ID_HEADER: &str = "x-zh-hook-notification-id";
/// Longest accepted notification id (bytes).
const MAX_NOTIFICATION_ID_LEN: usize = 256;

/// The message a Zero Hash webhook signature covers, as parts to concatenate:
/// `body + timestamp` (current, `timestamp` the header text in milliseconds)
/// or `body` alone (legacy, `timestamp` `None`). The one place that defines it.
#[must_use]
pub(crate) fn webhook_message<'a>(body: &'a [u8], timestamp: Option<&'a str>) -> Vec<&'a [u8]> {
    match timestamp {
        Some(ts) => vec![body, ts.as_bytes()],
        None => vec![body],
    }
}

/// Parses `x-zh-hook-timestamp` (unix milliseconds, the header value trimmed
/// of surrounding whitespace): ASCII digits only, at most 20, and **no leading
/// zero**. The signed message is `body || timestamp` with no delimiter, so a
/// body ending in `0` signed with timestamp `T` is byte for byte the body
/// without that `0` and the timestamp `0T`, which has `T`'s value and would
/// pass the window: with the canonical form required the split is unique.
/// `"0"` itself is refused too (first digit must be 1-9): 1970 is never a
/// send time, and one rule is simpler to state.
///
/// # Errors
/// [`Error::MalformedInput`] (`malformed_input`): leading zero, sign, whitespace
/// inside, any non-digit, or out of range.
fn parse_timestamp_ms(ts: &str) -> Result<u64> {
    if ts.starts_with('0') {
        return Err(Error::MalformedInput(
            "x-zh-hook-timestamp must not start with 0 (decimal unix milliseconds)".into(),
        ));
    }
    header::parse_timestamp(TIMESTAMP_HEADER, ts)
}

/// Which headers to use: the signature value, the timestamp (raw text, ms),
/// and whether this is the legacy scheme.
struct Selected<'a> {
    signature: &'a str,
    timestamp: Option<(&'a str, u64)>,
}

fn select<'a, N: AsRef<str>, V: AsRef<str>>(
    headers: &'a [(N, V)],
    current: &'static str,
    legacy: &'static str,
    opts: &WebhookOptions,
) -> Result<Selected<'a>> {
    if let Some(ts) = header::find(headers, TIMESTAMP_HEADER)?.filter(|v| !v.is_empty()) {
        let ms = parse_timestamp_ms(ts)?;
        let signature = header::require(headers, current)?;
        return Ok(Selected {
            signature,
            timestamp: Some((ts, ms)),
        });
    }
    match header::find(headers, legacy)?.filter(|v| !v.is_empty()) {
        Some(signature) if opts.zerohash_allow_legacy => Ok(Selected {
            signature,
            timestamp: None,
        }),
        Some(_) => Err(Error::MissingHeader(TIMESTAMP_HEADER.into())),
        None if header::find(headers, current)?.is_some() => {
            Err(Error::MissingHeader(TIMESTAMP_HEADER.into()))
        }
        None if opts.zerohash_allow_legacy => Err(Error::MissingHeader(legacy.into())),
        None => Err(Error::MissingHeader(current.into())),
    }
}

/// Checks the window (milliseconds against `now` seconds) and builds the result.
fn finish<N: AsRef<str>, V: AsRef<str>>(
    headers: &[(N, V)],
    sel: &Selected<'_>,
    now: u64,
    opts: &WebhookOptions,
    scheme: WebhookScheme,
    legacy_scheme: WebhookScheme,
) -> Result<VerifiedWebhook> {
    let (scheme, timestamp) = match sel.timestamp {
        Some((_, ms)) => {
            let leeway_ms = opts.leeway_secs.saturating_mul(1000);
            header::check_window(ms, now.saturating_mul(1000), leeway_ms)?;
            (scheme, Some(ms / 1000))
        }
        None => (legacy_scheme, None),
    };
    let mut out = VerifiedWebhook::new(Provider::ZeroHash, scheme, timestamp);
    out.event_id = match header::find(headers, NOTIFICATION_ID_HEADER)? {
        Some(id) if id.len() > MAX_NOTIFICATION_ID_LEN => {
            return Err(Error::InputTooLarge {
                what: "notification id",
                limit: MAX_NOTIFICATION_ID_LEN,
            });
        }
        Some(id) if !id.is_empty() => Some(id.to_owned()),
        _ => None,
    };
    Ok(out)
}

/// Verifies a Zero Hash webhook signed with the HMAC secret (`now` in unix
/// seconds). With `x-zh-hook-timestamp` present the current scheme
/// (`x-zh-hook-signature`) is required; otherwise the legacy
/// `x-zh-hook-signature-256` is used if
/// [`WebhookOptions::zerohash_allow_legacy`].
///
/// # Errors
/// [`Error::MissingHeader`], [`Error::MalformedInput`] (timestamp not canonical
/// decimal milliseconds, e.g. a leading zero; header twice), [`Error::SignatureInvalid`],
/// [`Error::TimestampOutOfWindow`], [`Error::InputTooLarge`]. The options
/// are validated by [`webhooks::verify`](super::verify).
pub(crate) fn verify<N: AsRef<str>, V: AsRef<str>>(
    headers: &[(N, V)],
    body: &[u8],
    secret: &HmacKey,
    now: u64,
    opts: &WebhookOptions,
) -> Result<VerifiedWebhook> {
    check_body(body)?;
    let sel = select(headers, SIGNATURE_HEADER, LEGACY_SIGNATURE_HEADER, opts)?;
    let msg = webhook_message(body, sel.timestamp.map(|(raw, _)| raw));
    secret.verify_hex(HmacAlg::Sha256, &msg, sel.signature)?;
    finish(
        headers,
        &sel,
        now,
        opts,
        WebhookScheme::ZeroHashHmacSha256,
        WebhookScheme::ZeroHashHmacSha256Legacy,
    )
}

/// Verifies a Zero Hash webhook signed with Zero Hash's RSA key
/// (`x-zh-hook-rsa-signature` with the timestamp, or the legacy
/// `x-zh-hook-rsa-signature-256` if
/// [`WebhookOptions::zerohash_allow_legacy`]), RSASSA-PKCS1-v1_5 with
/// SHA-256. The signature may be standard base64 or hex (exactly twice the
/// modulus length in hex digits). `headers` are the request's (name, value)
/// pairs, `body` the raw bytes, `now` unix seconds; the options are
/// validated first.
///
/// # Errors
/// As [`verify`](super::verify) with [`Provider::ZeroHash`]: [`Error::InvalidArgument`]
/// (options), [`Error::MissingHeader`], [`Error::MalformedInput`],
/// [`Error::SignatureInvalid`], [`Error::TimestampOutOfWindow`],
/// [`Error::InputTooLarge`].
pub fn verify_zerohash_rsa<N: AsRef<str>, V: AsRef<str>>(
    headers: &[(N, V)],
    body: &[u8],
    key: &ZeroHashPublicKey,
    now: u64,
    opts: &WebhookOptions,
) -> Result<VerifiedWebhook> {
    opts.validate()?;
    check_body(body)?;
    let sel = select(
        headers,
        RSA_SIGNATURE_HEADER,
        LEGACY_RSA_SIGNATURE_HEADER,
        opts,
    )?;
    key.verify(
        &webhook_message(body, sel.timestamp.map(|(raw, _)| raw)),
        sel.signature,
    )?;
    finish(
        headers,
        &sel,
        now,
        opts,
        WebhookScheme::ZeroHashRsaSha256,
        WebhookScheme::ZeroHashRsaSha256Legacy,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> HmacKey {
        HmacKey::from_slice(b"zh-webhook-secret").unwrap()
    }

    #[test]
    fn legacy_needs_opt_in_and_current_beats_it() {
        let body = b"{}";
        let legacy = hex::encode(key().sign(HmacAlg::Sha256, &[body]));
        let h = [
            ("X-ZH-HOOK-SIGNATURE-256", legacy.as_str()),
            ("x-zh-hook-notification-id", "n-1"),
        ];
        let opt_in = WebhookOptions::default().with_zerohash_allow_legacy(true);
        let ok = verify(&h, body, &key(), 0, &opt_in).unwrap();
        assert_eq!(
            (ok.scheme, ok.event_id.as_deref()),
            (WebhookScheme::ZeroHashHmacSha256Legacy, Some("n-1"))
        );
        assert_eq!(
            verify(&h, body, &key(), 0, &WebhookOptions::default())
                .unwrap_err()
                .code(),
            "missing_header"
        );
        // A timestamp present forces the current scheme: the legacy header is not a fallback.
        let h2 = [
            ("x-zh-hook-signature-256", legacy.as_str()),
            ("x-zh-hook-timestamp", "1000"),
        ];
        assert_eq!(
            verify(&h2, body, &key(), 1, &opt_in).unwrap_err().code(),
            "missing_header"
        );
        let h3 = [("x-zh-hook-signature", legacy.as_str())];
        assert_eq!(
            verify(&h3, body, &key(), 1, &opt_in).unwrap_err().code(),
            "missing_header"
        );
    }

    /// `HMAC(secret, body || timestamp)` has no delimiter: a body ending in
    /// `0` signed with timestamp T is the same message as the body without
    /// that `0` and the timestamp `0T`, which has T's value and is in the
    /// window. A leading zero is refused, so the split is unique.
    #[test]
    fn timestamp_with_a_leading_zero_is_refused() {
        let ts = "1700000000500";
        let signed_body = br#"{"amount":"10"}0"#; // what Zero Hash signed (ends in a digit)
        let sig = hex::encode(key().sign(HmacAlg::Sha256, &webhook_message(signed_body, Some(ts))));
        let o = WebhookOptions::default();
        let h = [
            ("x-zh-hook-signature", sig.as_str()),
            ("x-zh-hook-timestamp", ts),
        ];
        assert!(verify(&h, signed_body, &key(), 1_700_000_000, &o).is_ok());
        // The forgery: one byte moved from the body into the timestamp.
        let moved = format!("0{ts}");
        let forged = [
            ("x-zh-hook-signature", sig.as_str()),
            ("x-zh-hook-timestamp", moved.as_str()),
        ];
        let e = verify(&forged, br#"{"amount":"10"}"#, &key(), 1_700_000_000, &o).unwrap_err();
        assert_eq!(e.code(), "malformed_input");
        for bad in [
            "0",
            "00",
            "01700000000500",
            "+1700000000500",
            "-1700000000500",
            "1700000000 500",
            "1700000000\t500",
            "1_700_000_000_500",
            "1.7e12",
            "0x18BCFE56864",
            "١٧٠٠٠٠٠٠٠٠٥٠٠",
        ] {
            let h = [
                ("x-zh-hook-signature", sig.as_str()),
                ("x-zh-hook-timestamp", bad),
            ];
            let e = verify(&h, signed_body, &key(), 1_700_000_000, &o).unwrap_err();
            assert_eq!(e.code(), "malformed_input", "{bad:?}");
        }
        // Surrounding whitespace is not part of an HTTP header value: trimmed, then checked.
        let spaced = format!(" {ts}\t");
        let h = [
            ("x-zh-hook-signature", sig.as_str()),
            ("x-zh-hook-timestamp", spaced.as_str()),
        ];
        assert!(verify(&h, signed_body, &key(), 1_700_000_000, &o).is_ok());
    }

    #[test]
    fn window_in_milliseconds() {
        let body = b"{}";
        let sig = hex::encode(key().sign(
            HmacAlg::Sha256,
            &webhook_message(body, Some("1700000000500")),
        ));
        let h = [
            ("x-zh-hook-signature", sig.as_str()),
            ("x-zh-hook-timestamp", "1700000000500"),
        ];
        let o = WebhookOptions::default();
        assert_eq!(
            verify(&h, body, &key(), 1_700_000_300, &o)
                .unwrap()
                .timestamp,
            Some(1_700_000_000)
        );
        assert_eq!(
            verify(&h, body, &key(), 1_700_000_301, &o)
                .unwrap_err()
                .code(),
            "timestamp_out_of_window"
        );
        assert_eq!(
            verify(&h, body, &key(), 1_699_999_700, &o)
                .unwrap_err()
                .code(),
            "timestamp_out_of_window"
        );
        assert!(verify(&h, body, &key(), 1_699_999_701, &o).is_ok());
        let bad = [
            ("x-zh-hook-signature", sig.as_str()),
            ("x-zh-hook-timestamp", "17e11"),
        ];
        assert_eq!(
            verify(&bad, body, &key(), 0, &o).unwrap_err().code(),
            "malformed_input"
        );
    }
}

//! Zero Hash: signing API requests (platform -> Zero Hash) and checking signed
//! requests (for proxies, mocks and tests). Zero Hash webhooks are verified by
//! [`webhooks::verify`](crate::webhooks::verify) with
//! [`Provider::ZeroHash`](crate::webhooks::Provider::ZeroHash) (HMAC) and
//! [`webhooks::verify_zerohash_rsa`](crate::webhooks::verify_zerohash_rsa) (RSA).
//!
//! # Request signing
//! `X-SCX-SIGNED = base64(HMAC-SHA256(base64decode(api secret),
//! utf8(timestamp + METHOD + route + body)))` where
//! - `timestamp` is unix **seconds** in decimal, sent as `X-SCX-TIMESTAMP`;
//! - `METHOD` is the method upper-cased (`get` signs as `GET`);
//! - `route` is the path **with its query string**, starting with `/`
//!   (`/accounts?account_owner=00SCXM`);
//! - `body` is the exact string sent. **Rule:** when the body passed is empty
//!   and the method is `GET` or `DELETE`, `{}` is signed (what Zero Hash's
//!   docs and SDK do); in every other case the body is signed as given (an
//!   empty `POST` body signs as empty). Sign the bytes you send (compact JSON as
//!   `JSON.stringify` writes it), never a re-serialisation.
//!
//! ```
//! use kycrypt::zerohash::ZeroHashCredentials;
//! let creds = ZeroHashCredentials::new("public_key", "2mC4ZvVd4goRkuJm+rjr9byUiaUW1b6tVN4xy9QXNSE=", "passphrase")?;
//! let h = creds.sign_request("get", "/accounts?account_owner=00SCXM&account_group=BBLGTW", "", 1714445421)?;
//! assert_eq!(h.x_scx_signed, "nvY/lGZoaom8x6eHeMWlzF4NnGvGA3YPtrbCmyUSplo=");
//! assert_eq!(h.x_scx_timestamp, "1714445421");
//! # Ok::<(), kycrypt::Error>(())
//! ```
//!
//! # Checking a signed request
//! [`verify_request`] (headers) and [`verify_request_fields`] (values)
//! recompute the signature, compare it in constant time, then require
//! `X-SCX-TIMESTAMP` within [`RequestOptions::leeway_secs`] of `now`
//! (default [`DEFAULT_LEEWAY_SECS`] = 60 s, the skew Zero Hash's servers
//! accept; at most [`MAX_LEEWAY_SECS`]).
//!
//! # Webhooks
//! - current: `x-zh-hook-timestamp` (unix **milliseconds**) and
//!   `x-zh-hook-signature = hex(HMAC-SHA256(secret, raw body + timestamp))`
//!   (no delimiter), window ± [`WebhookOptions::leeway_secs`] (5 min);
//! - legacy: `x-zh-hook-signature-256 = hex(HMAC-SHA256(secret, raw body))`;
//! - RSA variants `x-zh-hook-rsa-signature` / `x-zh-hook-rsa-signature-256`:
//!   RSASSA-PKCS1-v1_5 with SHA-256 over the same messages, checked with
//!   Zero Hash's public key ([`ZeroHashPublicKey`](crate::webhooks::ZeroHashPublicKey));
//! - `x-zh-hook-notification-id` is returned as the idempotency key
//!   ([`VerifiedWebhook::event_id`]).
//!
//! The current recipe is of medium confidence (secondary sources); its message
//! is built in one place inside kycrypt.
//!
//! # Secrets
//! The API secret is base64 as Zero Hash issues it (32 bytes decoded); the
//! webhook secret is used as its UTF-8 bytes. Neither may be empty
//! ([`secret_from_base64`] and `HmacKey`
//! return `Error::InvalidKey`): `HMAC("", msg)` is
//! computable by anyone. A secret you choose yourself (a mock server, tests)
//! needs at least [`RECOMMENDED_MIN_LEN`](crate::primitives::hmac::RECOMMENDED_MIN_LEN)
//! random bytes.
//!
//! [`WebhookOptions::leeway_secs`]: crate::webhooks::WebhookOptions::leeway_secs
//! [`VerifiedWebhook::event_id`]: crate::webhooks::VerifiedWebhook::event_id

mod request;

pub use request::{
    DEFAULT_LEEWAY_SECS, MAX_LEEWAY_SECS, MAX_REQUEST_BODY_LEN, MAX_ROUTE_LEN, RequestOptions,
    SignedHeaders, VerifiedRequest, ZeroHashCredentials, secret_from_base64, sign, signing_message,
    verify_request, verify_request_fields,
};

//! Zero Hash API request signing (`X-SCX-*` headers) and its server-side check.

use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::{Detail, Error, Result, check_len};
use crate::primitives::hmac::{HmacAlg, HmacKey};
use crate::primitives::support as header;

/// Default leeway of `X-SCX-TIMESTAMP` (seconds, either direction), as Zero
/// Hash's servers apply.
pub const DEFAULT_LEEWAY_SECS: u64 = 60;
/// Largest leeway [`RequestOptions`] accepts (seconds).
pub const MAX_LEEWAY_SECS: u64 = 300;
/// Largest request body signed or checked (5 MiB).
pub const MAX_REQUEST_BODY_LEN: usize = 5 * 1024 * 1024;
/// Largest route (path and query) signed or checked (bytes).
pub const MAX_ROUTE_LEN: usize = 8192;
/// Longest HTTP method accepted.
const MAX_METHOD_LEN: usize = 16;

/// Options of the signed-request check ([`verify_request`],
/// [`verify_request_fields`]).
///
/// ```
/// use kycrypt::zerohash::RequestOptions;
/// assert_eq!(RequestOptions::default().leeway_secs, 60);
/// let wide = RequestOptions::default().with_leeway_secs(301);
/// assert_eq!(wide.validate().unwrap_err().code(), "invalid_argument");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestOptions {
    /// Accepted distance (seconds, either direction) between
    /// `X-SCX-TIMESTAMP` and `now`. Default [`DEFAULT_LEEWAY_SECS`], at most
    /// [`MAX_LEEWAY_SECS`].
    pub leeway_secs: u64,
}

impl Default for RequestOptions {
    fn default() -> Self {
        Self {
            leeway_secs: DEFAULT_LEEWAY_SECS,
        }
    }
}

impl RequestOptions {
    /// Checks the options' ranges.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `leeway_secs` exceeds [`MAX_LEEWAY_SECS`].
    pub fn validate(&self) -> Result<()> {
        if self.leeway_secs > MAX_LEEWAY_SECS {
            return Err(Error::InvalidArgument(Detail::Borrowed(
                "leeway_secs exceeds MAX_LEEWAY_SECS (300)",
            )));
        }
        Ok(())
    }
}

setters!(RequestOptions {
    /// Checked by [`validate`](Self::validate), which every check calls.
    with_leeway_secs(leeway_secs: u64);
});

/// Decodes a Zero Hash API secret (standard base64, padded) into an HMAC key.
///
/// # Errors
/// [`Error::MalformedInput`] when it is not base64, [`Error::InvalidKey`] when it
/// decodes to nothing. The secret is never echoed.
pub fn secret_from_base64(secret_b64: &str) -> Result<HmacKey> {
    let bytes = crate::encoding::b64_decode("api secret", secret_b64.trim())?;
    HmacKey::new(bytes).map_err(|_| Error::invalid_key("api secret is empty"))
}

/// The validated pieces of the signed message.
struct Parts<'a> {
    timestamp: String,
    method: String,
    route: &'a str,
    body: &'a str,
}

fn parts<'a>(
    method: &str,
    route: &'a str,
    body: &'a str,
    timestamp_secs: u64,
) -> Result<Parts<'a>> {
    let method = method.trim();
    if method.is_empty()
        || method.len() > MAX_METHOD_LEN
        || !method.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return Err(Error::malformed(
            "method must be an HTTP method name (letters only)",
        ));
    }
    let method = method.to_ascii_uppercase();
    check_len("route", route.as_bytes(), MAX_ROUTE_LEN)?;
    if !route.starts_with('/') || route.bytes().any(|b| b.is_ascii_control() || b == b' ') {
        return Err(Error::malformed(
            "route must be the path with its query string, starting with '/'",
        ));
    }
    check_len("request body", body.as_bytes(), MAX_REQUEST_BODY_LEN)?;
    let body = if body.is_empty() && (method == "GET" || method == "DELETE") {
        "{}"
    } else {
        body
    };
    Ok(Parts {
        timestamp: timestamp_secs.to_string(),
        method,
        route,
        body,
    })
}

/// The exact string that is signed: `timestamp + METHOD + route + body`, with
/// the method upper-cased and `{}` for an empty GET/DELETE body (see the
/// [module docs](crate::zerohash)). Not secret; useful for debugging.
///
/// # Errors
/// [`Error::MalformedInput`] for a method that is not letters or a route that does
/// not start with `/` (or holds spaces/control characters);
/// [`Error::InputTooLarge`] over [`MAX_ROUTE_LEN`] / [`MAX_REQUEST_BODY_LEN`].
pub fn signing_message(
    method: &str,
    route: &str,
    body: &str,
    timestamp_secs: u64,
) -> Result<String> {
    let p = parts(method, route, body, timestamp_secs)?;
    Ok(format!("{}{}{}{}", p.timestamp, p.method, p.route, p.body))
}

fn mac_parts<'p>(p: &'p Parts<'_>) -> [&'p [u8]; 4] {
    [
        p.timestamp.as_bytes(),
        p.method.as_bytes(),
        p.route.as_bytes(),
        p.body.as_bytes(),
    ]
}

/// Computes `X-SCX-SIGNED` (standard base64 of the HMAC-SHA256 tag) of a
/// request under the API `secret` at `timestamp_secs` (unix seconds, the
/// value sent as `X-SCX-TIMESTAMP`).
///
/// # Errors
/// As [`signing_message`].
pub fn sign(
    method: &str,
    route: &str,
    body: &str,
    secret: &HmacKey,
    timestamp_secs: u64,
) -> Result<String> {
    let p = parts(method, route, body, timestamp_secs)?;
    let tag = Zeroizing::new(secret.sign(HmacAlg::Sha256, &mac_parts(&p)));
    Ok(crate::encoding::b64_encode(&tag))
}

/// Zero Hash API credentials: the public API key, the passphrase and the
/// decoded secret. Secrets are zeroized on drop; `Debug` shows only the API key.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct ZeroHashCredentials {
    api_key: String,
    passphrase: String,
    secret: HmacKey,
}

impl core::fmt::Debug for ZeroHashCredentials {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ZeroHashCredentials")
            .field("api_key", &self.api_key)
            .finish_non_exhaustive()
    }
}

impl ZeroHashCredentials {
    /// Builds credentials from the API key, the base64 API secret and the passphrase.
    ///
    /// # Errors
    /// As [`secret_from_base64`].
    pub fn new(api_key: &str, secret_b64: &str, passphrase: &str) -> Result<Self> {
        Ok(Self::from_key(
            api_key,
            secret_from_base64(secret_b64)?,
            passphrase,
        ))
    }

    /// Builds credentials from an already decoded secret.
    #[must_use]
    pub fn from_key(api_key: &str, secret: HmacKey, passphrase: &str) -> Self {
        Self {
            api_key: api_key.to_owned(),
            passphrase: passphrase.to_owned(),
            secret,
        }
    }

    /// The public API key.
    #[must_use]
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// Signs a request: returns the four `X-SCX-*` header values.
    /// `timestamp_secs` is the current unix time in seconds (the caller's clock).
    ///
    /// # Errors
    /// As [`signing_message`].
    pub fn sign_request(
        &self,
        method: &str,
        route: &str,
        body: &str,
        timestamp_secs: u64,
    ) -> Result<SignedHeaders> {
        Ok(SignedHeaders {
            x_scx_api_key: self.api_key.clone(),
            x_scx_signed: sign(method, route, body, &self.secret, timestamp_secs)?,
            x_scx_timestamp: timestamp_secs.to_string(),
            x_scx_passphrase: self.passphrase.clone(),
        })
    }
}

/// The headers of a signed Zero Hash request. Holds the passphrase: zeroized
/// on drop, and `Debug` shows only the API key and timestamp.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
#[non_exhaustive]
pub struct SignedHeaders {
    /// `X-SCX-API-KEY`: the public API key.
    pub x_scx_api_key: String,
    /// `X-SCX-SIGNED`: base64 HMAC-SHA256 of the signed message.
    pub x_scx_signed: String,
    /// `X-SCX-TIMESTAMP`: unix seconds, decimal.
    pub x_scx_timestamp: String,
    /// `X-SCX-PASSPHRASE`: the account passphrase (secret).
    pub x_scx_passphrase: String,
}

/// Equality is constant-time in the tag and passphrase (they are secrets).
impl PartialEq for SignedHeaders {
    fn eq(&self, other: &Self) -> bool {
        use crate::primitives::hmac::ct_eq;
        let public = self.x_scx_api_key == other.x_scx_api_key
            && self.x_scx_timestamp == other.x_scx_timestamp;
        let signed = ct_eq(self.x_scx_signed.as_bytes(), other.x_scx_signed.as_bytes());
        let pass = ct_eq(
            self.x_scx_passphrase.as_bytes(),
            other.x_scx_passphrase.as_bytes(),
        );
        public & signed & pass
    }
}

impl Eq for SignedHeaders {}

impl core::fmt::Debug for SignedHeaders {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SignedHeaders")
            .field("x_scx_api_key", &self.x_scx_api_key)
            .field("x_scx_timestamp", &self.x_scx_timestamp)
            .finish_non_exhaustive()
    }
}

impl SignedHeaders {
    /// The headers as `(name, value)` pairs, in the order `X-SCX-API-KEY`,
    /// `X-SCX-SIGNED`, `X-SCX-TIMESTAMP`, `X-SCX-PASSPHRASE`. The returned
    /// passphrase copy is not zeroized: drop it soon.
    #[must_use]
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("X-SCX-API-KEY", self.x_scx_api_key.clone()),
            ("X-SCX-SIGNED", self.x_scx_signed.clone()),
            ("X-SCX-TIMESTAMP", self.x_scx_timestamp.clone()),
            ("X-SCX-PASSPHRASE", self.x_scx_passphrase.clone()),
        ]
    }
}

/// What [`verify_request`] established.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifiedRequest {
    /// The signed timestamp (unix seconds).
    pub timestamp: u64,
    /// `X-SCX-API-KEY` as sent, if present (not covered by the signature).
    pub api_key: Option<String>,
}

/// Checks a signature given as fields: `timestamp` (decimal seconds, as sent
/// in `X-SCX-TIMESTAMP`) and `signature_b64` (`X-SCX-SIGNED`) of a request
/// (`method`, `route`, `body`), under the API `secret`, at `now` (unix
/// seconds). The options are validated first; the signature is checked
/// before the window ([`RequestOptions::leeway_secs`]). The passphrase is not
/// part of the signature; compare it yourself. Returns the signed timestamp.
///
/// # Errors
/// [`Error::InvalidArgument`] (options out of range),
/// [`Error::MalformedInput`] (timestamp not decimal, bad method or route),
/// [`Error::SignatureInvalid`] (wrong secret, altered request, signature not
/// base64), [`Error::TimestampOutOfWindow`], [`Error::InputTooLarge`].
#[allow(clippy::too_many_arguments)]
pub fn verify_request_fields(
    timestamp: &str,
    signature_b64: &str,
    method: &str,
    route: &str,
    body: &str,
    secret: &HmacKey,
    now: u64,
    opts: &RequestOptions,
) -> Result<u64> {
    opts.validate()?;
    let ts = header::parse_timestamp("X-SCX-TIMESTAMP", timestamp.trim())?;
    let p = parts(method, route, body, ts)?;
    let tag = Zeroizing::new(
        crate::encoding::b64_decode("X-SCX-SIGNED", signature_b64.trim())
            .map_err(|_| Error::SignatureInvalid)?,
    );
    // The signed text is the timestamp as sent: a re-formatted number would
    // accept `0123` for `123`, so require the canonical form.
    if p.timestamp != timestamp.trim() {
        return Err(Error::malformed(
            "X-SCX-TIMESTAMP must be a canonical decimal number",
        ));
    }
    secret.verify(HmacAlg::Sha256, &mac_parts(&p), &tag)?;
    header::check_window(ts, now, opts.leeway_secs)?;
    Ok(ts)
}

/// Like [`verify_request_fields`] with the values taken from the request
/// `headers` (`X-SCX-SIGNED`, `X-SCX-TIMESTAMP`; names case-insensitive).
///
/// ```
/// use kycrypt::zerohash::{self, RequestOptions};
/// let key = zerohash::secret_from_base64("2mC4ZvVd4goRkuJm+rjr9byUiaUW1b6tVN4xy9QXNSE=")?;
/// let sig = zerohash::sign("POST", "/orders", "{}", &key, 1000)?;
/// let headers = [("X-SCX-SIGNED", sig.as_str()), ("X-SCX-TIMESTAMP", "1000")];
/// let opts = RequestOptions::default();
/// let ok = zerohash::verify_request(&headers, "POST", "/orders", "{}", &key, 1030, &opts)?;
/// assert_eq!(ok.timestamp, 1000);
/// let late = zerohash::verify_request(&headers, "POST", "/orders", "{}", &key, 1061, &opts);
/// assert_eq!(late.unwrap_err().code(), "timestamp_out_of_window");
/// # Ok::<(), kycrypt::Error>(())
/// ```
///
/// # Errors
/// As [`verify_request_fields`], plus [`Error::MissingHeader`] when either
/// header is absent and [`Error::MalformedInput`] when one is given twice.
#[allow(clippy::too_many_arguments)]
pub fn verify_request<N: AsRef<str>, V: AsRef<str>>(
    headers: &[(N, V)],
    method: &str,
    route: &str,
    body: &str,
    secret: &HmacKey,
    now: u64,
    opts: &RequestOptions,
) -> Result<VerifiedRequest> {
    opts.validate()?;
    let signed = header::require(headers, "X-SCX-SIGNED")?;
    let ts = header::require(headers, "X-SCX-TIMESTAMP")?;
    let api_key = header::find(headers, "X-SCX-API-KEY")?.map(str::to_owned);
    let timestamp = verify_request_fields(ts, signed, method, route, body, secret, now, opts)?;
    Ok(VerifiedRequest { timestamp, api_key })
}

#[cfg(test)]
mod tests {

    #[test]
    fn signed_headers_eq_covers_every_field() {
        let c = ZeroHashCredentials::new("k", "c2VjcmV0", "pass").unwrap();
        let a = c.sign_request("GET", "/x", "", 1).unwrap();
        assert_eq!(a, a.clone());
        let mut b = a.clone();
        b.x_scx_passphrase.push('!');
        assert_ne!(a, b);
        let mut b = a.clone();
        b.x_scx_signed = c
            .sign_request("GET", "/y", "", 1)
            .unwrap()
            .x_scx_signed
            .clone();
        assert_ne!(a, b);
        assert_ne!(a, c.sign_request("GET", "/x", "", 2).unwrap());
    }
    use super::*;

    const SECRET: &str = "2mC4ZvVd4goRkuJm+rjr9byUiaUW1b6tVN4xy9QXNSE=";

    #[test]
    fn body_rule_and_method_case() {
        assert_eq!(signing_message("get", "/a", "", 1).unwrap(), "1GET/a{}");
        assert_eq!(
            signing_message("DELETE", "/a", "", 1).unwrap(),
            "1DELETE/a{}"
        );
        assert_eq!(signing_message("post", "/a", "", 1).unwrap(), "1POST/a");
        assert_eq!(signing_message("GET", "/a", "x", 1).unwrap(), "1GET/ax");
    }

    #[test]
    fn rejects_bad_inputs() {
        for (m, r) in [
            ("", "/a"),
            ("G3T", "/a"),
            ("GET", "a"),
            ("GET", "/a b"),
            ("GET", "https://x/a"),
        ] {
            assert_eq!(
                signing_message(m, r, "", 1).unwrap_err().code(),
                "malformed_input",
                "{m} {r}"
            );
        }
        assert_eq!(secret_from_base64("").unwrap_err().code(), "invalid_key");
        assert_eq!(
            secret_from_base64("not base64!").unwrap_err().code(),
            "malformed_input"
        );
    }

    #[test]
    fn round_trip_and_errors() {
        let key = secret_from_base64(SECRET).unwrap();
        let d = RequestOptions::default();
        let sig = sign("POST", "/p", "{}", &key, 1000).unwrap();
        let h = [("x-scx-signed", sig.as_str()), ("X-SCX-TIMESTAMP", "1000")];
        assert_eq!(
            verify_request(&h, "POST", "/p", "{}", &key, 1060, &d)
                .unwrap()
                .timestamp,
            1000
        );
        let e = verify_request(&h, "POST", "/p", "{}", &key, 1061, &d).unwrap_err();
        assert_eq!(e.code(), "timestamp_out_of_window");
        assert!(
            verify_request(
                &h,
                "POST",
                "/p",
                "{}",
                &key,
                1061,
                &RequestOptions::default().with_leeway_secs(300)
            )
            .is_ok()
        );
        assert_eq!(
            verify_request(
                &h,
                "POST",
                "/p",
                "{}",
                &key,
                1000,
                &RequestOptions::default().with_leeway_secs(301)
            )
            .unwrap_err()
            .code(),
            "invalid_argument"
        );
        assert_eq!(
            verify_request(&h, "POST", "/q", "{}", &key, 1000, &d)
                .unwrap_err()
                .code(),
            "signature_invalid"
        );
        let e =
            verify_request_fields("01000", &sig, "POST", "/p", "{}", &key, 1000, &d).unwrap_err();
        assert_eq!(e.code(), "malformed_input");
        let e =
            verify_request_fields("1000", "***", "POST", "/p", "{}", &key, 1000, &d).unwrap_err();
        assert_eq!(e.code(), "signature_invalid");
        let e = verify_request(&h[..1], "POST", "/p", "{}", &key, 1000, &d).unwrap_err();
        assert_eq!(e.code(), "missing_header");
        // Options are checked first, whatever else is wrong.
        let wide = RequestOptions::default().with_leeway_secs(MAX_LEEWAY_SECS + 1);
        let e = verify_request(&h[..1], "POST", "/p", "{}", &key, 1000, &wide).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
        let e =
            verify_request_fields("1000", &sig, "POST", "/p", "{}", &key, 1000, &wide).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
    }

    #[test]
    fn debug_shows_no_secrets() {
        let c = ZeroHashCredentials::new("pk", SECRET, "my-passphrase").unwrap();
        let s = format!("{c:?}");
        assert!(!s.contains("my-passphrase") && !s.contains("2mC4"), "{s}");
        let h = c.sign_request("GET", "/a", "", 1).unwrap();
        let s = format!("{h:?}");
        assert!(
            !s.contains("my-passphrase") && !s.contains(&h.x_scx_signed),
            "{s}"
        );
        assert_eq!(
            h.to_pairs()[3],
            ("X-SCX-PASSPHRASE", "my-passphrase".to_owned())
        );
    }
}

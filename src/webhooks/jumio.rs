//! Jumio: callbacks carry **no signature** (Jumio documents an IP allowlist
//! only). Nothing can be verified, and this module says so instead of
//! pretending: restrict the endpoint to Jumio's published IP ranges and fetch
//! the verification result from the Jumio API before acting on a callback.

use crate::error::{Detail, Error, Result};
use crate::webhooks::VerifiedWebhook;

/// Always fails with [`Error::NotSigned`]: Jumio callbacks have no signature.
///
/// # Errors
/// Always [`Error::NotSigned`].
pub(crate) fn verify<N: AsRef<str>, V: AsRef<str>>(
    _headers: &[(N, V)],
    _body: &[u8],
) -> Result<VerifiedWebhook> {
    Err(Error::NotSigned(Detail::Borrowed(
        "Jumio callbacks carry no signature; allowlist Jumio's IPs and fetch the result from the API",
    )))
}

#[cfg(test)]
mod tests {
    #[test]
    fn never_verifies() {
        let h = [("X-Anything", "x")];
        assert_eq!(super::verify(&h, b"{}").unwrap_err().code(), "not_signed");
    }
}

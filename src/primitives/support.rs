//! Provider-neutral helpers shared by the provider modules: ASCII
//! case-insensitive header lookup with a size cap, decimal timestamps and the
//! timestamp window, and SHA3-256. Not public API.

use sha3::{Digest, Sha3_256};

use crate::error::{Detail, Error, Result};

/// Longest header value accepted (bytes). Real signature headers are < 1 KiB.
pub const MAX_HEADER_VALUE_LEN: usize = 4096;
/// Longest decimal timestamp accepted (digits); `u64::MAX` has 20.
const MAX_TIMESTAMP_DIGITS: usize = 20;

/// Finds the value of header `name` (ASCII case-insensitive), trimmed.
///
/// # Errors
/// [`Error::MalformedInput`] when the header occurs more than once (ambiguous) or
/// its value is longer than [`MAX_HEADER_VALUE_LEN`].
pub(crate) fn find<'a, N, V>(headers: &'a [(N, V)], name: &'static str) -> Result<Option<&'a str>>
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    let mut found: Option<&'a str> = None;
    for (n, v) in headers {
        if n.as_ref().trim().eq_ignore_ascii_case(name) {
            if found.is_some() {
                return Err(Error::MalformedInput(Detail::Owned(format!(
                    "header {name} occurs more than once"
                ))));
            }
            let v = v.as_ref();
            if v.len() > MAX_HEADER_VALUE_LEN {
                return Err(Error::InputTooLarge {
                    what: "header value",
                    limit: MAX_HEADER_VALUE_LEN,
                });
            }
            found = Some(v.trim());
        }
    }
    Ok(found)
}

/// Like [`find`] but the header must be present and non-empty.
///
/// # Errors
/// [`Error::MissingHeader`] naming the header, or the errors of [`find`].
pub(crate) fn require<'a, N, V>(headers: &'a [(N, V)], name: &'static str) -> Result<&'a str>
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    match find(headers, name)? {
        Some(v) if !v.is_empty() => Ok(v),
        _ => Err(Error::MissingHeader(Detail::Borrowed(name))),
    }
}

/// Parses a decimal timestamp (digits only, at most 20).
///
/// # Errors
/// [`Error::MalformedInput`] naming `what`.
pub(crate) fn parse_timestamp(what: &'static str, s: &str) -> Result<u64> {
    if s.is_empty() || s.len() > MAX_TIMESTAMP_DIGITS || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::MalformedInput(Detail::Owned(format!(
            "{what} must be a decimal unix timestamp"
        ))));
    }
    s.parse::<u64>()
        .map_err(|_| Error::MalformedInput(Detail::Owned(format!("{what} is out of range"))))
}

/// Accepts `ts` when it lies within `tolerance` of `now` (both in the same unit).
///
/// # Errors
/// [`Error::TimestampOutOfWindow`] when it is too old or too far in the future.
pub(crate) fn check_window(ts: u64, now: u64, tolerance: u64) -> Result<()> {
    if ts.abs_diff(now) <= tolerance {
        Ok(())
    } else {
        Err(Error::TimestampOutOfWindow)
    }
}

/// SHA3-256 (FIPS 202, not Keccak) over the concatenation of `parts`.
pub(crate) fn sha3_256(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = Sha3_256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_is_case_insensitive_and_rejects_duplicates() {
        let h = [("X-Sig", " abc "), ("other", "x")];
        assert_eq!(find(&h, "x-sig").unwrap(), Some("abc"));
        assert_eq!(find(&h, "missing").unwrap(), None);
        assert_eq!(require(&h, "missing").unwrap_err().code(), "missing_header");
        let dup = [("X-Sig", "a"), ("x-sig", "b")];
        assert_eq!(find(&dup, "X-SIG").unwrap_err().code(), "malformed_input");
        let empty = [("X-Sig", "  ")];
        assert_eq!(
            require(&empty, "x-sig").unwrap_err().code(),
            "missing_header"
        );
        let long = [("X-Sig", "a".repeat(MAX_HEADER_VALUE_LEN + 1))];
        assert_eq!(find(&long, "x-sig").unwrap_err().code(), "input_too_large");
    }

    #[test]
    fn window_is_symmetric() {
        assert!(check_window(100, 400, 300).is_ok());
        assert!(check_window(700, 400, 300).is_ok());
        assert_eq!(check_window(99, 400, 300), Err(Error::TimestampOutOfWindow));
        assert_eq!(
            check_window(701, 400, 300),
            Err(Error::TimestampOutOfWindow)
        );
        assert!(check_window(u64::MAX, 0, 300).is_err());
    }

    #[test]
    fn sha3_256_is_fips202() {
        // FIPS 202 SHA3-256("abc"), not Keccak-256.
        assert_eq!(
            hex::encode(sha3_256(&[b"a", b"bc"])),
            "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"
        );
    }
}

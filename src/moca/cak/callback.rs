//! The CAK callback payload and its deduplication key.

use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::{Detail, Error, Result};

/// Largest callback body accepted: 16 KiB (the payload is three short strings).
pub const MAX_CALLBACK_BODY_LEN: usize = 16 * 1024;
/// Largest accepted length of each field, in UTF-8 bytes.
pub const MAX_FIELD_LEN: usize = 1024;

/// A parsed CAK authorisation callback.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CakCallback {
    /// `userId`: the user who granted authorisation.
    pub user_id: String,
    /// `verifierDid`: the DID of the authorised verifier.
    pub verifier_did: String,
    /// `schemaId`: the credential schema involved (route on this).
    pub schema_id: String,
}

/// The three members, kept as raw JSON so type errors are reported by
/// kycrypt (serde's messages would echo the offending value).
#[derive(Deserialize)]
struct Raw {
    #[serde(rename = "userId")]
    user_id: Option<Value>,
    #[serde(rename = "verifierDid")]
    verifier_did: Option<Value>,
    #[serde(rename = "schemaId")]
    schema_id: Option<Value>,
}

/// Parses a callback body strictly.
///
/// Rules: the body is a JSON object (at most [`MAX_CALLBACK_BODY_LEN`] bytes)
/// with members `userId`, `verifierDid` and `schemaId`, each present once, a
/// non-empty string of at most [`MAX_FIELD_LEN`] bytes without control
/// characters. **Unknown members are ignored** (Moca may add members such as
/// timestamps; they are not interpreted, and a signature check still covers
/// the raw body). Duplicate members are refused.
///
/// # Errors
/// [`Error::InputTooLarge`] above the size limits; [`Error::MalformedInput`]
/// naming the member otherwise. Messages never contain the values.
pub fn parse_callback(body: &[u8]) -> Result<CakCallback> {
    crate::error::check_len("CAK callback body", body, MAX_CALLBACK_BODY_LEN)?;
    let raw: Raw = serde_json::from_slice(body).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => Error::malformed(
            "CAK callback body must be a JSON object with unique userId, verifierDid, schemaId",
        ),
        _ => Error::malformed("CAK callback body is not valid JSON"),
    })?;
    Ok(CakCallback {
        user_id: field("userId", raw.user_id)?,
        verifier_did: field("verifierDid", raw.verifier_did)?,
        schema_id: field("schemaId", raw.schema_id)?,
    })
}

fn field(name: &'static str, value: Option<Value>) -> Result<String> {
    let bad =
        |why: &str| Error::MalformedInput(Detail::Owned(format!("CAK callback {name} {why}")));
    let s = match value {
        None | Some(Value::Null) => return Err(bad("is missing")),
        Some(Value::String(s)) => s,
        Some(_) => return Err(bad("must be a string")),
    };
    if s.is_empty() {
        return Err(bad("is empty"));
    }
    if s.len() > MAX_FIELD_LEN {
        return Err(Error::InputTooLarge {
            what: name,
            limit: MAX_FIELD_LEN,
        });
    }
    if s.chars().any(char::is_control) {
        return Err(bad("contains control characters"));
    }
    Ok(s)
}

impl CakCallback {
    /// The deduplication key of this callback: see [`dedup_key`].
    #[must_use]
    pub fn dedup_key(&self) -> String {
        dedup_key(&self.user_id, &self.verifier_did, &self.schema_id)
    }
}

/// The stable deduplication key of `(userId, verifierDid, schemaId)`, the
/// combination Moca's docs name for idempotent handling.
///
/// Lowercase hex of SHA-256 over the length-prefixed encoding
/// `u32be(len(userId)) || userId || u32be(len(verifierDid)) || verifierDid ||
/// u32be(len(schemaId)) || schemaId` (lengths in UTF-8 bytes). The prefixes
/// make the encoding injective, so distinct triples never share a key by
/// concatenation (`("ab","c")` vs `("a","bc")`).
///
/// ```
/// let k = kycrypt::moca::cak::dedup_key("u-1", "did:air:v", "kyc-basic");
/// assert_eq!(k, kycrypt::moca::cak::dedup_key("u-1", "did:air:v", "kyc-basic"));
/// assert_ne!(k, kycrypt::moca::cak::dedup_key("u-1d", "id:air:v", "kyc-basic"));
/// ```
#[must_use]
pub fn dedup_key(user_id: &str, verifier_did: &str, schema_id: &str) -> String {
    let mut h = Sha256::new();
    for part in [user_id, verifier_did, schema_id] {
        // Fields longer than 4 GiB cannot reach here through `parse_callback`;
        // saturating keeps the function total for direct callers.
        let len = u32::try_from(part.len()).unwrap_or(u32::MAX);
        h.update(len.to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_without_echoing_values() {
        let e =
            parse_callback(br#"{"userId":12345678,"verifierDid":"d","schemaId":"s"}"#).unwrap_err();
        assert_eq!(e.code(), "malformed_input");
        assert!(!e.to_string().contains("12345678"), "{e}");
        let e = parse_callback(br#"{"userId":"a","userId":"b","verifierDid":"d","schemaId":"s"}"#)
            .unwrap_err();
        assert_eq!(e.code(), "malformed_input");
        assert!(parse_callback(b"[1,2]").is_err());
        assert!(
            parse_callback(br#"{"userId":"a\u0000","verifierDid":"d","schemaId":"s"}"#).is_err()
        );
        let ok = parse_callback(br#"{"userId":"a","verifierDid":"d","schemaId":"s","extra":1}"#)
            .unwrap();
        assert_eq!(ok.user_id, "a");
    }

    #[test]
    fn dedup_key_is_length_prefixed() {
        assert_ne!(dedup_key("ab", "c", "d"), dedup_key("a", "bc", "d"));
        assert_eq!(dedup_key("a", "b", "c").len(), 64);
    }
}

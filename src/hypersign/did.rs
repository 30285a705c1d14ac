//! DIDs for Hypersign: parsing `did:key` and `did:hid[:<namespace>]:<msi>`,
//! offline `did:key` resolution and parsing of resolved DID documents.
//!
//! `did:key` documents are derived from the DID itself
//! ([`resolve_did_key`]). `did:hid` keys live on chain and can be rotated,
//! so a `did:hid` is checked against the **resolved DID document** the caller
//! fetched ([`DidDocument::from_json`]); deriving its key from the
//! method-specific id ([`derive_did_hid_document_unsafe`]) is an explicit,
//! documented opt-in that is wrong for rotated keys and for DIDs whose msi is
//! not the key.
//!
//! ```
//! use kycrypt::hypersign::did::{parse_did, resolve_did_key, DidMethod, VerificationPurpose};
//! let did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
//! assert_eq!(parse_did(did)?.method, DidMethod::Key);
//! let doc = resolve_did_key(did)?;
//! let vm = doc.methods_for(did, None, VerificationPurpose::Authentication)?;
//! assert_eq!(vm[0].id, format!("{did}#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"));
//! # Ok::<(), kycrypt::Error>(())
//! ```

pub(crate) mod base58;
mod document;

use base58::ED25519_KEY_LEN;
pub use base58::{decode_ed25519_multibase, encode_ed25519_multibase};
pub use document::{
    DidDocument, MAX_DID_DOCUMENT_LEN, MAX_VERIFICATION_METHODS, VerificationMethod,
    VerificationPurpose,
};

use crate::error::{Error, Result};
use crate::primitives::eddsa::ed25519::Ed25519VerifyingKey;

/// Longest DID (or DID URL, e.g. a `kid`) accepted, in bytes.
pub const MAX_DID_LEN: usize = 512;

str_enum! {
    /// The DID methods this module understands, spelled as the method name
    /// in a DID (`did:<method>:...`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum DidMethod {
        /// `did:key` (the key is the identifier; resolved offline).
        Key = "key",
        /// `did:hid` (Hypersign Identity Network; needs a resolved document).
        Hid = "hid",
    }
    unknown => Error::malformed("DID method must be key or hid");
}

/// A parsed DID.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Did {
    /// The method.
    pub method: DidMethod,
    /// The `did:hid` network namespace (`testnet`, ...); `None` on mainnet and for `did:key`.
    pub namespace: Option<String>,
    /// The method-specific id (for `did:key` the multibase key; for
    /// `did:hid` an msi or a CAIP-10 account id).
    pub method_specific_id: String,
}

/// Parses a DID (not a DID URL: no `#`, `?` or `/`).
///
/// Grammar: `did:key:z<base58btc(0xed 0x01 || 32-byte key)>` (Ed25519 only),
/// and `did:hid[:<namespace>]:<msi>` where the namespace is `[a-z0-9]+` and
/// the msi matches `^[a-zA-Z0-9][a-zA-Z0-9.-]*$` or is a CAIP-10 account id
/// (`<namespace>:<reference>:<address>`).
///
/// # Errors
/// [`Error::InputTooLarge`] above [`MAX_DID_LEN`]; [`Error::MalformedInput`] for
/// any other DID syntax or method; for `did:key`, the errors of
/// [`decode_ed25519_multibase`] and [`Error::InvalidKey`] when the bytes are
/// not an Ed25519 point.
pub fn parse_did(did: &str) -> Result<Did> {
    crate::error::check_len("DID", did.as_bytes(), MAX_DID_LEN)?;
    if let Some(msi) = did.strip_prefix("did:key:") {
        check_ed25519_point(&decode_ed25519_multibase(msi)?)?;
        return Ok(Did {
            method: DidMethod::Key,
            namespace: None,
            method_specific_id: msi.to_owned(),
        });
    }
    let rest = did
        .strip_prefix("did:hid:")
        .ok_or(Error::malformed("not a did:key or did:hid DID"))?;
    let parts: Vec<&str> = rest.split(':').collect();
    let (namespace, msi) = match parts.as_slice() {
        [msi] => (None, *msi),
        [ns, msi] => (Some(*ns), *msi),
        [_, _, _] => (None, rest),
        [ns, _, _, _] => (Some(*ns), rest.get(ns.len() + 1..).unwrap_or_default()),
        _ => return Err(Error::malformed("did:hid has too many ':' parts")),
    };
    if let Some(ns) = namespace {
        if ns.is_empty()
            || !ns
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            return Err(Error::malformed("did:hid namespace must be [a-z0-9]+"));
        }
    }
    if !(is_hid_msi(msi) || is_caip10(msi)) {
        return Err(Error::malformed("did:hid method-specific id is not valid"));
    }
    Ok(Did {
        method: DidMethod::Hid,
        namespace: namespace.map(str::to_owned),
        method_specific_id: msi.to_owned(),
    })
}

/// `^[a-zA-Z0-9][a-zA-Z0-9.-]*$`.
fn is_hid_msi(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// CAIP-10: `[-a-z0-9]{3,8}:[-_a-zA-Z0-9]{1,32}:[-.%a-zA-Z0-9]{1,128}`.
fn is_caip10(s: &str) -> bool {
    let mut it = s.split(':');
    let (Some(ns), Some(reference), Some(addr), None) =
        (it.next(), it.next(), it.next(), it.next())
    else {
        return false;
    };
    (3..=8).contains(&ns.len())
        && ns
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && (1..=32).contains(&reference.len())
        && reference
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && (1..=128).contains(&addr.len())
        && addr
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'%')
}

/// Checks that 32 bytes are a usable Ed25519 public key (a canonical point
/// of large order, as [`Ed25519VerifyingKey::from_bytes`] requires).
pub(crate) fn check_ed25519_point(key: &[u8; ED25519_KEY_LEN]) -> Result<()> {
    Ed25519VerifyingKey::from_bytes(key).map(|_| ())
}

/// Splits a DID URL (`did:...#fragment`) into the DID and the fragment.
///
/// # Errors
/// [`Error::InputTooLarge`] above [`MAX_DID_LEN`]; [`Error::MalformedInput`]
/// without a non-empty fragment.
pub fn split_did_url(did_url: &str) -> Result<(&str, &str)> {
    crate::error::check_len("DID URL", did_url.as_bytes(), MAX_DID_LEN)?;
    match did_url.split_once('#') {
        Some((did, frag)) if did.starts_with("did:") && !frag.is_empty() => Ok((did, frag)),
        _ => Err(Error::malformed("DID URL must be <did>#<fragment>")),
    }
}

/// Resolves a `did:key` (Ed25519) offline: one `Ed25519VerificationKey2020`
/// method `<did>#<msi>`, listed under `authentication` and `assertionMethod`.
///
/// # Errors
/// The errors of [`parse_did`]; [`Error::MalformedInput`] for a DID that is not `did:key`.
pub fn resolve_did_key(did: &str) -> Result<DidDocument> {
    let parsed = parse_did(did)?;
    if parsed.method != DidMethod::Key {
        return Err(Error::malformed("not a did:key DID"));
    }
    let key = decode_ed25519_multibase(&parsed.method_specific_id)?;
    Ok(DidDocument::single_key(
        did,
        format!("{did}#{}", parsed.method_specific_id),
        key,
    ))
}

/// **Unsafe for rotated keys; opt-in only.** Builds the document a
/// Hypersign SDK would have registered for a `did:hid` whose msi is the
/// key's multibase (`<did>#key-1`, `Ed25519VerificationKey2020`, listed for
/// `authentication` and `assertionMethod`).
///
/// This ignores the chain: a key rotated or removed on chain, a deactivated
/// DID, or a DID whose msi is not its key are all missed. Prefer fetching
/// the document from the resolver and using [`DidDocument::from_json`].
///
/// # Errors
/// The errors of [`parse_did`] and [`decode_ed25519_multibase`] (the msi
/// must be an Ed25519 multibase key); [`Error::InvalidKey`] for a non-point;
/// [`Error::MalformedInput`] for a DID that is not `did:hid`.
pub fn derive_did_hid_document_unsafe(did: &str) -> Result<DidDocument> {
    let parsed = parse_did(did)?;
    if parsed.method != DidMethod::Hid {
        return Err(Error::malformed("not a did:hid DID"));
    }
    let key = decode_ed25519_multibase(&parsed.method_specific_id)?;
    check_ed25519_point(&key)?;
    Ok(DidDocument::single_key(did, format!("{did}#key-1"), key))
}

#[cfg(test)]
mod tests {
    use super::*;

    const K0: &str = "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

    #[test]
    fn hid_forms() {
        let d = parse_did(&format!("did:hid:{K0}")).unwrap();
        assert_eq!(
            (d.method, d.namespace, d.method_specific_id.as_str()),
            (DidMethod::Hid, None, K0)
        );
        let d = parse_did(&format!("did:hid:testnet:{K0}")).unwrap();
        assert_eq!(d.namespace.as_deref(), Some("testnet"));
        let d = parse_did("did:hid:testnet:eip155:1:0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb")
            .unwrap();
        assert_eq!(
            d.method_specific_id,
            "eip155:1:0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb"
        );
        assert_eq!(parse_did("did:hid:eip155:1:0xab").unwrap().namespace, None);
        for bad in [
            "did:hid:",
            "did:hid:testnet:",
            "did:hid:Test:abc",
            "did:hid:-abc",
            "did:hid:a_b",
            "did:hid:a:b:c:d:e",
            "did:hid:testnet:x:1:2",
            "did:web:example.com",
            "did:key:",
            "did:hid:abc#key-1",
        ] {
            assert!(parse_did(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn did_url_split() {
        assert_eq!(
            split_did_url("did:hid:abc#key-1").unwrap(),
            ("did:hid:abc", "key-1")
        );
        assert!(split_did_url("did:hid:abc#").is_err());
        assert!(split_did_url("#key-1").is_err());
    }

    #[test]
    fn hid_unsafe_derivation() {
        let did = format!("did:hid:testnet:{K0}");
        let doc = derive_did_hid_document_unsafe(&did).unwrap();
        let vms = doc
            .methods_for(
                &did,
                Some(&format!("{did}#key-1")),
                VerificationPurpose::AssertionMethod,
            )
            .unwrap();
        assert_eq!(vms.len(), 1);
        assert!(derive_did_hid_document_unsafe("did:hid:testnet:zUser").is_err());
        assert!(resolve_did_key(&did).is_err());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "did:(key|hid):\\PC{0,80}") {
            let _ = parse_did(&s);
            let _ = resolve_did_key(&s);
            let _ = split_did_url(&s);
        }
    }
}

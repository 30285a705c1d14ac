//! Resolved DID documents: parsing (bare or in a resolution-result wrapper),
//! deactivation, and selection of the verification method for a purpose.

use serde_json::{Map, Value};

use super::base58::{ED25519_KEY_LEN, base58btc_decode, decode_ed25519_multibase};
use super::split_did_url;
use crate::error::{Error, Result};

/// Largest DID document JSON accepted by [`DidDocument::from_json`], in bytes.
pub const MAX_DID_DOCUMENT_LEN: usize = 64 * 1024;

/// Most verification methods (declared plus embedded) and most entries per
/// relationship a document may carry.
pub const MAX_VERIFICATION_METHODS: usize = 64;

str_enum! {
    /// What a verification method is used for (a DID-core verification
    /// relationship), spelled as the relationship's member name in a DID
    /// document.
    ///
    /// ```
    /// use kycrypt::hypersign::did::VerificationPurpose;
    /// assert_eq!("assertionMethod".parse::<VerificationPurpose>()?, VerificationPurpose::AssertionMethod);
    /// assert_eq!(VerificationPurpose::default().as_str(), "authentication");
    /// # Ok::<(), kycrypt::Error>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum VerificationPurpose {
        /// DID-JWT login tokens (the default).
        #[default]
        Authentication = "authentication",
        /// Issuing claims / credentials.
        AssertionMethod = "assertionMethod",
    }
    unknown => Error::InvalidArgument(
        "purpose must be authentication or assertionMethod".into(),
    );
}

/// One verification method of a DID document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerificationMethod {
    /// Absolute id (`<did>#<fragment>`).
    pub id: String,
    /// `type` (`Ed25519VerificationKey2020`, `Ed25519VerificationKey2018`, `JsonWebKey2020`, ...).
    pub method_type: String,
    /// `controller`, when present.
    pub controller: Option<String>,
    /// The Ed25519 public key, for the Ed25519 forms; `None` for other key types.
    pub ed25519_public_key: Option<[u8; ED25519_KEY_LEN]>,
}

/// A DID document, reduced to what signature checks need.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DidDocument {
    /// The DID the document is about (`id`).
    pub id: String,
    /// Declared and embedded verification methods (ids unique).
    pub verification_methods: Vec<VerificationMethod>,
    /// Absolute ids of the methods listed under `authentication`.
    pub authentication: Vec<String>,
    /// Absolute ids of the methods listed under `assertionMethod`.
    pub assertion_method: Vec<String>,
    /// Whether the DID is deactivated (resolver metadata or a `deactivated: true` member).
    pub deactivated: bool,
}

impl DidDocument {
    /// A one-key document (did:key resolution, did:hid opt-in derivation).
    pub(super) fn single_key(did: &str, vm_id: String, key: [u8; ED25519_KEY_LEN]) -> Self {
        Self {
            id: did.to_owned(),
            verification_methods: vec![VerificationMethod {
                id: vm_id.clone(),
                method_type: "Ed25519VerificationKey2020".into(),
                controller: Some(did.to_owned()),
                ed25519_public_key: Some(key),
            }],
            authentication: vec![vm_id.clone()],
            assertion_method: vec![vm_id],
            deactivated: false,
        }
    }

    /// Parses a resolved DID document: either the bare document or a resolver
    /// result `{"didDocument": {...}, "didDocumentMetadata": {...}}` (Hypersign's
    /// resolver). Deactivation is read from `didDocumentMetadata.deactivated`
    /// or a `deactivated` member of the document.
    ///
    /// Ed25519 keys are read from `Ed25519VerificationKey2020`
    /// (`publicKeyMultibase`), `Ed25519VerificationKey2018` (`publicKeyBase58`,
    /// or `publicKeyMultibase`)
    /// and `JsonWebKey2020` (`publicKeyJwk` OKP/Ed25519); other method types
    /// are kept without a key. A malformed Ed25519 key fails the whole document.
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] above [`MAX_DID_DOCUMENT_LEN`] or
    /// [`MAX_VERIFICATION_METHODS`]; [`Error::MalformedInput`] for bad JSON, a
    /// missing `id`, duplicate method ids or bad members; the key errors of
    /// [`decode_ed25519_multibase`] and [`Error::InvalidKey`].
    pub fn from_json(json: &str) -> Result<Self> {
        crate::error::check_len("DID document", json.as_bytes(), MAX_DID_DOCUMENT_LEN)?;
        let root: Value =
            serde_json::from_str(json).map_err(|_| Error::malformed("DID document is not JSON"))?;
        let root = root
            .as_object()
            .ok_or(Error::malformed("DID document is not a JSON object"))?;
        let (doc, meta) = match root.get("didDocument") {
            Some(Value::Object(doc)) => (doc, root.get("didDocumentMetadata")),
            Some(_) => return Err(Error::malformed("didDocument is not an object")),
            None => (root, None),
        };
        let meta_deactivated = match meta {
            None | Some(Value::Null) => false,
            Some(Value::Object(m)) => bool_member(m, "deactivated")?,
            Some(_) => return Err(Error::malformed("didDocumentMetadata is not an object")),
        };
        let id = doc
            .get("id")
            .and_then(Value::as_str)
            .ok_or(Error::malformed("DID document has no id"))?;
        super::parse_did(id)?;
        let mut out = Self {
            id: id.to_owned(),
            verification_methods: Vec::new(),
            authentication: Vec::new(),
            assertion_method: Vec::new(),
            deactivated: meta_deactivated || bool_member(doc, "deactivated")?,
        };
        for vm in array_member(doc, "verificationMethod")? {
            out.add_method(parse_method(id, vm)?)?;
        }
        out.authentication = out.relationship(doc, "authentication")?;
        out.assertion_method = out.relationship(doc, "assertionMethod")?;
        Ok(out)
    }

    fn add_method(&mut self, vm: VerificationMethod) -> Result<()> {
        if self.verification_methods.iter().any(|m| m.id == vm.id) {
            return Err(Error::malformed("duplicate verification method id"));
        }
        if self.verification_methods.len() >= MAX_VERIFICATION_METHODS {
            return Err(Error::InputTooLarge {
                what: "verification method list",
                limit: MAX_VERIFICATION_METHODS,
            });
        }
        self.verification_methods.push(vm);
        Ok(())
    }

    /// Reads a relationship: references (absolute or `#frag`) or embedded methods.
    fn relationship(
        &mut self,
        doc: &Map<String, Value>,
        name: &'static str,
    ) -> Result<Vec<String>> {
        let entries = array_member(doc, name)?;
        if entries.len() > MAX_VERIFICATION_METHODS {
            return Err(Error::InputTooLarge {
                what: "verification relationship",
                limit: MAX_VERIFICATION_METHODS,
            });
        }
        let mut ids = Vec::with_capacity(entries.len());
        for entry in entries {
            let id = match entry {
                Value::String(r) => absolute_id(&self.id, r)?,
                Value::Object(_) => {
                    let vm = parse_method(&self.id, entry)?;
                    let id = vm.id.clone();
                    self.add_method(vm)?;
                    id
                }
                _ => {
                    return Err(Error::malformed(
                        "verification relationship entry is not a string or object",
                    ));
                }
            };
            ids.push(id);
        }
        Ok(ids)
    }

    /// The Ed25519 methods that may verify a token from `iss` for `purpose`,
    /// in document order: the one `kid` names when given, otherwise every
    /// Ed25519 method listed for the purpose.
    ///
    /// A `kid` may be absolute (`<iss>#frag`) or relative (`#frag`).
    ///
    /// # Errors
    /// [`Error::IssuerMismatch`] when the document id is not `iss` or the
    /// `kid` names another DID; [`Error::DidDeactivated`]; [`Error::KeyNotFound`]
    /// when `kid` names no method or no/other method is listed for the
    /// purpose; [`Error::UnsupportedAlgorithm`] when the only candidates are
    /// not Ed25519 keys.
    pub fn methods_for(
        &self,
        iss: &str,
        kid: Option<&str>,
        purpose: VerificationPurpose,
    ) -> Result<Vec<&VerificationMethod>> {
        if self.id != iss {
            return Err(Error::IssuerMismatch(
                "DID document id is not the issuer".into(),
            ));
        }
        if self.deactivated {
            return Err(Error::DidDeactivated);
        }
        let listed = match purpose {
            VerificationPurpose::Authentication => &self.authentication,
            VerificationPurpose::AssertionMethod => &self.assertion_method,
        };
        let candidates: Vec<&VerificationMethod> = match kid {
            Some(kid) => {
                let kid = kid_for(iss, kid)?;
                let vm = self
                    .verification_methods
                    .iter()
                    .find(|m| m.id == kid)
                    .ok_or(Error::KeyNotFound(
                        "kid names no verification method of the issuer".into(),
                    ))?;
                if !listed.contains(&vm.id) {
                    return Err(Error::KeyNotFound(
                        format!("kid is not listed under {}", purpose.as_str()).into(),
                    ));
                }
                vec![vm]
            }
            None => listed
                .iter()
                .filter_map(|id| self.verification_methods.iter().find(|m| &m.id == id))
                .collect(),
        };
        if candidates.is_empty() {
            return Err(Error::KeyNotFound(
                format!("no verification method listed under {}", purpose.as_str()).into(),
            ));
        }
        let ed: Vec<&VerificationMethod> = candidates
            .into_iter()
            .filter(|m| m.ed25519_public_key.is_some())
            .collect();
        if ed.is_empty() {
            return Err(Error::UnsupportedAlgorithm(
                "no Ed25519 verification method for the purpose".into(),
            ));
        }
        Ok(ed)
    }
}

/// The absolute method id a `kid` names, checking its DID part is `iss`.
fn kid_for(iss: &str, kid: &str) -> Result<String> {
    if let Some(frag) = kid.strip_prefix('#') {
        return Ok(format!("{iss}#{frag}"));
    }
    let (did, _) = split_did_url(kid)
        .map_err(|_| Error::IssuerMismatch("kid is not a DID URL of the issuer".into()))?;
    if did != iss {
        return Err(Error::IssuerMismatch(
            "kid names another DID than the issuer".into(),
        ));
    }
    Ok(kid.to_owned())
}

/// Makes `#frag` absolute against `did`; checks an absolute id is a DID URL.
fn absolute_id(did: &str, id: &str) -> Result<String> {
    if let Some(frag) = id.strip_prefix('#') {
        if frag.is_empty() {
            return Err(Error::malformed(
                "verification method id has an empty fragment",
            ));
        }
        return Ok(format!("{did}#{frag}"));
    }
    split_did_url(id)?;
    Ok(id.to_owned())
}

fn bool_member(obj: &Map<String, Value>, name: &'static str) -> Result<bool> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(Error::MalformedInput(
            format!("{name} is not a boolean").into(),
        )),
    }
}

fn array_member<'a>(obj: &'a Map<String, Value>, name: &'static str) -> Result<&'a [Value]> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(Error::MalformedInput(
            format!("{name} is not an array").into(),
        )),
    }
}

fn str_member<'a>(obj: &'a Map<String, Value>, name: &'static str) -> Result<&'a str> {
    obj.get(name)
        .and_then(Value::as_str)
        .ok_or(Error::MalformedInput(
            format!("verification method {name} missing").into(),
        ))
}

/// Parses one verification method object.
fn parse_method(did: &str, vm: &Value) -> Result<VerificationMethod> {
    let obj = vm
        .as_object()
        .ok_or(Error::malformed("verification method is not an object"))?;
    let id = absolute_id(did, str_member(obj, "id")?)?;
    let method_type = str_member(obj, "type")?.to_owned();
    let controller = obj
        .get("controller")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let key = match method_type.as_str() {
        "Ed25519VerificationKey2020" => Some(decode_ed25519_multibase(str_member(
            obj,
            "publicKeyMultibase",
        )?)?),
        "Ed25519VerificationKey2018" => Some(match obj.get("publicKeyBase58") {
            Some(_) => raw_key(&base58btc_decode(str_member(obj, "publicKeyBase58")?)?)?,
            None => decode_ed25519_multibase(str_member(obj, "publicKeyMultibase")?)?,
        }),
        "JsonWebKey2020" => jwk_key(obj.get("publicKeyJwk"))?,
        _ => None,
    };
    if let Some(k) = &key {
        super::check_ed25519_point(k)?;
    }
    Ok(VerificationMethod {
        id,
        method_type,
        controller,
        ed25519_public_key: key,
    })
}

fn raw_key(bytes: &[u8]) -> Result<[u8; ED25519_KEY_LEN]> {
    <[u8; ED25519_KEY_LEN]>::try_from(bytes)
        .map_err(|_| Error::invalid_key("Ed25519 key must be 32 bytes"))
}

/// An OKP/Ed25519 `publicKeyJwk`; `None` for other key types.
fn jwk_key(jwk: Option<&Value>) -> Result<Option<[u8; ED25519_KEY_LEN]>> {
    let jwk = jwk
        .and_then(Value::as_object)
        .ok_or(Error::malformed("publicKeyJwk missing"))?;
    if jwk.contains_key("d") {
        return Err(Error::malformed("publicKeyJwk contains a private key"));
    }
    let (kty, crv) = (
        jwk.get("kty").and_then(Value::as_str),
        jwk.get("crv").and_then(Value::as_str),
    );
    if kty != Some("OKP") || crv != Some("Ed25519") {
        return Ok(None);
    }
    let x = jwk
        .get("x")
        .and_then(Value::as_str)
        .ok_or(Error::malformed("publicKeyJwk x missing"))?;
    raw_key(&crate::encoding::b64url_decode("publicKeyJwk x", x)?).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    const K0: &str = "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

    fn doc(extra: &str) -> String {
        format!(
            r##"{{"id":"did:hid:abc","verificationMethod":[{{"id":"#key-1","type":"Ed25519VerificationKey2018",
            "publicKeyMultibase":"{K0}"}}],"authentication":["#key-1"]{extra}}}"##
        )
    }

    #[test]
    fn relative_ids_and_kids() {
        let d = DidDocument::from_json(&doc("")).unwrap();
        assert_eq!(d.verification_methods[0].id, "did:hid:abc#key-1");
        for kid in ["#key-1", "did:hid:abc#key-1"] {
            assert_eq!(
                d.methods_for(
                    "did:hid:abc",
                    Some(kid),
                    VerificationPurpose::Authentication
                )
                .unwrap()
                .len(),
                1
            );
        }
        let e = d
            .methods_for(
                "did:hid:abc",
                Some("key-1"),
                VerificationPurpose::Authentication,
            )
            .unwrap_err();
        assert_eq!(e.code(), "issuer_mismatch");
        let e = d
            .methods_for("did:hid:abc", None, VerificationPurpose::AssertionMethod)
            .unwrap_err();
        assert_eq!(e.code(), "key_not_found");
    }

    #[test]
    fn rejects_bad_shapes() {
        let embedded_dup = r##","assertionMethod":[{"id":"#key-1","type":"Ed25519VerificationKey2020","publicKeyMultibase":"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}]"##;
        for (extra, code) in [
            (embedded_dup, "malformed_input"),
            (r#","deactivated":"yes""#, "malformed_input"),
            (r#","assertionMethod":{}"#, "malformed_input"),
            (r#","assertionMethod":[1]"#, "malformed_input"),
            (r##","assertionMethod":["#"]"##, "malformed_input"),
        ] {
            assert_eq!(
                DidDocument::from_json(&doc(extra)).unwrap_err().code(),
                code,
                "{extra}"
            );
        }
        assert_eq!(
            DidDocument::from_json("[]").unwrap_err().code(),
            "malformed_input"
        );
        assert_eq!(
            DidDocument::from_json(r#"{"didDocument":1}"#)
                .unwrap_err()
                .code(),
            "malformed_input"
        );
        let many = format!(
            r#","assertionMethod":[{}]"#,
            vec![r##""#key-1""##; 65].join(",")
        );
        assert_eq!(
            DidDocument::from_json(&doc(&many)).unwrap_err().code(),
            "input_too_large"
        );
        // A small-order point (the identity) is not a usable key.
        let mut ident = [0u8; 32];
        ident[0] = 1;
        let mb = crate::hypersign::did::encode_ed25519_multibase(&ident);
        let bad = doc("").replace(K0, &mb);
        assert_eq!(
            DidDocument::from_json(&bad).unwrap_err().code(),
            "invalid_key"
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}", extra in "[\\[\\]{}\",:#a-z0-9 ]{0,60}") {
            let _ = DidDocument::from_json(&s);
            if let Ok(d) = DidDocument::from_json(&doc(&extra)) {
                let _ = d.methods_for("did:hid:abc", Some(&extra), VerificationPurpose::Authentication);
            }
        }
    }
}

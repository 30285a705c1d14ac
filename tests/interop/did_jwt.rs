//! Hypersign DID-JWTs (issue 14 item 3) against npm `did-jwt` (`createJWT` with
//! `EdDSASigner`, `verifyJWT`) resolving through `did-resolver`'s `Resolver` with
//! `key-did-resolver` (did:key) and a local `hid` method that answers with the DID
//! documents built here (kycrypt reads the same JSON with `DidDocument::from_json`).
//!
//! Keys are fresh Ed25519 keys on every run, some made by kycrypt, some by Node. One Node
//! process per run:
//! - did-jwt signs -> `verify_did_jwt` accepts with did-jwt's claims and the right method,
//!   for did:key (`EdDSA` and the `Ed25519` alias) and did:hid documents in the three key
//!   forms (2020 multibase, 2018 base58, JsonWebKey2020), bare and wrapped in a resolution
//!   result, absolute and relative ids, with a rotated-out key beside the signer;
//! - `sign_did_jwt` -> `verifyJWT` with the audience returns kycrypt's claims and signer;
//! - the tokens both refuse (`alg: none`, wrong key, expired, wrong audience) get kycrypt's
//!   error code and a pinned did-jwt error;
//! - where kycrypt is deliberately stricter (`exp` required, `kid` bound to `iss`, document
//!   `id` = `iss`, verification purpose, lifetime <= 86400 s, `crit`, deactivation) the
//!   token is made by did-jwt and by this driver: kycrypt's rule is asserted, and what
//!   did-jwt does is pinned and printed as a note.

use kycrypt::encoding::b64url_encode;
use kycrypt::hypersign::did::{DidDocument, VerificationPurpose, encode_ed25519_multibase};
use kycrypt::hypersign::did_jwt::{
    DidJwtClaims, DidJwtSignOptions, DidJwtValidation, VerifiedDidJwt, sign_did_jwt, verify_did_jwt,
};
use kycrypt::primitives::eddsa::ed25519::Ed25519SigningKey;
use serde_json::{Map, Value, json};

use crate::common::{self, Peer, Tally, hx, random};

const LIB: &str = "did-jwt";
const KYCRYPT: &str = "kycrypt";
/// The audience Hypersign's issue-jwt uses.
const AUD: &str = "https://api.cavach.hypersign.id";
const OTHER_AUD: &str = "did:web:other.example";
const CRIT: &str = "urn:example:kycrypt-interop";
const TTL: u64 = 300;
const TWO_DAYS: u64 = 2 * 86_400;

// ---------------------------------------------------------------------------------------------
// Keys and documents

/// An Ed25519 key and its multibase form (`z6Mk...`).
struct Ed {
    key: Ed25519SigningKey,
    public: [u8; 32],
    mb: String,
}

impl Ed {
    fn fresh() -> Self {
        Self::from_key(Ed25519SigningKey::generate().unwrap())
    }

    fn from_key(key: Ed25519SigningKey) -> Self {
        let public = key.verifying_key().to_bytes();
        Self {
            mb: encode_ed25519_multibase(&public),
            key,
            public,
        }
    }

    fn did_key(&self) -> String {
        format!("did:key:{}", self.mb)
    }

    /// How the peer finds the key.
    fn spec(&self) -> Value {
        json!({"seed_hex": hx(self.key.to_seed().as_slice())})
    }
}

/// How a verification method carries its key.
#[derive(Debug, Clone, Copy)]
enum Form {
    /// `Ed25519VerificationKey2020`, `publicKeyMultibase` (what Hypersign's SDK registers).
    Vk2020,
    /// `Ed25519VerificationKey2018`, `publicKeyBase58`.
    Vk2018,
    /// `JsonWebKey2020`, `publicKeyJwk` OKP/Ed25519.
    Jwk2020,
}

/// A DID document in Hypersign's shape: `methods` are (fragment, key, form); the
/// relationships list fragments. `relative` writes ids as `#frag`.
fn document(
    did: &str,
    methods: &[(&str, &Ed, Form)],
    authentication: &[&str],
    assertion: &[&str],
    relative: bool,
) -> Value {
    let id = |frag: &str| {
        if relative {
            format!("#{frag}")
        } else {
            format!("{did}#{frag}")
        }
    };
    let vms: Vec<Value> = methods
        .iter()
        .map(|(frag, ed, form)| {
            let mut vm = json!({"id": id(frag), "controller": did});
            match form {
                Form::Vk2020 => {
                    vm["type"] = "Ed25519VerificationKey2020".into();
                    vm["publicKeyMultibase"] = ed.mb.clone().into();
                }
                Form::Vk2018 => {
                    vm["type"] = "Ed25519VerificationKey2018".into();
                    vm["publicKeyBase58"] =
                        kycrypt::__internal::base58btc_encode(&ed.public).into();
                }
                Form::Jwk2020 => {
                    vm["type"] = "JsonWebKey2020".into();
                    vm["publicKeyJwk"] =
                        json!({"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(&ed.public)});
                }
            }
            vm
        })
        .collect();
    let ids = |frags: &[&str]| frags.iter().map(|f| id(f)).collect::<Vec<_>>();
    json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/ed25519-2020/v1"],
        "id": did,
        "controller": [did],
        "alsoKnownAs": [did],
        "verificationMethod": vms,
        "authentication": ids(authentication),
        "assertionMethod": ids(assertion),
        "keyAgreement": [],
        "capabilityInvocation": ids(authentication),
        "capabilityDelegation": ids(authentication),
        "service": [],
    })
}

/// The document as Hypersign's resolver returns it (`didDocument` + `didDocumentMetadata`).
fn wrapped(doc: Value, deactivated: bool) -> Value {
    json!({
        "didDocument": doc,
        "didDocumentMetadata": {
            "created": "2026-01-01T00:00:00Z",
            "deactivated": deactivated,
            "versionId": hx(&random(16)),
        },
    })
}

/// A did:hid issuer with its document JSON (text, given unchanged to both sides).
struct Hid {
    did: String,
    doc: String,
    /// The signing key.
    ed: Ed,
    /// The signing method's id as written in the document (did-jwt reports it so).
    vm_as_written: String,
    /// ... and absolute (kycrypt reports it so).
    vm: String,
}

/// A random did:hid msi that is not a key (the document, not the msi, holds the key).
fn msi() -> String {
    format!("kyc-{}", hx(&random(8)))
}

// ---------------------------------------------------------------------------------------------
// The fixture

struct Fixture {
    now: u64,
    /// did:key, kycrypt-made.
    r1: Ed,
    /// did:hid:testnet:<key multibase> (the SDK's form), 2020 key, absolute ids, bare.
    h1: Hid,
    /// did:hid:testnet:<msi>, 2018 base58, relative ids, wrapped; key-1 is another (rotated-out)
    /// key, key-2 signs.
    h2: Hid,
    /// did:hid:<key multibase> (mainnet), JsonWebKey2020, relative ids.
    h4: Hid,
    /// The key is listed under assertionMethod only.
    ha: Hid,
    /// Deactivated (resolver metadata).
    hd: Hid,
    /// `iss` is this DID, but its resolver answers with the document of another DID that
    /// lists the signing key.
    hx: Hid,
}

fn hid(did: String, doc: Value, ed: Ed, frag: &str, relative: bool) -> Hid {
    let vm = format!("{did}#{frag}");
    let vm_as_written = if relative {
        format!("#{frag}")
    } else {
        vm.clone()
    };
    Hid {
        doc: doc.to_string(),
        did,
        ed,
        vm_as_written,
        vm,
    }
}

impl Fixture {
    fn new() -> Self {
        let h1 = Ed::fresh();
        let did1 = format!("did:hid:testnet:{}", h1.mb);
        let doc1 = document(
            &did1,
            &[("key-1", &h1, Form::Vk2020)],
            &["key-1"],
            &["key-1"],
            false,
        );

        let (old, h2) = (Ed::fresh(), Ed::fresh());
        let did2 = format!("did:hid:testnet:{}", msi());
        let doc2 = wrapped(
            document(
                &did2,
                &[("key-1", &old, Form::Vk2018), ("key-2", &h2, Form::Vk2018)],
                &["key-1", "key-2"],
                &["key-1", "key-2"],
                true,
            ),
            false,
        );

        let h4 = Ed::fresh();
        let did4 = format!("did:hid:{}", h4.mb);
        let doc4 = document(
            &did4,
            &[("key-1", &h4, Form::Jwk2020)],
            &["key-1"],
            &["key-1"],
            true,
        );

        let ha = Ed::fresh();
        let dida = format!("did:hid:testnet:{}", msi());
        let doca = document(
            &dida,
            &[("key-1", &ha, Form::Vk2020)],
            &[],
            &["key-1"],
            false,
        );

        let hd = Ed::fresh();
        let didd = format!("did:hid:testnet:{}", msi());
        let docd = wrapped(
            document(
                &didd,
                &[("key-1", &hd, Form::Vk2020)],
                &["key-1"],
                &["key-1"],
                false,
            ),
            true,
        );

        let hx = Ed::fresh();
        let didx = format!("did:hid:testnet:{}", msi());
        let didy = format!("did:hid:testnet:{}", msi());
        let docy = document(
            &didy,
            &[("key-1", &hx, Form::Vk2020)],
            &["key-1"],
            &["key-1"],
            false,
        );

        Self {
            now: common::now(),
            r1: Ed::fresh(),
            h1: hid(did1, doc1, h1, "key-1", false),
            h2: hid(did2, doc2, h2, "key-2", true),
            h4: hid(did4, doc4, h4, "key-1", true),
            ha: hid(dida, doca, ha, "key-1", false),
            hd: hid(didd, docd, hd, "key-1", false),
            hx: hid(didx, docy, hx, "key-1", false),
        }
    }

    /// did -> document JSON text, for the peer's resolver.
    fn documents(&self) -> Value {
        let mut m = Map::new();
        for h in [&self.h1, &self.h2, &self.h4, &self.ha, &self.hd, &self.hx] {
            m.insert(h.did.clone(), h.doc.clone().into());
        }
        Value::Object(m)
    }
}

/// kycrypt's verdict: the verified token, or the error code.
fn kycrypt_verify(
    token: &str,
    doc: Option<&str>,
    purpose: VerificationPurpose,
) -> Result<VerifiedDidJwt, &'static str> {
    let doc = doc.map(|j| DidDocument::from_json(j).unwrap());
    let v = DidJwtValidation::new(AUD).with_purpose(purpose);
    verify_did_jwt(token, doc.as_ref(), common::now(), &v).map_err(|e| e.code())
}

/// Fresh caller claims (Hypersign passes them through): a subject, non-ASCII text, a list.
fn claims() -> Map<String, Value> {
    let v = json!({
        "sub": format!("user-{}", hx(&random(4))),
        "name": "Zoë Łukasiewicz, 東京",
        "scope": ["kyc", "age>18"],
        "nonce": hx(&random(8)),
    });
    v.as_object().unwrap().clone()
}

// ---------------------------------------------------------------------------------------------
// What did-jwt does with a kycrypt token

#[derive(Debug, Clone)]
enum DidJwt {
    /// Verifies, reporting this issuer and signer method id.
    Accepts { issuer: String, signer: String },
    /// Verifies what kycrypt refuses (the note says so).
    AcceptsNote(&'static str),
    /// Refuses with an error starting with this.
    Refuses(&'static str),
}

const NOTE_EXP: &str =
    "verifies a DID-JWT without exp (no expiry at all); kycrypt requires exp (malformed_token)";
const NOTE_KID_OTHER: &str = "ignores the header kid: a kid naming another DID verifies; kycrypt binds kid to iss (issuer_mismatch)";
const NOTE_KID_UNKNOWN: &str = "ignores the header kid: a kid naming no method of the document verifies; kycrypt refuses it (key_not_found)";
const NOTE_DOC_ID: &str = "does not compare the resolved document's id with iss: another DID's document that lists the key verifies; kycrypt refuses (issuer_mismatch)";
const NOTE_PURPOSE: &str = "without proofPurpose, any verificationMethod verifies (here one listed under assertionMethod only); kycrypt checks authentication by default (key_not_found); did-jwt with proofPurpose: 'authentication' refuses too";
const NOTE_LIFETIME: &str = "has no lifetime cap: exp - iat of two days verifies; kycrypt caps DID-JWTs at Hypersign's 86400 s (malformed_token)";
const NOTE_CRIT: &str = "ignores the crit header; kycrypt refuses unknown critical extensions (unknown_critical_header)";
const NOTE_DEACTIVATED: &str = "ignores didDocumentMetadata.deactivated: a deactivated DID's token verifies; kycrypt refuses it (did_deactivated)";

fn did_jwt_outcome(
    t: &mut Tally,
    r: &Value,
    ex: &DidJwt,
    want_payload: Option<&Map<String, Value>>,
    what: &str,
) {
    let ok = r["ok"] == json!(true);
    match ex {
        DidJwt::Accepts { issuer, signer } => {
            t.check(LIB, ok, format!("{what}: did-jwt should verify, got {r}"));
            if ok {
                t.eq(
                    LIB,
                    r["issuer"].as_str(),
                    Some(issuer.as_str()),
                    &format!("{what}: did-jwt's issuer"),
                );
                t.eq(
                    LIB,
                    r["signer"].as_str(),
                    Some(signer.as_str()),
                    &format!("{what}: did-jwt's signer"),
                );
                if let Some(p) = want_payload {
                    t.eq(
                        LIB,
                        r["payload"].as_object(),
                        Some(p),
                        &format!("{what}: did-jwt returns kycrypt's claims"),
                    );
                }
            }
        }
        DidJwt::AcceptsNote(note) => {
            t.check(
                LIB,
                ok,
                format!("{what}: did-jwt should verify (documented difference), got {r}"),
            );
            t.note(LIB, *note);
        }
        DidJwt::Refuses(prefix) => {
            let err = r["error"].as_str().unwrap_or("");
            t.check(
                LIB,
                !ok && err.starts_with(prefix),
                format!("{what}: did-jwt should refuse ({prefix}), got {r}"),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// kycrypt signs -> did-jwt verifies

fn b64json(v: &Value) -> String {
    b64url_encode(v.to_string().as_bytes())
}

/// A DID-JWT over any header and payload (what `sign_did_jwt` will not make).
fn craft(ed: Option<&Ed>, header: &Value, payload: &Value) -> String {
    let si = format!("{}.{}", b64json(header), b64json(payload));
    let sig = ed
        .map(|e| e.key.sign(si.as_bytes()).to_vec())
        .unwrap_or_default();
    format!("{si}.{}", b64url_encode(&sig))
}

/// What kycrypt signs: the claims, `now` (= `iat`) and the options.
struct Request {
    claims: DidJwtClaims,
    now: u64,
    opts: DidJwtSignOptions,
}

fn request(
    issuer: &str,
    aud: &str,
    claims: &Map<String, Value>,
    iat: u64,
    ttl: u64,
    kid: Option<String>,
) -> Request {
    let mut c = DidJwtClaims::new(issuer, aud);
    c.extra.clone_from(claims);
    let mut opts = DidJwtSignOptions::default().with_ttl_secs(ttl);
    if let Some(kid) = kid {
        opts = opts.with_kid(kid);
    }
    Request {
        claims: c,
        now: iat,
        opts,
    }
}

fn sign_request(ed: &Ed, req: &Request) -> kycrypt::Result<String> {
    sign_did_jwt(&req.claims, &ed.key, req.now, &req.opts)
}

/// The Hypersign payload order for crafted tokens: iat, exp, claims, aud, iss.
fn hypersign_payload(claims: &Map<String, Value>, iat: u64, exp: Option<u64>, iss: &str) -> Value {
    let mut m = Map::new();
    m.insert("iat".into(), iat.into());
    if let Some(exp) = exp {
        m.insert("exp".into(), exp.into());
    }
    m.extend(claims.clone());
    m.insert("aud".into(), AUD.into());
    m.insert("iss".into(), iss.into());
    Value::Object(m)
}

/// One kycrypt-made token: what kycrypt says of it (with `doc` and `purpose`) and what
/// did-jwt must do (with `proof_purpose`).
struct Sent {
    what: String,
    token: String,
    doc: Option<String>,
    purpose: VerificationPurpose,
    kycrypt: Result<String, &'static str>,
    proof_purpose: Option<&'static str>,
    did_jwt: DidJwt,
}

fn kycrypt_tokens(f: &Fixture, t: &mut Tally) -> Vec<Sent> {
    use VerificationPurpose::{AssertionMethod, Authentication};
    let now = f.now;
    let hyper = json!({"typ": "JWT", "alg": "EdDSA"});
    let mut out = Vec::new();
    let mut push = |what: &str,
                    token: String,
                    h: Option<&Hid>,
                    purpose,
                    kycrypt: Result<String, &'static str>,
                    proof_purpose,
                    did_jwt| {
        out.push(Sent {
            what: format!("kycrypt {what}"),
            token,
            doc: h.map(|h| h.doc.clone()),
            purpose,
            kycrypt,
            proof_purpose,
            did_jwt,
        });
    };
    let accepts = |iss: &str, signer: &str| DidJwt::Accepts {
        issuer: iss.into(),
        signer: signer.into(),
    };
    let sign = |ed: &Ed, req: &Request| sign_request(ed, req).unwrap();

    // Valid: did:key, and did:hid in each document form.
    let r1 = f.r1.did_key();
    let r1_vm = format!("{r1}#{}", f.r1.mb);
    push(
        "did:key",
        sign(&f.r1, &request(&r1, AUD, &claims(), now, TTL, None)),
        None,
        Authentication,
        Ok(r1_vm.clone()),
        None,
        accepts(&r1, &r1_vm),
    );
    for (h, kid, name) in [
        (&f.h1, None, "did:hid (Hypersign's form: no kid), 2020 key"),
        (&f.h1, Some(f.h1.vm.clone()), "did:hid with kid, 2020 key"),
        (
            &f.h2,
            None,
            "did:hid, 2018 base58 key beside a rotated-out one, wrapped, relative ids",
        ),
        (
            &f.h2,
            Some("#key-2".to_owned()),
            "did:hid with a relative kid, 2018 key",
        ),
        (&f.h4, None, "did:hid (mainnet), JsonWebKey2020"),
    ] {
        let token = sign(&h.ed, &request(&h.did, AUD, &claims(), now, TTL, kid));
        push(
            name,
            token,
            Some(h),
            Authentication,
            Ok(h.vm.clone()),
            None,
            accepts(&h.did, &h.vm_as_written),
        );
    }
    let token = sign(
        &f.h1.ed,
        &request(&f.h1.did, AUD, &claims(), now, TTL, None),
    );
    push(
        "did:hid, did-jwt proofPurpose authentication",
        token,
        Some(&f.h1),
        Authentication,
        Ok(f.h1.vm.clone()),
        Some("authentication"),
        accepts(&f.h1.did, &f.h1.vm_as_written),
    );
    let token = sign(
        &f.ha.ed,
        &request(&f.ha.did, AUD, &claims(), now, TTL, None),
    );
    push(
        "did:hid for assertionMethod (both sides asked for it)",
        token,
        Some(&f.ha),
        AssertionMethod,
        Ok(f.ha.vm.clone()),
        Some("assertionMethod"),
        accepts(&f.ha.did, &f.ha.vm_as_written),
    );

    // Refused by both.
    let payload = hypersign_payload(&claims(), now, Some(now + TTL), &r1);
    push(
        "alg none",
        craft(None, &json!({"typ": "JWT", "alg": "none"}), &payload),
        None,
        Authentication,
        Err("algorithm_not_allowed"),
        None,
        DidJwt::Refuses(
            "Error: invalid_argument: invalid_jwt: Error: invalid_argument: Incorrect format JWS",
        ),
    );
    let token = sign(
        &f.h2.ed,
        &request(&f.h1.did, AUD, &claims(), now, TTL, None),
    );
    push(
        "wrong key (another did:hid's key)",
        token,
        Some(&f.h1),
        Authentication,
        Err("signature_invalid"),
        None,
        DidJwt::Refuses("Error: invalid_signature"),
    );
    let token = sign(&f.r1, &request(&r1, AUD, &claims(), now - 1000, 60, None));
    push(
        "expired",
        token,
        None,
        Authentication,
        Err("expired"),
        None,
        DidJwt::Refuses("Error: invalid_jwt: JWT has expired"),
    );
    let token = sign(&f.r1, &request(&r1, OTHER_AUD, &claims(), now, TTL, None));
    push(
        "for another audience",
        token,
        None,
        Authentication,
        Err("audience_mismatch"),
        None,
        DidJwt::Refuses("Error: invalid_config: JWT audience does not match"),
    );

    // kycrypt is stricter.
    let no_exp = hypersign_payload(&claims(), now, None, &r1);
    push(
        "without exp",
        craft(Some(&f.r1), &hyper, &no_exp),
        None,
        Authentication,
        Err("malformed_token"),
        None,
        DidJwt::AcceptsNote(NOTE_EXP),
    );
    let kid = Some(format!("{r1}#{}", f.r1.mb));
    let token = sign(&f.h1.ed, &request(&f.h1.did, AUD, &claims(), now, TTL, kid));
    push(
        "kid naming another DID",
        token,
        Some(&f.h1),
        Authentication,
        Err("issuer_mismatch"),
        None,
        DidJwt::AcceptsNote(NOTE_KID_OTHER),
    );
    let token = sign(
        &f.h1.ed,
        &request(
            &f.h1.did,
            AUD,
            &claims(),
            now,
            TTL,
            Some(format!("{}#key-9", f.h1.did)),
        ),
    );
    push(
        "kid naming no method",
        token,
        Some(&f.h1),
        Authentication,
        Err("key_not_found"),
        None,
        DidJwt::AcceptsNote(NOTE_KID_UNKNOWN),
    );
    let token = sign(
        &f.hx.ed,
        &request(&f.hx.did, AUD, &claims(), now, TTL, None),
    );
    push(
        "document of another DID",
        token,
        Some(&f.hx),
        Authentication,
        Err("issuer_mismatch"),
        None,
        DidJwt::AcceptsNote(NOTE_DOC_ID),
    );
    let token = sign(
        &f.ha.ed,
        &request(&f.ha.did, AUD, &claims(), now, TTL, None),
    );
    push(
        "key listed for assertionMethod only",
        token.clone(),
        Some(&f.ha),
        Authentication,
        Err("key_not_found"),
        None,
        DidJwt::AcceptsNote(NOTE_PURPOSE),
    );
    push(
        "key listed for assertionMethod only, did-jwt proofPurpose authentication",
        token,
        Some(&f.ha),
        Authentication,
        Err("key_not_found"),
        Some("authentication"),
        DidJwt::Refuses("Error: no_suitable_keys"),
    );
    let long = hypersign_payload(&claims(), now, Some(now + TWO_DAYS), &r1);
    push(
        "with a two-day lifetime",
        craft(Some(&f.r1), &hyper, &long),
        None,
        Authentication,
        Err("malformed_token"),
        None,
        DidJwt::AcceptsNote(NOTE_LIFETIME),
    );
    let e = sign_request(&f.r1, &request(&r1, AUD, &claims(), now, TWO_DAYS, None)).unwrap_err();
    t.eq(
        KYCRYPT,
        e.code(),
        "invalid_argument",
        "sign_did_jwt refuses a two-day ttl",
    );
    let crit = json!({"typ": "JWT", "alg": "EdDSA", "crit": [CRIT], CRIT: true});
    let payload = hypersign_payload(&claims(), now, Some(now + TTL), &r1);
    push(
        "with crit",
        craft(Some(&f.r1), &crit, &payload),
        None,
        Authentication,
        Err("unknown_critical_header"),
        None,
        DidJwt::AcceptsNote(NOTE_CRIT),
    );
    let token = sign(
        &f.hd.ed,
        &request(&f.hd.did, AUD, &claims(), now, TTL, None),
    );
    push(
        "of a deactivated DID",
        token,
        Some(&f.hd),
        Authentication,
        Err("did_deactivated"),
        None,
        DidJwt::AcceptsNote(NOTE_DEACTIVATED),
    );
    out
}

// ---------------------------------------------------------------------------------------------
// did-jwt signs -> kycrypt verifies

/// One did-jwt `createJWT`: the task, the document and purpose kycrypt verifies with, and
/// kycrypt's verdict (`Ok(fragment)`: the signer is `<iss>#<fragment>`, `Ok("")` the did:key
/// method `<iss>#<msi>`).
struct Made {
    what: String,
    task: Value,
    doc: Option<String>,
    purpose: VerificationPurpose,
    kycrypt: Result<&'static str, &'static str>,
}

fn did_jwt_tokens(f: &Fixture) -> Vec<Made> {
    use VerificationPurpose::{AssertionMethod, Authentication};
    let now = f.now;
    let mut out = Vec::new();
    let mut push = |what: &str, task: Value, h: Option<&Hid>, purpose, kycrypt| {
        let mut task = task;
        task["op"] = "create".into();
        out.push(Made {
            what: format!("did-jwt {what}"),
            task,
            doc: h.map(|h| h.doc.clone()),
            purpose,
            kycrypt,
        });
    };
    let p = |aud: &str| {
        let mut m = claims();
        m.insert("aud".into(), aud.into());
        Value::Object(m)
    };
    let n1 = json!({"ref": "n1"});
    let valid = |key: &Value, alg: &str| json!({"key": key, "issuer_of": "n1", "alg": alg, "payload": p(AUD), "expires_in": TTL});

    push(
        "did:key, EdDSA",
        valid(&n1, "EdDSA"),
        None,
        Authentication,
        Ok(""),
    );
    push(
        "did:key, the Ed25519 alias",
        json!({"key": {"ref": "n2"}, "issuer_of": "n2", "alg": "Ed25519", "payload": p(AUD), "expires_in": TTL}),
        None,
        Authentication,
        Ok(""),
    );
    push(
        "did:key signed with a kycrypt-made key",
        json!({"key": f.r1.spec(), "issuer": f.r1.did_key(), "alg": "EdDSA", "payload": p(AUD), "expires_in": TTL}),
        None,
        Authentication,
        Ok(""),
    );
    let hid_task = |h: &Hid, header: Value| {
        json!({
            "key": h.ed.spec(), "issuer": h.did, "alg": "EdDSA", "payload": p(AUD),
            "expires_in": TTL, "header": header,
        })
    };
    push(
        "did:hid with kid, 2020 key",
        hid_task(&f.h1, json!({"kid": f.h1.vm})),
        Some(&f.h1),
        Authentication,
        Ok("key-1"),
    );
    push(
        "did:hid, 2018 key beside a rotated-out one, wrapped, relative ids",
        hid_task(&f.h2, json!({})),
        Some(&f.h2),
        Authentication,
        Ok("key-2"),
    );
    push(
        "did:hid (mainnet), JsonWebKey2020, relative kid",
        hid_task(&f.h4, json!({"kid": "#key-1"})),
        Some(&f.h4),
        Authentication,
        Ok("key-1"),
    );
    push(
        "did:hid for assertionMethod (kycrypt asked for it)",
        hid_task(&f.ha, json!({})),
        Some(&f.ha),
        AssertionMethod,
        Ok("key-1"),
    );

    // Refused by both.
    push(
        "alg none",
        json!({"key": n1, "issuer_of": "n1", "alg": "none", "payload": p(AUD), "expires_in": TTL}),
        None,
        Authentication,
        Err("did-jwt refuses to sign"),
    );
    push(
        "wrong key (n2 signs as n1)",
        json!({"key": {"ref": "n2"}, "issuer_of": "n1", "alg": "EdDSA", "payload": p(AUD), "expires_in": TTL}),
        None,
        Authentication,
        Err("signature_invalid"),
    );
    let mut expired = p(AUD);
    expired["iat"] = (now - 1000).into();
    expired["exp"] = (now - 700).into();
    push(
        "expired",
        json!({"key": n1, "issuer_of": "n1", "alg": "EdDSA", "payload": expired}),
        None,
        Authentication,
        Err("expired"),
    );
    push(
        "for another audience",
        json!({"key": n1, "issuer_of": "n1", "alg": "EdDSA", "payload": p(OTHER_AUD), "expires_in": TTL}),
        None,
        Authentication,
        Err("audience_mismatch"),
    );

    // kycrypt is stricter.
    push(
        "without exp (no expiresIn)",
        json!({"key": n1, "issuer_of": "n1", "alg": "EdDSA", "payload": p(AUD)}),
        None,
        Authentication,
        Err("malformed_token"),
    );
    let mut with_kid = valid(&n1, "EdDSA");
    with_kid["header"] = json!({"kid": format!("{}#{}", f.r1.did_key(), f.r1.mb)});
    push(
        "with a kid naming another DID",
        with_kid,
        None,
        Authentication,
        Err("issuer_mismatch"),
    );
    push(
        "did:hid with a kid naming no method",
        hid_task(&f.h1, json!({"kid": format!("{}#key-9", f.h1.did)})),
        Some(&f.h1),
        Authentication,
        Err("key_not_found"),
    );
    push(
        "did:hid resolved to another DID's document",
        hid_task(&f.hx, json!({})),
        Some(&f.hx),
        Authentication,
        Err("issuer_mismatch"),
    );
    push(
        "did:hid, key listed for assertionMethod only",
        hid_task(&f.ha, json!({})),
        Some(&f.ha),
        Authentication,
        Err("key_not_found"),
    );
    push(
        "with a two-day expiresIn",
        json!({"key": n1, "issuer_of": "n1", "alg": "EdDSA", "payload": p(AUD), "expires_in": TWO_DAYS}),
        None,
        Authentication,
        Err("malformed_token"),
    );
    push(
        "with crit",
        json!({
            "key": n1, "issuer_of": "n1", "alg": "EdDSA", "payload": p(AUD), "expires_in": TTL,
            "header": {"crit": [CRIT], CRIT: true},
        }),
        None,
        Authentication,
        Err("unknown_critical_header"),
    );
    push(
        "did:hid, deactivated",
        hid_task(&f.hd, json!({})),
        Some(&f.hd),
        Authentication,
        Err("did_deactivated"),
    );
    out
}

/// kycrypt's verdict on a did-jwt token.
fn check_made(t: &mut Tally, m: Made, r: &Value) {
    if m.kycrypt == Err("did-jwt refuses to sign") {
        let err = r["error"].as_str().unwrap_or("");
        t.check(
            LIB,
            err.starts_with("Error: not_supported: Unsupported algorithm none"),
            format!("{}: did-jwt refuses to make it, got {r}", m.what),
        );
        return;
    }
    if r["ok"] != json!(true) {
        t.check(
            LIB,
            false,
            format!("{}: did-jwt failed to sign: {r}", m.what),
        );
        return;
    }
    let token = r["token"].as_str().unwrap();
    let payload = r["payload"].as_object().unwrap();
    let iss = payload["iss"].as_str().unwrap();
    let got = kycrypt_verify(token, m.doc.as_deref(), m.purpose);
    match m.kycrypt {
        Ok(frag) => {
            let signer = if frag.is_empty() {
                format!("{iss}#{}", iss.trim_start_matches("did:key:"))
            } else {
                format!("{iss}#{frag}")
            };
            match got {
                Ok(v) => {
                    t.eq(
                        LIB,
                        v.issuer.as_str(),
                        iss,
                        &format!("{}: kycrypt's issuer", m.what),
                    );
                    t.eq(
                        LIB,
                        v.signer,
                        signer,
                        &format!("{}: kycrypt's signer", m.what),
                    );
                    t.eq(
                        LIB,
                        &v.claims,
                        payload,
                        &format!("{}: kycrypt returns did-jwt's claims", m.what),
                    );
                }
                Err(code) => t.check(
                    LIB,
                    false,
                    format!("{}: kycrypt refuses a valid did-jwt token: {code}", m.what),
                ),
            }
        }
        Err(code) => t.eq(
            LIB,
            got.map(|_| ()).err(),
            Some(code),
            &format!("{}: kycrypt refuses it", m.what),
        ),
    }
}

// ---------------------------------------------------------------------------------------------

pub fn run() {
    let mut t = Tally::new("did_jwt");
    let Some(node) = Peer::node("did_jwt.js") else {
        t.finish();
        return;
    };
    let f = Fixture::new();
    let mut tasks = vec![
        json!({"op": "genkey", "label": "n1"}),
        json!({"op": "genkey", "label": "n2"}),
    ];
    let made = did_jwt_tokens(&f);
    tasks.extend(made.iter().map(|m| m.task.clone()));
    let sent = kycrypt_tokens(&f, &mut t);
    let documents = f.documents();
    for s in &sent {
        let mut task =
            json!({"op": "verify", "token": s.token, "audience": AUD, "documents": documents});
        if let Some(p) = s.proof_purpose {
            task["proof_purpose"] = p.into();
        }
        tasks.push(task);
    }
    let results = node.call(tasks);
    let (keys, rest) = results.split_at(2);
    let (made_results, sent_results) = rest.split_at(made.len());

    // Node's keys: kycrypt derives the same did:key from the public key, and signs with the seed.
    for (label, r) in ["n1", "n2"].iter().zip(keys) {
        let seed = hex::decode(r["seed_hex"].as_str().unwrap()).unwrap();
        let ed = Ed::from_key(Ed25519SigningKey::from_seed(&seed).unwrap());
        t.eq(
            LIB,
            hx(&ed.public),
            r["public_hex"].as_str().unwrap().to_owned(),
            &format!("{label}: kycrypt's public key of the seed"),
        );
        t.eq(
            LIB,
            ed.did_key(),
            r["did"].as_str().unwrap().to_owned(),
            &format!("{label}: did:key (did-jwt's bytesToMultibase = kycrypt's encoding)"),
        );
    }
    for (m, r) in made.into_iter().zip(made_results) {
        check_made(&mut t, m, r);
    }
    for (s, r) in sent.iter().zip(sent_results) {
        let got = kycrypt_verify(&s.token, s.doc.as_deref(), s.purpose);
        let claims = got.as_ref().ok().map(|v| v.claims.clone());
        match (&s.kycrypt, &got) {
            (Ok(signer), Ok(v)) => t.eq(
                KYCRYPT,
                &v.signer,
                signer,
                &format!("{}: kycrypt verifies its own token", s.what),
            ),
            (Err(code), _) => t.eq(
                KYCRYPT,
                got.as_ref().map(|_| ()).err().copied(),
                Some(*code),
                &format!("{}: kycrypt refuses it", s.what),
            ),
            (Ok(_), Err(code)) => t.check(
                KYCRYPT,
                false,
                format!("{}: kycrypt refuses its own token: {code}", s.what),
            ),
        }
        did_jwt_outcome(&mut t, r, &s.did_jwt, claims.as_ref(), &s.what);
    }
    t.finish();
}

//! Moca partner JWTs (issue 14 item 2) against npm `jsonwebtoken` (the recipe Moca
//! publishes), npm `jose` (`jwtVerify` + `createLocalJWKSet`) and PyPI PyJWT
//! (`PyJWKSet` + `jwt.decode`), both directions, RS256 (2048 and 3072) and ES256.
//!
//! Keys are fresh on every run: kycrypt's own (`PrivateKey::generate`, PKCS#8), RustCrypto
//! PKCS#1 RSA-3072 and SEC1 P-256, and keys the peers generate (Node: PKCS#1, SEC1, PKCS#8;
//! Python `cryptography`: PKCS#1, PKCS#8, SEC1). The Node peer runs first; the keys it made
//! are then signed with by kycrypt and checked by PyJWT.
//!
//! - library signs -> `verify_partner_jwt` (the key) and `verify_partner_jwt_jwks` (kycrypt's
//!   JWKS and the JWK the library exported) return the claims the library signed;
//! - `sign_partner_jwt` -> the library returns the same claims and header;
//! - the tokens both sides must refuse (`alg: none`, HS256 keyed with the public PEM, wrong
//!   key, expired, `crit`), made by the library and crafted by this driver: kycrypt gives the
//!   right error code; each library's answer is pinned (error class, or a printed note where
//!   it accepts what kycrypt refuses, e.g. `crit` in jsonwebtoken);
//! - kycrypt's newer rules: no `iat` and `exp - iat` > 900 s are refused (the libraries
//!   accept: notes); PyJWT's fractional `time.time()` dates are accepted;
//! - JWKS: `jose`'s thumbprint equals kycrypt's default `kid`; a key whose `key_ops` lacks
//!   `verify` is skipped and a `kid` naming two keys is refused (notes where a library differs);
//! - ES256: kycrypt's signatures are low-S; the libraries' high-S ones verify in kycrypt.

use std::collections::BTreeMap;

use kycrypt::encoding::b64url_encode;
use kycrypt::moca::partner_jwt::{
    PartnerClaims, PartnerJwtSignOptions, PartnerJwtValidation, SCOPE_ISSUE, SCOPE_VERIFY,
    sign_partner_jwt, verify_partner_jwt, verify_partner_jwt_jwks,
};
use kycrypt::primitives::hmac::{HmacAlg, HmacKey};
use kycrypt::primitives::keys::{Jwks, KeyType, PrivateKey, PublicKey, jwks};
use p256::pkcs8::{DecodePrivateKey as _, EncodePublicKey as _, LineEnding};
use rsa::pkcs1::{DecodeRsaPrivateKey as _, EncodeRsaPrivateKey as _};
use serde_json::{Map, Value, json};

use crate::common::{self, Peer, Tally, hx, random};

/// The skew kycrypt is given (the default of the generic verifier).
const LEEWAY: u64 = 60;

/// The partner JWT validation with [`LEEWAY`].
fn leeway() -> PartnerJwtValidation {
    PartnerJwtValidation::default().with_leeway_secs(LEEWAY)
}

/// kycrypt's partner JWT signing with `kid` and [`TTL`].
fn signing(kid: &str) -> PartnerJwtSignOptions {
    PartnerJwtSignOptions::default()
        .with_kid(kid)
        .with_ttl_secs(TTL)
}
/// The lifetime Moca's recipe uses.
const TTL: u64 = 300;
/// A critical header extension nobody understands.
const CRIT: &str = "urn:example:kycrypt-interop";
const KYCRYPT: &str = "kycrypt";

// ---------------------------------------------------------------------------------------------
// Keys

/// A key both sides can use, whoever generated it.
struct Key {
    /// Who made it, in which form (`node RSA-3072 PKCS#1`).
    desc: String,
    alg: &'static str,
    /// The private key as generated.
    pem: String,
    /// SPKI PEM of the public key (the text a verifier would hold, and the HS256 attack's secret).
    public_pem: String,
    private: PrivateKey,
    public: PublicKey,
    /// The header `kid`: kycrypt's default (the thumbprint) for kycrypt's keys, a chosen one otherwise.
    kid: String,
    /// The public JWK as the generating library exported it.
    lib_jwk: Option<Value>,
}

impl Key {
    fn new(desc: String, pem: String, public_pem: String, kid: Option<String>) -> Self {
        let private = PrivateKey::from_pem(&pem)
            .unwrap_or_else(|e| panic!("kycrypt cannot parse the {desc} key: {e}"));
        let public = private.public_key();
        Self {
            alg: private.algorithm().as_str(),
            kid: kid.unwrap_or_else(|| public.thumbprint()),
            desc,
            pem,
            public_pem,
            private,
            public,
            lib_jwk: None,
        }
    }

    /// kycrypt's JWKS for this key, named by its `kid` (the thumbprint for kycrypt's keys,
    /// the chosen one otherwise).
    fn jwks(&self) -> String {
        jwks([(&self.public, self.kid.as_str())]).unwrap()
    }

    fn jwks_value(&self) -> Value {
        serde_json::from_str(&self.jwks()).unwrap()
    }

    /// The public JWK (kycrypt's export) with extra members.
    fn jwk_with(&self, kid: &str, extra: Value) -> Value {
        let mut m = self.public.to_jwk_map(Some(kid));
        if let Value::Object(x) = extra {
            m.extend(x);
        }
        Value::Object(m)
    }
}

/// SPKI PEM of a PKCS#8/PKCS#1/SEC1 private key (RustCrypto, not kycrypt).
fn spki_pem(pem: &str) -> String {
    let rsa = rsa::RsaPrivateKey::from_pkcs8_pem(pem)
        .or_else(|_| rsa::RsaPrivateKey::from_pkcs1_pem(pem));
    if let Ok(k) = rsa {
        return k.to_public_key().to_public_key_pem(LineEnding::LF).unwrap();
    }
    let ec = p256::SecretKey::from_pkcs8_pem(pem)
        .or_else(|_| p256::SecretKey::from_sec1_pem(pem))
        .unwrap();
    ec.public_key().to_public_key_pem(LineEnding::LF).unwrap()
}

/// The keys made on the Rust side, fresh: kycrypt's RSA-2048 and P-256 (PKCS#8, default
/// `kid`), a RustCrypto RSA-3072 (PKCS#1) and P-256 (SEC1).
fn rust_keys() -> Vec<(String, Key)> {
    let mut out = Vec::new();
    for (label, kind) in [("k-rsa2048", KeyType::Rsa2048), ("k-p256", KeyType::P256)] {
        let pem = PrivateKey::generate(kind)
            .unwrap()
            .to_pkcs8_pem()
            .unwrap()
            .to_string();
        let desc = format!(
            "kycrypt {} PKCS#8",
            if label.ends_with("p256") {
                "P-256"
            } else {
                "RSA-2048"
            }
        );
        out.push((
            label.to_owned(),
            Key::new(desc, pem.clone(), spki_pem(&pem), None),
        ));
    }
    let mut rng = rsa::rand_core::UnwrapErr(getrandom::SysRng);
    let rsa3072 = rsa::RsaPrivateKey::new(&mut rng, 3072).unwrap();
    let pem = rsa3072.to_pkcs1_pem(LineEnding::LF).unwrap().to_string();
    let kid = Some(format!("rust-rsa3072-{}", hx(&random(4))));
    out.push((
        "r-rsa3072".into(),
        Key::new(
            "RustCrypto RSA-3072 PKCS#1".into(),
            pem.clone(),
            spki_pem(&pem),
            kid,
        ),
    ));
    let p8 = PrivateKey::generate(KeyType::P256)
        .unwrap()
        .to_pkcs8_pem()
        .unwrap();
    let sec1 = p256::SecretKey::from_pkcs8_pem(&p8)
        .unwrap()
        .to_sec1_pem(LineEnding::LF)
        .unwrap()
        .to_string();
    let kid = Some(format!("rust-p256-{}", hx(&random(4))));
    out.push((
        "r-p256".into(),
        Key::new(
            "RustCrypto P-256 SEC1".into(),
            sec1.clone(),
            spki_pem(&sec1),
            kid,
        ),
    ));
    out
}

/// A key a peer generates: label, kind, private form, and the `kid` chosen for it.
struct Gen {
    label: &'static str,
    kind: &'static str,
    form: &'static str,
    desc: &'static str,
    kid: String,
}

impl Gen {
    fn new(
        label: &'static str,
        kind: &'static str,
        form: &'static str,
        desc: &'static str,
    ) -> Self {
        Self {
            label,
            kind,
            form,
            desc,
            kid: format!("{label}-{}", hx(&random(4))),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Batches: one peer process per round, every check run on its result afterwards

struct Ctx {
    keys: BTreeMap<String, Key>,
    /// Per library: (ES256 tokens it signed, how many of them high-S).
    high_s: BTreeMap<&'static str, (usize, usize)>,
}

type Check = Box<dyn FnOnce(&Value, &mut Ctx, &mut Tally)>;

struct Batch {
    gens: Vec<Gen>,
    tasks: Vec<Value>,
    checks: Vec<Check>,
}

impl Batch {
    fn new(gens: Vec<Gen>) -> Self {
        let tasks = gens
            .iter()
            .map(|g| json!({"op": "genkey", "label": g.label, "kind": g.kind, "form": g.form}))
            .collect();
        Self {
            gens,
            tasks,
            checks: Vec::new(),
        }
    }

    fn add(&mut self, task: Value, check: impl FnOnce(&Value, &mut Ctx, &mut Tally) + 'static) {
        self.tasks.push(task);
        self.checks.push(Box::new(check));
    }

    /// Runs the peer once; the generated keys join `ctx` (kycrypt parses each, and its
    /// public key must equal the one the library exported), then every check runs.
    fn run(self, lib: &'static str, peer: &Peer, ctx: &mut Ctx, t: &mut Tally) {
        let results = peer.call(self.tasks);
        let (gen_results, rest) = results.split_at(self.gens.len());
        for (g, r) in self.gens.iter().zip(gen_results) {
            assert_eq!(r["ok"], json!(true), "{lib}: genkey {}: {r}", g.label);
            let pem = r["pem"].as_str().unwrap().to_owned();
            let mut key = Key::new(
                g.desc.into(),
                pem,
                r["public_pem"].as_str().unwrap().into(),
                Some(g.kid.clone()),
            );
            let from_jwk = PublicKey::from_jwk(&r["jwk"].to_string());
            t.eq(
                lib,
                from_jwk.as_ref().ok(),
                Some(&key.public),
                &format!("{}: kycrypt reads the library's JWK", g.desc),
            );
            t.eq(
                lib,
                spki_pem(&key.pem),
                key.public_pem.clone(),
                &format!("{}: SPKI PEM", g.desc),
            );
            if let Some(tp) = r["thumbprint"].as_str() {
                t.eq(
                    lib,
                    key.public.thumbprint().as_str(),
                    tp,
                    &format!("{}: jose thumbprint = kycrypt thumbprint", g.desc),
                );
            }
            key.lib_jwk = Some(r["jwk"].clone());
            ctx.keys.insert(g.label.into(), key);
        }
        for (check, r) in self.checks.into_iter().zip(rest) {
            check(r, ctx, t);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Cases

/// What a token is: valid, or one of the tokens both sides must refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Valid,
    AlgNone,
    Hs256Pem,
    WrongKey,
    Expired,
    Crit,
    NoIat,
    TooLong,
}

const BAD: [Case; 7] = [
    Case::AlgNone,
    Case::Hs256Pem,
    Case::WrongKey,
    Case::Expired,
    Case::Crit,
    Case::NoIat,
    Case::TooLong,
];

impl Case {
    /// kycrypt's error code for the token (`None`: accepted).
    fn code(self) -> Option<&'static str> {
        match self {
            Self::Valid => None,
            Self::AlgNone | Self::Hs256Pem => Some("algorithm_not_allowed"),
            Self::WrongKey => Some("signature_invalid"),
            Self::Expired => Some("expired"),
            Self::Crit => Some("unknown_critical_header"),
            Self::NoIat | Self::TooLong => Some("malformed_token"),
        }
    }
}

/// What a library does with a kycrypt-crafted token (pinned for the pinned versions).
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Refuses, with an error of this class.
    Refuses(&'static str),
    /// Accepts what kycrypt refuses: the note says why.
    Accepts(&'static str),
}

fn expect(lib: &str, case: Case) -> Expect {
    use Case::*;
    use Expect::*;
    const LONG: &str = "accepts exp - iat > 900 s by default (no lifetime cap); kycrypt refuses lifetimes above Moca's 900 s (malformed_token)";
    let no_iat = match lib {
        "jsonwebtoken" => {
            "accepts a partner JWT without iat by default (only the maxAge option needs one); kycrypt requires iat (malformed_token)"
        }
        "jose" => {
            "accepts a partner JWT without iat by default (only maxTokenAge or requiredClaims need one); kycrypt requires iat (malformed_token)"
        }
        _ => {
            "accepts a partner JWT without iat by default (only options={\"require\": [\"iat\"]} needs one); kycrypt requires iat (malformed_token)"
        }
    };
    match (lib, case) {
        (_, Valid) => Accepts(""),
        ("jsonwebtoken", AlgNone) => Refuses("JsonWebTokenError: jwt signature is required"),
        ("jsonwebtoken", Hs256Pem) => Refuses("JsonWebTokenError: invalid algorithm"),
        ("jsonwebtoken", WrongKey) => Refuses("JsonWebTokenError: invalid signature"),
        ("jsonwebtoken", Expired) => Refuses("TokenExpiredError"),
        ("jsonwebtoken", Crit) => Accepts(
            "ignores the crit header (RFC 7515 4.1.11 says MUST reject unknown extensions); kycrypt refuses it (unknown_critical_header)",
        ),
        ("jose", AlgNone | Hs256Pem) => {
            Refuses("JOSENotSupported: Unsupported \"alg\" value for a JSON Web Key Set")
        }
        ("jose", WrongKey) => Refuses("JWSSignatureVerificationFailed"),
        ("jose", Expired) => Refuses("JWTExpired"),
        ("jose", Crit) => Refuses("JOSENotSupported"),
        ("PyJWT", AlgNone) => Refuses("InvalidAlgorithmError"),
        ("PyJWT", Hs256Pem) => Refuses("InvalidKeyError"),
        ("PyJWT", WrongKey) => Refuses("InvalidSignatureError"),
        ("PyJWT", Expired) => Refuses("ExpiredSignatureError"),
        ("PyJWT", Crit) => Refuses("InvalidTokenError: Unsupported critical extension"),
        (_, NoIat) => Accepts(no_iat),
        (_, TooLong) => Accepts(LONG),
        _ => panic!("no expectation for {lib} {case:?}"),
    }
}

/// Records what `lib` did with a token against `expect`.
fn lib_outcome(t: &mut Tally, lib: &'static str, r: &Value, ex: Expect, what: &str) {
    let ok = r["ok"] == json!(true);
    match ex {
        Expect::Refuses(class) => {
            let err = r["error"].as_str().unwrap_or("");
            t.check(
                lib,
                !ok && err.starts_with(class),
                format!("{what}: {lib} should refuse ({class}), got {r}"),
            );
        }
        Expect::Accepts(note) => {
            t.check(lib, ok, format!("{what}: {lib} should accept, got {r}"));
            if !note.is_empty() {
                t.note(lib, note);
            }
        }
    }
}

/// Fresh claims: a random partner, a non-ASCII email, a `jti`.
fn fresh_claims(scope: &str) -> PartnerClaims {
    let email = format!("zoë.łukasiewicz+{}@例え.jp", hx(&random(3)));
    let mut c = PartnerClaims::new(&format!("P-{}", hx(&random(4))), scope, Some(email));
    c.extra.insert("jti".into(), hx(&random(8)).into());
    c
}

/// The claims as a JSON object, without time claims.
fn payload(c: &PartnerClaims) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("partnerId".into(), c.partner_id.clone().into());
    m.insert("scope".into(), c.scope.clone().into());
    if let Some(e) = &c.email {
        m.insert("email".into(), e.clone().into());
    }
    m.extend(c.extra.clone());
    m
}

fn with_times(c: &PartnerClaims, iat: Option<u64>, exp: Option<u64>) -> Value {
    let mut m = payload(c);
    if let Some(iat) = iat {
        m.insert("iat".into(), iat.into());
    }
    if let Some(exp) = exp {
        m.insert("exp".into(), exp.into());
    }
    Value::Object(m)
}

/// Another key of the same algorithm (the "wrong key" signer).
fn partner_of<'a>(label: &str, pool: &'a [(String, String)]) -> &'a str {
    let alg = &pool.iter().find(|(l, _)| l == label).unwrap().1;
    let same: Vec<&(String, String)> = pool.iter().filter(|(_, a)| a == alg).collect();
    let i = same.iter().position(|(l, _)| l == label).unwrap();
    &same[(i + 1) % same.len()].0
}

// ---------------------------------------------------------------------------------------------
// Library signs -> kycrypt verifies

/// A token a library signs: with which key, which case, the claims it carries.
struct Signed {
    lib: &'static str,
    label: String,
    case: Case,
    want: PartnerClaims,
    what: String,
}

/// Checks a token a library signed with key `label`: kycrypt accepts it (with the key,
/// its JWKS and the library's own JWK) with claims `want`, or refuses it with `case`'s code.
fn kycrypt_on_lib_token(s: &Signed, token: &str, ctx: &mut Ctx, t: &mut Tally) {
    let (lib, case, want) = (s.lib, s.case, &s.want);
    let now = common::now();
    let key = &ctx.keys[&s.label];
    let what = format!("{} [{}]", s.what, key.desc);
    match case.code() {
        None => {
            t.eq(
                lib,
                verify_partner_jwt(token, &key.public, now, &leeway()),
                Ok(want.clone()),
                &format!("{what}: kycrypt verifies with the key"),
            );
            t.eq(
                lib,
                Jwks::from_json(&key.jwks())
                    .and_then(|s| verify_partner_jwt_jwks(token, &s, now, &leeway())),
                Ok(want.clone()),
                &format!("{what}: kycrypt verifies with its JWKS"),
            );
            if let Some(jwk) = &key.lib_jwk {
                let mut jwk = jwk.clone();
                jwk["kid"] = key.kid.clone().into();
                let set = json!({"keys": [jwk]}).to_string();
                t.eq(
                    lib,
                    Jwks::from_json(&set)
                        .and_then(|s| verify_partner_jwt_jwks(token, &s, now, &leeway())),
                    Ok(want.clone()),
                    &format!("{what}: kycrypt verifies with the library's JWK"),
                );
            }
            // The key of the other algorithm: the alg is pinned to the key.
            let other = ctx.keys.values().find(|k| k.alg != key.alg).unwrap();
            let got =
                verify_partner_jwt(token, &other.public, now, &leeway()).map_err(|e| e.code());
            t.eq(
                lib,
                got.err(),
                Some("algorithm_not_allowed"),
                &format!("{what}: kycrypt refuses it with a {} key", other.alg),
            );
            if key.alg == "ES256" {
                let e = ctx.high_s.entry(lib).or_default();
                e.0 += 1;
                e.1 += usize::from(!is_low_s(token));
            }
        }
        Some(code) => {
            let got = verify_partner_jwt(token, &key.public, now, &leeway()).map_err(|e| e.code());
            t.eq(
                lib,
                got.err(),
                Some(code),
                &format!("{what}: kycrypt refuses it"),
            );
            if has_kid(token) {
                let got = Jwks::from_json(&key.jwks())
                    .and_then(|s| verify_partner_jwt_jwks(token, &s, now, &leeway()))
                    .map_err(|e| e.code());
                t.eq(
                    lib,
                    got.err(),
                    Some(code),
                    &format!("{what}: kycrypt refuses it (JWKS)"),
                );
            }
        }
    }
}

/// The check of a library's `sign` result: a token for kycrypt, or (PyJWT, HS256 with a
/// PEM) the library's own refusal to make it.
fn on_signed(
    lib: &'static str,
    label: String,
    case: Case,
    want: PartnerClaims,
    what: String,
) -> impl FnOnce(&Value, &mut Ctx, &mut Tally) + 'static {
    let s = Signed {
        lib,
        label,
        case,
        want,
        what,
    };
    move |r, ctx, t| {
        let (lib, case, what) = (s.lib, s.case, &s.what);
        if r["ok"] != json!(true) {
            let err = r["error"].as_str().unwrap_or("");
            if lib == "PyJWT" && case == Case::Hs256Pem {
                t.check(
                    lib,
                    err.starts_with("InvalidKeyError"),
                    format!("{what}: PyJWT refuses to sign HS256 with a PEM key, got {err}"),
                );
                return;
            }
            t.check(lib, false, format!("{what}: {lib} failed to sign: {err}"));
            return;
        }
        if lib == "PyJWT" && case == Case::Hs256Pem {
            t.check(
                lib,
                false,
                format!("{what}: PyJWT signed HS256 with a PEM key"),
            );
        }
        let token = r["token"].as_str().unwrap();
        if what.contains("time.time()") {
            let iat = r["payload"]["iat"].as_f64().unwrap_or_default();
            t.check(
                lib,
                iat.fract() != 0.0 && !r["payload"]["iat"].is_u64(),
                format!("{what}: PyJWT wrote a fractional iat ({iat})"),
            );
        }
        kycrypt_on_lib_token(&s, token, ctx, t);
    }
}

/// jsonwebtoken and jose sign every case with key `label` (the token's `kid` is `kid`).
fn node_signs(
    b: &mut Batch,
    label: &str,
    alg: &str,
    kid: &str,
    spec: &Value,
    wrong: &Value,
    now: u64,
) {
    for (i, case) in [Case::Valid, Case::Valid]
        .into_iter()
        .chain(BAD)
        .enumerate()
    {
        // jsonwebtoken: the recipe (explicit iat/exp, header {kid, typ}), or its options.
        let c = fresh_claims(SCOPE_ISSUE);
        let recipe = |iat: u64, exp: u64| with_times(&c, Some(iat), Some(exp));
        let header = json!({"kid": kid, "typ": "JWT"});
        let (key, p, options) = match case {
            Case::Valid if i == 0 => (
                spec.clone(),
                recipe(now, now + TTL),
                json!({"algorithm": alg, "header": header}),
            ),
            Case::Valid => (
                spec.clone(),
                Value::Object(payload(&c)),
                json!({"algorithm": alg, "keyid": kid, "expiresIn": TTL, "header": {"typ": "JWT"}}),
            ),
            Case::AlgNone => (
                json!({"secret": ""}),
                recipe(now, now + TTL),
                json!({"algorithm": "none", "header": header}),
            ),
            Case::Hs256Pem => (
                json!({"public_pem_of": spec}),
                recipe(now, now + TTL),
                json!({"algorithm": "HS256", "header": header}),
            ),
            Case::WrongKey => (
                wrong.clone(),
                recipe(now, now + TTL),
                json!({"algorithm": alg, "header": header}),
            ),
            Case::Expired => (
                spec.clone(),
                recipe(now - 1000, now - 700),
                json!({"algorithm": alg, "header": header}),
            ),
            Case::Crit => (
                spec.clone(),
                recipe(now, now + TTL),
                json!({"algorithm": alg, "header": {"kid": kid, "typ": "JWT", "crit": [CRIT], CRIT: true}}),
            ),
            Case::NoIat => (
                spec.clone(),
                Value::Object(payload(&c)),
                json!({"algorithm": alg, "keyid": kid, "expiresIn": TTL, "noTimestamp": true}),
            ),
            Case::TooLong => (
                spec.clone(),
                Value::Object(payload(&c)),
                json!({"algorithm": alg, "keyid": kid, "expiresIn": 3600}),
            ),
        };
        let style = match (case, i) {
            (Case::Valid, 0) => " (Moca's recipe)",
            (Case::Valid, _) => " (keyid/expiresIn options)",
            _ => "",
        };
        let what = format!("jsonwebtoken {case:?}{style} {alg}");
        let task = json!({
            "op": "sign", "lib": "jsonwebtoken", "key": key, "payload": p, "options": options,
        });
        b.add(task, on_signed("jsonwebtoken", label.into(), case, c, what));
    }
    for case in [Case::Valid].into_iter().chain(BAD) {
        let c = fresh_claims(SCOPE_VERIFY);
        let p = Value::Object(payload(&c));
        let prot = json!({"alg": alg, "kid": kid, "typ": "JWT"});
        let task = match case {
            Case::Valid => {
                json!({"lib": "jose", "key": spec, "protected": prot, "payload": p, "iat": "now", "exp": "5m"})
            }
            Case::AlgNone => {
                json!({"lib": "jose-unsecured", "payload": with_times(&c, Some(now), Some(now + TTL))})
            }
            Case::Hs256Pem => {
                json!({
                    "lib": "jose", "key": {"public_pem_of": spec},
                    "protected": {"alg": "HS256", "kid": kid, "typ": "JWT"},
                    "payload": p, "iat": "now", "exp": "5m",
                })
            }
            Case::WrongKey => {
                json!({"lib": "jose", "key": wrong, "protected": prot, "payload": p, "iat": "now", "exp": "5m"})
            }
            Case::Expired => {
                json!({"lib": "jose", "key": spec, "protected": prot, "payload": p, "iat": now - 1000, "exp": now - 700})
            }
            Case::Crit => {
                json!({
                    "lib": "jose", "key": spec,
                    "protected": {"alg": alg, "kid": kid, "typ": "JWT", "crit": [CRIT], CRIT: true},
                    "payload": p, "iat": "now", "exp": "5m", "crit": {CRIT: true},
                })
            }
            Case::NoIat => {
                json!({"lib": "jose", "key": spec, "protected": prot, "payload": p, "exp": "5m"})
            }
            Case::TooLong => {
                json!({"lib": "jose", "key": spec, "protected": prot, "payload": p, "iat": "now", "exp": "1h"})
            }
        };
        let mut task = task;
        task["op"] = "sign".into();
        b.add(
            task,
            on_signed(
                "jose",
                label.into(),
                case,
                c,
                format!("jose {case:?} {alg}"),
            ),
        );
    }
}

/// PyJWT signs every case with key `label`.
fn python_signs(
    b: &mut Batch,
    label: &str,
    alg: &str,
    kid: &str,
    spec: &Value,
    wrong: &Value,
    now: u64,
) {
    for (case, times) in [(Case::Valid, "int"), (Case::Valid, "float")]
        .into_iter()
        .chain(BAD.map(|c| (c, "")))
    {
        let c = fresh_claims(SCOPE_ISSUE);
        let headers = json!({"kid": kid, "typ": "JWT"});
        let p = with_times(&c, Some(now), Some(now + TTL));
        let (key, alg_used, p, headers, times) = match case {
            Case::Valid => (
                spec.clone(),
                alg,
                Value::Object(payload(&c)),
                headers,
                times,
            ),
            Case::AlgNone => (Value::Null, "none", p, headers, ""),
            Case::Hs256Pem => (json!({"public_pem_of": spec}), "HS256", p, headers, ""),
            Case::WrongKey => (wrong.clone(), alg, p, headers, ""),
            Case::Expired => (
                spec.clone(),
                alg,
                with_times(&c, Some(now - 1000), Some(now - 700)),
                headers,
                "",
            ),
            Case::Crit => (
                spec.clone(),
                alg,
                p,
                json!({"kid": kid, "typ": "JWT", "crit": [CRIT], CRIT: true}),
                "",
            ),
            Case::NoIat => (
                spec.clone(),
                alg,
                with_times(&c, None, Some(now + TTL)),
                headers,
                "",
            ),
            Case::TooLong => (
                spec.clone(),
                alg,
                with_times(&c, Some(now), Some(now + 3600)),
                headers,
                "",
            ),
        };
        let what = if times == "float" {
            format!("PyJWT {case:?} {alg} with time.time() dates")
        } else {
            format!("PyJWT {case:?} {alg}")
        };
        let mut task = json!({
            "op": "sign", "key": key, "alg": alg_used, "payload": p, "headers": headers, "ttl": TTL,
        });
        if !times.is_empty() {
            task["times"] = times.into();
        }
        b.add(task, on_signed("PyJWT", label.into(), case, c, what));
    }
}

// ---------------------------------------------------------------------------------------------
// kycrypt signs -> library verifies

fn b64json(v: &Value) -> String {
    b64url_encode(v.to_string().as_bytes())
}

/// A token signed by `key` over any header and claims (what `sign_partner_jwt` refuses to make).
fn craft(key: Option<&PrivateKey>, header: &Value, claims: &Value) -> String {
    let si = format!("{}.{}", b64json(header), b64json(claims));
    let sig = key
        .map(|k| k.sign(si.as_bytes()).unwrap())
        .unwrap_or_default();
    format!("{si}.{}", b64url_encode(&sig))
}

/// The HS256 confusion: HMAC-SHA256 keyed with the public key's PEM text.
fn craft_hs256(pem: &str, header: &Value, claims: &Value) -> String {
    let si = format!("{}.{}", b64json(header), b64json(claims));
    let tag = HmacKey::from_slice(pem.as_bytes())
        .unwrap()
        .sign(HmacAlg::Sha256, &[si.as_bytes()]);
    format!("{si}.{}", b64url_encode(&tag))
}

fn has_kid(token: &str) -> bool {
    kycrypt::primitives::jwt::UnverifiedJws::parse(token).is_ok_and(|j| j.header().kid.is_some())
}

/// The P-256 group order, big-endian.
fn p256_n() -> [u8; 32] {
    hex::decode("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")
        .unwrap()
        .try_into()
        .unwrap()
}

fn es256_s(token: &str) -> [u8; 32] {
    let sig = kycrypt::encoding::b64url_decode("sig", token.rsplit('.').next().unwrap()).unwrap();
    sig[32..].try_into().unwrap()
}

/// Whether an ES256 token's `s` is at most n/2.
fn is_low_s(token: &str) -> bool {
    // 2s <= n, in big-endian bytes.
    let s = es256_s(token);
    let mut doubled = [0u8; 33];
    let mut carry = 0u16;
    for i in (0..32).rev() {
        let v = u16::from(s[i]) * 2 + carry;
        doubled[i + 1] = u8::try_from(v & 0xff).unwrap();
        carry = v >> 8;
    }
    doubled[0] = u8::try_from(carry).unwrap();
    let mut n = [0u8; 33];
    n[1..].copy_from_slice(&p256_n());
    doubled <= n
}

/// The same ES256 token with `s` replaced by `n - s` (still a valid ECDSA signature).
fn high_s_variant(token: &str) -> String {
    let (s, n) = (es256_s(token), p256_n());
    let mut out = [0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let mut v = i16::from(n[i]) - i16::from(s[i]) - borrow;
        borrow = i16::from(v < 0);
        if v < 0 {
            v += 256;
        }
        out[i] = u8::try_from(v).unwrap();
    }
    let (si, sig) = token.rsplit_once('.').unwrap();
    let mut sig = kycrypt::encoding::b64url_decode("sig", sig).unwrap();
    sig[32..].copy_from_slice(&out);
    format!("{si}.{}", b64url_encode(&sig))
}

/// How each library is handed the verification key of a kycrypt token.
fn verify_task(lib: &str, token: &str, key: &Key, case: Case) -> Value {
    match lib {
        // The verifier of the recipe holds the SPKI PEM; no algorithms option (v9 infers them).
        "jsonwebtoken" => {
            json!({"lib": "jsonwebtoken", "token": token, "key": {"pem": key.public_pem}, "options": {}})
        }
        "jose" => {
            json!({"lib": "jose", "token": token, "key": {"jwks": key.jwks_value()}, "options": {}})
        }
        // HS256: a PyJWT verifier misconfigured to allow HS256 next to the key's alg, keyed
        // with the PEM (the classic confusion); PyJWT must still refuse.
        _ if case == Case::Hs256Pem => {
            json!({"token": token, "key": {"secret": key.public_pem}, "algorithms": [key.alg, "HS256"]})
        }
        _ => {
            json!({"token": token, "key": {"jwks": key.jwks_value()}, "algorithms": ["RS256", "ES256"]})
        }
    }
}

/// kycrypt signs (or the driver crafts) every case with the Rust-side key `label`; `libs`
/// verify them. kycrypt's own verdict on each crafted token is checked here too.
fn kycrypt_signs(
    b: &mut Batch,
    t: &mut Tally,
    libs: &[&'static str],
    ctx: &Ctx,
    label: &str,
    wrong: &str,
    now: u64,
) {
    let key = &ctx.keys[label];
    let wrong = &ctx.keys[wrong];
    for case in [Case::Valid].into_iter().chain(BAD) {
        let c = fresh_claims(SCOPE_ISSUE);
        let header = json!({"alg": key.alg, "kid": key.kid, "typ": "JWT"});
        let valid_claims = with_times(&c, Some(now), Some(now + TTL));
        let token = match case {
            Case::Valid => sign_partner_jwt(&c, &key.private, now, &signing(&key.kid)).unwrap(),
            Case::AlgNone => craft(
                None,
                &json!({"alg": "none", "kid": key.kid, "typ": "JWT"}),
                &valid_claims,
            ),
            Case::Hs256Pem => craft_hs256(
                &key.public_pem,
                &json!({"alg": "HS256", "kid": key.kid, "typ": "JWT"}),
                &valid_claims,
            ),
            Case::WrongKey => {
                sign_partner_jwt(&c, &wrong.private, now, &signing(&key.kid)).unwrap()
            }
            Case::Expired => {
                sign_partner_jwt(&c, &key.private, now - 1000, &signing(&key.kid)).unwrap()
            }
            Case::Crit => craft(
                Some(&key.private),
                &json!({"alg": key.alg, "kid": key.kid, "typ": "JWT", "crit": [CRIT], CRIT: true}),
                &valid_claims,
            ),
            Case::NoIat => craft(
                Some(&key.private),
                &header,
                &with_times(&c, None, Some(now + TTL)),
            ),
            Case::TooLong => craft(
                Some(&key.private),
                &header,
                &with_times(&c, Some(now), Some(now + 3600)),
            ),
        };
        let what = format!("kycrypt {case:?} [{}]", key.desc);
        // kycrypt on its own token, through the key and the JWKS.
        let got = verify_partner_jwt(&token, &key.public, now, &leeway()).map_err(|e| e.code());
        let by_jwks = Jwks::from_json(&key.jwks())
            .and_then(|s| verify_partner_jwt_jwks(&token, &s, now, &leeway()))
            .map_err(|e| e.code());
        match case.code() {
            None => {
                t.eq(KYCRYPT, got, Ok(c.clone()), &what);
                t.eq(KYCRYPT, by_jwks, Ok(c.clone()), &what);
            }
            Some(code) => {
                t.eq(KYCRYPT, got.err(), Some(code), &what);
                t.eq(KYCRYPT, by_jwks.err(), Some(code), &what);
            }
        }
        let mut variants = vec![(case, token.clone(), what.clone())];
        if case == Case::Valid && key.alg == "ES256" {
            t.check(
                KYCRYPT,
                is_low_s(&token),
                format!("{what}: the ES256 signature is low-S"),
            );
            let high = high_s_variant(&token);
            t.check(
                KYCRYPT,
                !is_low_s(&high),
                format!("{what}: the variant is high-S"),
            );
            t.eq(
                KYCRYPT,
                verify_partner_jwt(&high, &key.public, now, &leeway()),
                Ok(c.clone()),
                &format!("{what}: kycrypt accepts the high-S variant"),
            );
            variants.push((Case::Valid, high, format!("{what} (high-S variant)")));
        }
        let want = {
            let mut m = payload(&c);
            m.insert("iat".into(), now.into());
            m.insert("exp".into(), (now + TTL).into());
            Value::Object(m)
        };
        for (case, token, what) in variants {
            for &lib in libs {
                let mut task = verify_task(lib, &token, key, case);
                task["op"] = "verify".into();
                let (want, alg, kid, what) = (want.clone(), key.alg, key.kid.clone(), what.clone());
                b.add(task, move |r, _, t| {
                    lib_outcome(t, lib, r, expect(lib, case), &what);
                    if case == Case::Valid && r["ok"] == json!(true) {
                        t.eq(
                            lib,
                            &r["payload"],
                            &want,
                            &format!("{what}: {lib} returns the claims"),
                        );
                        let h = &r["header"];
                        let got = (h["alg"].as_str(), h["kid"].as_str(), h["typ"].as_str());
                        t.eq(
                            lib,
                            got,
                            (Some(alg), Some(kid.as_str()), Some("JWT")),
                            &format!("{what}: {lib} reads the header"),
                        );
                    }
                });
            }
        }
    }
    jwks_rules(b, t, libs, key, wrong, now);
}

/// kycrypt's JWKS selection against `jose`'s and PyJWT's, on a valid kycrypt token.
fn jwks_rules(
    b: &mut Batch,
    t: &mut Tally,
    libs: &[&'static str],
    key: &Key,
    other: &Key,
    now: u64,
) {
    let token = sign_partner_jwt(
        &fresh_claims(SCOPE_ISSUE),
        &key.private,
        now,
        &signing(&key.kid),
    )
    .unwrap();
    let sign_only = json!({"keys": [key.jwk_with(&key.kid, json!({"key_ops": ["sign"]}))]});
    let verify_ops = json!({"keys": [key.jwk_with(&key.kid, json!({"key_ops": ["verify"]}))]});
    let right_first =
        json!({"keys": [key.jwk_with(&key.kid, json!({})), other.jwk_with(&key.kid, json!({}))]});
    let right_second =
        json!({"keys": [other.jwk_with(&key.kid, json!({})), key.jwk_with(&key.kid, json!({}))]});
    let cases: [(&str, &Value, Option<&str>); 4] = [
        ("key_ops [verify]", &verify_ops, None),
        ("key_ops [sign] only", &sign_only, Some("key_not_found")),
        (
            "two keys with the kid, the signer first",
            &right_first,
            Some("invalid_key"),
        ),
        (
            "two keys with the kid, the signer second",
            &right_second,
            Some("invalid_key"),
        ),
    ];
    for (name, set, code) in cases {
        let what = format!("JWKS {name} [{}]", key.desc);
        let got = Jwks::from_json(&set.to_string())
            .and_then(|s| verify_partner_jwt_jwks(&token, &s, now, &leeway()))
            .map(|_| ())
            .map_err(|e| e.code());
        t.eq(KYCRYPT, got.err(), code, &what);
        for &lib in libs.iter().filter(|l| **l != "jsonwebtoken") {
            let task = match lib {
                "jose" => {
                    json!({"op": "verify", "lib": "jose", "token": token, "key": {"jwks": set}, "options": {}})
                }
                _ => {
                    json!({"op": "verify", "token": token, "key": {"jwks": set}, "algorithms": ["RS256", "ES256"]})
                }
            };
            let ex = match (lib, code, name.ends_with("second")) {
                (_, None, _) => Expect::Accepts(""),
                ("jose", Some("key_not_found"), _) => Expect::Refuses("JWKSNoMatchingKey"),
                ("jose", _, _) => Expect::Refuses("JWKSMultipleMatchingKeys"),
                (_, Some("key_not_found"), _) => Expect::Accepts(
                    "PyJWKSet ignores key_ops: a JWK with key_ops [\"sign\"] verifies; kycrypt (like jose) skips it (key_not_found)",
                ),
                (_, _, false) => Expect::Accepts(
                    "PyJWKSet[kid] takes the first of two keys with the kid (verifies when the signer is first); kycrypt refuses the ambiguous set (invalid_key)",
                ),
                (_, _, true) => Expect::Refuses("InvalidSignatureError"),
            };
            let what = what.clone();
            b.add(task, move |r, _, t| lib_outcome(t, lib, r, ex, &what));
        }
    }
}

// ---------------------------------------------------------------------------------------------

pub fn run() {
    let mut t = Tally::new("jwt");
    let started = std::time::Instant::now();
    let mut ctx = Ctx {
        keys: rust_keys().into_iter().collect(),
        high_s: BTreeMap::new(),
    };
    println!("  jwt: Rust keys in {:.2?}", started.elapsed());
    if let Some(node) = Peer::node("jwt.js") {
        node_round(&node, &mut ctx, &mut t);
    }
    if let Some(python) = Peer::python("jwt.py") {
        python_round(&python, &mut ctx, &mut t);
    }
    for (lib, (n, high)) in &ctx.high_s {
        t.note(
            lib,
            format!(
                "ES256 signatures are not normalized: {high} of {n} of its tokens had a high S \
                 this run; kycrypt accepts both forms and signs low-S only"
            ),
        );
    }
    t.finish();
}

/// (label, alg) of every key in `ctx` plus the ones about to be generated.
fn pool(ctx: &Ctx, gens: &[Gen]) -> Vec<(String, String)> {
    let kind_alg = |k: &str| if k == "p256" { "ES256" } else { "RS256" };
    ctx.keys
        .iter()
        .map(|(l, k)| (l.clone(), k.alg.to_owned()))
        .chain(
            gens.iter()
                .map(|g| (g.label.to_owned(), kind_alg(g.kind).to_owned())),
        )
        .collect()
}

/// The spec by which a peer finds key `label`: its own (`ref`) or a PEM.
fn spec(ctx: &Ctx, gens: &[Gen], label: &str) -> Value {
    if gens.iter().any(|g| g.label == label) {
        json!({"ref": label})
    } else {
        json!({"pem": ctx.keys[label].pem})
    }
}

/// `(label, alg, kid)` of every signer in `pool`: a key the peer generates
/// (`gens`) keeps the kid it was given, a kycrypt key its own.
fn plan(ctx: &Ctx, gens: &[Gen], pool: &[(String, String)]) -> Vec<(String, String, String)> {
    pool.iter()
        .map(|(label, alg)| {
            let kid = gens
                .iter()
                .find(|g| g.label == label)
                .map_or_else(|| ctx.keys[label].kid.clone(), |g| g.kid.clone());
            (label.clone(), alg.clone(), kid)
        })
        .collect()
}

fn node_round(node: &Peer, ctx: &mut Ctx, t: &mut Tally) {
    let gens = vec![
        Gen::new("n-rsa3072", "rsa3072", "pkcs1", "node RSA-3072 PKCS#1"),
        Gen::new("n-p256", "p256", "sec1", "node P-256 SEC1"),
        Gen::new("n-rsa2048", "rsa2048", "pkcs8", "node RSA-2048 PKCS#8"),
    ];
    let now = common::now();
    let pool = pool(ctx, &gens);
    let rust_labels: Vec<String> = ctx.keys.keys().cloned().collect();
    let plan = plan(ctx, &gens, &pool);
    let mut b = Batch::new(gens);
    // jose's thumbprint of kycrypt's JWK is kycrypt's default kid.
    for label in &rust_labels {
        let key = &ctx.keys[label];
        let (tp, what) = (
            key.public.thumbprint(),
            format!("jose thumbprint of kycrypt's JWK [{}]", key.desc),
        );
        b.add(
            json!({"op": "thumbprint", "jwk": key.public.to_jwk_map(None)}),
            move |r, _, t| {
                t.eq("jose", r["thumbprint"].as_str(), Some(tp.as_str()), &what);
            },
        );
    }
    for (label, alg, kid) in &plan {
        let s = spec(ctx, &b.gens, label);
        let wrong = spec(ctx, &b.gens, partner_of(label, &pool));
        node_signs(&mut b, label, alg, kid, &s, &wrong, now);
    }
    let signers = self::pool(ctx, &[]);
    for label in &rust_labels {
        kycrypt_signs(
            &mut b,
            t,
            &["jsonwebtoken", "jose"],
            ctx,
            label,
            partner_of(label, &signers),
            now,
        );
    }
    b.run("jose", node, ctx, t);
}

fn python_round(python: &Peer, ctx: &mut Ctx, t: &mut Tally) {
    let gens = vec![
        Gen::new("p-rsa2048", "rsa2048", "pkcs1", "python RSA-2048 PKCS#1"),
        Gen::new("p-rsa3072", "rsa3072", "pkcs8", "python RSA-3072 PKCS#8"),
        Gen::new("p-p256", "p256", "sec1", "python P-256 SEC1"),
        Gen::new("p-p256b", "p256", "pkcs8", "python P-256 PKCS#8"),
    ];
    let now = common::now();
    let pool = pool(ctx, &gens);
    let known: Vec<String> = ctx.keys.keys().cloned().collect();
    let plan = plan(ctx, &gens, &pool);
    let mut b = Batch::new(gens);
    for (label, alg, kid) in &plan {
        let s = spec(ctx, &b.gens, label);
        let wrong = spec(ctx, &b.gens, partner_of(label, &pool));
        python_signs(&mut b, label, alg, kid, &s, &wrong, now);
    }
    // kycrypt signs with every key made so far (its own, RustCrypto's, Node's).
    let signers = self::pool(ctx, &[]);
    for label in &known {
        kycrypt_signs(
            &mut b,
            t,
            &["PyJWT"],
            ctx,
            label,
            partner_of(label, &signers),
            now,
        );
    }
    b.run("PyJWT", python, ctx, t);
}

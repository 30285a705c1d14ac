//! `kycrypt jwt partner|verify` and `kycrypt jwks`: Moca partner JWTs, JWT
//! verification with a pinned key, and public JWKS export.

use std::path::PathBuf;
use std::process::ExitCode;

use kycrypt::moca::partner_jwt::{
    DEFAULT_TTL_SECS, MAX_TTL_SECS, PartnerClaims, PartnerJwtSignOptions, PartnerJwtValidation,
    sign_partner_jwt, verify_partner_jwt,
};
use kycrypt::primitives::jwt::{UnverifiedJws, Validation, VerifiedJwt, verify_jwt};
use kycrypt::primitives::keys::{PrivateKey, PublicKey, jwks, select_from_jwks};
use serde_json::{Map, Value};

use crate::output::{UsageError, fail, now_or, read_file, report};

/// Arguments of `kycrypt jwt`.
#[derive(clap::Args)]
pub(crate) struct Cmd {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(clap::Subcommand)]
enum Sub {
    /// Sign a Moca partner JWT (RS256 for RSA keys, ES256 for P-256 keys).
    Partner(PartnerArgs),
    /// Verify a JWT with a pinned key (PEM, JWK or JWKS file); prints a JSON report.
    Verify(VerifyArgs),
}

#[derive(clap::Args)]
struct PartnerArgs {
    /// Private key file (PEM: PKCS#8, PKCS#1 or SEC1).
    #[arg(long)]
    key: PathBuf,
    /// Key id registered in the partner JWKS.
    #[arg(long)]
    kid: String,
    /// Partner id (`partnerId`).
    #[arg(long = "partner-id")]
    partner_id: String,
    /// User email (`email`).
    #[arg(long)]
    email: String,
    /// Scope (`issue`, `verify`, `issue on-behalf`, ...).
    #[arg(long)]
    scope: String,
    /// Issued-at (unix seconds; default: now).
    #[arg(long)]
    iat: Option<u64>,
    /// Lifetime in seconds (default 300, at most 900).
    #[arg(long, default_value_t = DEFAULT_TTL_SECS)]
    ttl: u64,
}

#[derive(clap::Args)]
struct VerifyArgs {
    /// The compact JWT.
    #[arg(long)]
    token: String,
    /// Public or private key file: PEM, JWK, or a JWKS (selected by the header kid).
    #[arg(long)]
    key: PathBuf,
    /// Verification time (unix seconds; default: now).
    #[arg(long)]
    now: Option<u64>,
    /// Expected audience.
    #[arg(long)]
    audience: Option<String>,
}

/// Arguments of `kycrypt jwks`.
#[derive(clap::Args)]
pub(crate) struct JwksArgs {
    /// Private or public key file (PEM or JWK).
    #[arg(long)]
    key: PathBuf,
    /// Key id (default: the RFC 7638 thumbprint).
    #[arg(long)]
    kid: Option<String>,
}

fn read_text(path: &std::path::Path) -> Result<String, UsageError> {
    String::from_utf8(read_file(path)?)
        .map_err(|_| UsageError(format!("{} is not UTF-8", path.display())))
}

pub(crate) fn run(cmd: Cmd) -> ExitCode {
    match cmd.sub {
        Sub::Partner(a) => partner(a),
        Sub::Verify(a) => verify(a),
    }
}

fn partner(a: PartnerArgs) -> ExitCode {
    let pem = match read_text(&a.key) {
        Ok(p) => zeroize::Zeroizing::new(p),
        Err(e) => return e.exit(),
    };
    let claims = PartnerClaims::new(&a.partner_id, &a.scope, Some(a.email));
    let opts = PartnerJwtSignOptions::default()
        .with_kid(a.kid)
        .with_ttl_secs(a.ttl);
    let token = PrivateKey::from_pem(&pem)
        .and_then(|k| sign_partner_jwt(&claims, &k, now_or(a.iat), &opts));
    match token {
        Ok(t) => {
            println!("{t}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// Resolves the verification key: a JWKS (by the token's kid) or a PEM/JWK.
fn load_key(text: &str, token: &str) -> kycrypt::Result<PublicKey> {
    let is_jwks = serde_json::from_str::<Value>(text)
        .ok()
        .is_some_and(|v| v.get("keys").is_some());
    if is_jwks {
        let kid = UnverifiedJws::parse(token)?.header().kid.clone();
        let kid = kid.ok_or_else(|| kycrypt::Error::MissingHeader("kid".into()))?;
        select_from_jwks(text, &kid)
    } else {
        PublicKey::from_pem_or_jwk(text)
    }
}

fn verify(a: VerifyArgs) -> ExitCode {
    let text = match read_text(&a.key) {
        Ok(t) => zeroize::Zeroizing::new(t),
        Err(e) => return e.exit(),
    };
    let key = load_key(&text, &a.token);
    // The partner JWT profile's time rules: iat required, exp - iat <= 900 s.
    let mut validation = Validation::default()
        .with_require_iat(true)
        .with_max_lifetime_secs(Some(MAX_TTL_SECS));
    if let Some(aud) = a.audience {
        validation = validation.with_audience(aud);
    }
    let result = key
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|k| verify_jwt(&a.token, k, now_or(a.now), &validation));
    let signer = key.as_ref().ok().map(PublicKey::thumbprint);
    let mut extra = Map::new();
    let (header, claims) = match &result {
        Ok(VerifiedJwt { header, claims, .. }) => (
            Value::Object(header.members.clone()),
            Value::Object(claims.clone()),
        ),
        Err(_) => (Value::Null, Value::Null),
    };
    extra.insert("header".into(), header);
    extra.insert("claims".into(), claims);
    report(
        result.as_ref().map(|_| ()),
        Some("jws-signature+claims"),
        signer.filter(|_| result.is_ok()),
        extra,
    )
}

pub(crate) fn run_jwks(a: JwksArgs) -> ExitCode {
    let text = match read_text(&a.key) {
        Ok(t) => zeroize::Zeroizing::new(t),
        Err(e) => return e.exit(),
    };
    let set = PublicKey::from_pem_or_jwk(&text).and_then(|k| {
        let kid = a.kid.unwrap_or_else(|| k.thumbprint());
        jwks([(&k, kid.as_str())])
    });
    match set {
        Ok(set) => {
            println!("{set}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

// Sample keys for the demo: the published test keys of test-vectors/keys/ (README there).
const DEMO_RSA_PEM: &str = include_str!("../../test-vectors/keys/demo-rsa.pem");
const DEMO_P256_PEM: &str = include_str!("../../test-vectors/keys/demo-p256.pem");

fn expect(what: &str, ok: bool) -> Result<(), String> {
    println!("   {what}: {}", if ok { "ok" } else { "UNEXPECTED" });
    if ok { Ok(()) } else { Err(what.to_owned()) }
}

fn demo_key(name: &str, pem: &str) -> Result<(), String> {
    let key = PrivateKey::from_pem(pem).map_err(|e| e.to_string())?;
    let public = key.public_key();
    let claims = PartnerClaims::new("partner-demo", "issue", Some("user@example.com".into()));
    let iat = 1_700_000_000;
    let opts = PartnerJwtSignOptions::default().with_kid("demo");
    let token = sign_partner_jwt(&claims, &key, iat, &opts).map_err(|e| e.to_string())?;
    let v = PartnerJwtValidation::default();
    let back = verify_partner_jwt(&token, &public, iat + 10, &v);
    expect(
        &format!("{name} partner JWT signed and verified"),
        back.as_ref() == Ok(&claims),
    )?;
    let kid = public.thumbprint();
    let set = jwks([(&public, kid.as_str())]).map_err(|e| e.to_string())?;
    println!("   {name} JWKS: {set}");
    expect(
        &format!("{name} JWKS kid is the RFC 7638 thumbprint {kid}"),
        select_from_jwks(&set, &kid).is_ok(),
    )?;
    let mut tampered = token.clone();
    let dot = tampered.find('.').unwrap_or(0) + 3;
    tampered.replace_range(
        dot..=dot,
        if tampered.get(dot..=dot) == Some("A") {
            "B"
        } else {
            "A"
        },
    );
    let e = verify_partner_jwt(&tampered, &public, iat + 10, &v)
        .err()
        .map(|e| e.code());
    expect(
        &format!("{name} tampered token rejected ({e:?})"),
        e.is_some(),
    )?;
    let e = verify_partner_jwt(&token, &public, iat + 400, &v)
        .err()
        .map(|e| e.code());
    expect(
        &format!("{name} expired token rejected ({e:?})"),
        e == Some("expired"),
    )
}

/// The demo section of this command group: runs the real flow on embedded
/// samples, printing what was checked. Err(message) fails the demo.
pub(crate) fn demo() -> Result<(), String> {
    demo_key("RS256", DEMO_RSA_PEM)?;
    demo_key("ES256", DEMO_P256_PEM)?;
    let public = PrivateKey::from_pem(DEMO_RSA_PEM)
        .map_err(|e| e.to_string())?
        .public_key();
    // {"alg":"none"} . {"partnerId":"p","exp":4102444800} . (empty)
    let none = "eyJhbGciOiJub25lIn0.eyJwYXJ0bmVySWQiOiJwIiwiZXhwIjo0MTAyNDQ0ODAwfQ.";
    let e = verify_partner_jwt(
        none,
        &public,
        1_700_000_000,
        &PartnerJwtValidation::default(),
    )
    .err()
    .map(|e| e.code());
    expect(
        &format!("alg none rejected ({e:?})"),
        e == Some("algorithm_not_allowed"),
    )
}

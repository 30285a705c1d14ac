//! Secret hygiene: every type holding secret bytes or secret text prints none
//! of it in `Debug` (hex, decimal, base64 or text), implements neither
//! `Display` nor `Serialize` (checked at compile time), and the library
//! compares MACs/tags only through `subtle` (a source scan, as a guard).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use base64::Engine as _;
use kycrypt::corepass::DataInfo;
use kycrypt::corepass::Pepper;
use kycrypt::moca::cak::CakCallbackVerifier;
use kycrypt::primitives::ecies::{Curve, EciesSecretKey};
use kycrypt::primitives::eddsa::{ed448::Ed448SigningKey, ed25519::Ed25519SigningKey};
use kycrypt::primitives::hmac::HmacKey;
use kycrypt::primitives::keys::PrivateKey;
use kycrypt::zerohash::{SignedHeaders, ZeroHashCredentials};

/// Compile-time "does not implement": `<T as NotDisplay<_>>::CHECK` is
/// ambiguous (a compile error) exactly when `T: Display`; same for `Serialize`.
macro_rules! assert_not_impl {
    ($tr:ident, $bound:path, $($t:ty),+ $(,)?) => {{
        trait $tr<A> {
            const CHECK: () = ();
        }
        impl<T: ?Sized> $tr<()> for T {}
        #[allow(dead_code)]
        struct Invalid;
        impl<T: ?Sized + $bound> $tr<Invalid> for T {}
        $(let () = <$t as $tr<_>>::CHECK;)+
    }};
}

#[test]
fn secret_types_have_no_display_or_serialize() {
    assert_not_impl!(
        NotDisplay,
        core::fmt::Display,
        HmacKey,
        ZeroHashCredentials,
        SignedHeaders,
        Ed25519SigningKey,
        Ed448SigningKey,
        PrivateKey,
        EciesSecretKey,
        Pepper,
        DataInfo,
        CakCallbackVerifier,
    );
    assert_not_impl!(
        NotSerialize,
        serde::Serialize,
        HmacKey,
        ZeroHashCredentials,
        SignedHeaders,
        Ed25519SigningKey,
        Ed448SigningKey,
        PrivateKey,
        EciesSecretKey,
        Pepper,
        DataInfo,
        CakCallbackVerifier,
    );
}

/// Distinctive key bytes (no run of equal bytes, so matches are meaningful).
fn key(n: usize) -> Vec<u8> {
    (0..n)
        .zip(0u8..)
        .map(|(_, i)| 0x41u8.wrapping_add(i.wrapping_mul(7)))
        .collect()
}

/// Fails if `dbg` shows `secret` as hex, decimal list, base64/base64url or text.
fn assert_hidden(what: &str, dbg: &str, secret: &[u8]) {
    let b64 = base64::engine::general_purpose::STANDARD.encode(secret);
    let b64url = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret);
    let dec = format!("{:?}", &secret[..secret.len().min(6)]);
    let dec = dec.trim_end_matches(']').to_owned();
    let mut needles = vec![
        hex::encode(&secret[..secret.len().min(8)]),
        hex::encode_upper(&secret[..secret.len().min(8)]),
        dec,
        b64[..b64.len().min(12)].to_owned(),
        b64url[..b64url.len().min(12)].to_owned(),
    ];
    if let Ok(t) = std::str::from_utf8(secret) {
        needles.push(t[..t.len().min(12)].to_owned());
    }
    for n in needles.iter().filter(|n| n.len() >= 6) {
        assert!(
            !dbg.contains(n.as_str()),
            "{what}: Debug `{dbg}` shows the secret ({n})"
        );
    }
}

#[test]
fn debug_redacts_symmetric_and_zero_hash_secrets() {
    let k = key(32);
    assert_hidden(
        "HmacKey",
        &format!("{:?}", HmacKey::from_slice(&k).unwrap()),
        &k,
    );
    let b64 = base64::engine::general_purpose::STANDARD.encode(&k);
    let pass = b"correct-horse-battery";
    let creds = ZeroHashCredentials::new("public-api-key", &b64, "correct-horse-battery").unwrap();
    let d = format!("{creds:?}");
    assert!(d.contains("public-api-key"), "api key is not secret: {d}");
    assert_hidden("ZeroHashCredentials", &d, &k);
    assert_hidden("ZeroHashCredentials passphrase", &d, pass);
    let h = creds
        .sign_request("POST", "/orders", "{}", 1_700_000_000)
        .unwrap();
    let d = format!("{h:?}");
    assert_hidden("SignedHeaders passphrase", &d, pass);
    assert!(
        !d.contains(&h.x_scx_signed),
        "SignedHeaders shows the tag: {d}"
    );
    let v = CakCallbackVerifier::hmac_sha256(&k, "X-Air-Signature").unwrap();
    assert_hidden("CakCallbackVerifier", &format!("{v:?}"), &k);
}

#[test]
fn debug_redacts_signing_keys() {
    let seed = key(32);
    assert_hidden(
        "Ed25519SigningKey",
        &format!("{:?}", Ed25519SigningKey::from_seed(&seed).unwrap()),
        &seed,
    );
    let seed448 = key(57);
    assert_hidden(
        "Ed448SigningKey",
        &format!("{:?}", Ed448SigningKey::from_seed(&seed448).unwrap()),
        &seed448,
    );
    let d = key(32);
    let d_b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&d);
    for jwk in [
        format!(r#"{{"kty":"EC","crv":"P-256","d":"{d_b64}"}}"#),
        format!(r#"{{"kty":"EC","crv":"secp256k1","d":"{d_b64}"}}"#),
        format!(r#"{{"kty":"OKP","crv":"Ed25519","d":"{d_b64}"}}"#),
    ] {
        let pk = PrivateKey::from_jwk(&jwk).unwrap();
        assert_hidden("PrivateKey", &format!("{pk:?}"), &d);
    }
    // RSA: a PKCS#8 PEM from test-vectors/jwt.json; no chunk of its body may show.
    let pem = rsa_pem();
    let pk = PrivateKey::from_pem(&pem).unwrap();
    let dbg = format!("{pk:?}");
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(&body)
        .unwrap();
    for chunk in der.chunks(64).skip(1) {
        assert_hidden("PrivateKey (RSA)", &dbg, chunk);
    }
    for c in [Curve::P256, Curve::Secp256k1] {
        assert_hidden(
            "EciesSecretKey",
            &format!("{:?}", EciesSecretKey::from_bytes(c, &d).unwrap()),
            &d,
        );
    }
}

fn rsa_pem() -> String {
    let v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/test-vectors/jwt.json"
        ))
        .unwrap(),
    )
    .unwrap();
    v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["inputs"]["pem"].as_str())
        .find(|p| p.starts_with("-----BEGIN PRIVATE KEY-----\nMIIE"))
        .expect("an RSA PKCS#8 key in jwt.json")
        .to_owned()
}

#[test]
fn debug_redacts_corepass_pii() {
    let random = "7N&t&MK1Z8xe%vinR8%iGh6Cc*bmJO@HFprGyljvhlmgYFeJF4";
    let user = "ab432e666932c53128d9f73712b058a7a8f7df52f5cb";
    let pepper_hex = format!(
        "{}{user}{}",
        hex::encode(random),
        hex::encode("SH_DriverLicense_DOB")
    );
    let p = Pepper::parse(&pepper_hex).unwrap();
    assert_eq!(p.random(), random.as_bytes());
    assert_hidden("Pepper", &format!("{p:?}"), random.as_bytes());
    let info: DataInfo = serde_json::from_str(&format!(
        r#"{{"fieldID":"SH_EMAIL","fieldValue":"jane.doe@example.com","pepper":"{pepper_hex}"}}"#
    ))
    .unwrap();
    let d = format!("{info:?}");
    assert_hidden("DataInfo value", &d, b"jane.doe@example.com");
    assert!(
        !d.contains(&pepper_hex[..16]),
        "DataInfo shows the pepper: {d}"
    );
}

/// Guard: in `src/`, no `==`/`!=` has a tag/MAC/signature operand (lengths
/// aside). MACs go through `HmacKey::verify` (`subtle::ConstantTimeEq`).
#[test]
fn tags_are_compared_in_constant_time() {
    let mut offenders = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                scan(&p, &mut offenders);
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "non-constant-time tag comparisons:\n{}",
        offenders.join("\n")
    );
}

fn scan(path: &std::path::Path, offenders: &mut Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    // Unit-test modules sit at the end of a file; stop there.
    let code = text.split("#[cfg(test)]").next().unwrap();
    for (n, line) in code.lines().enumerate() {
        let line = line.split("//").next().unwrap();
        for op in ["==", "!="] {
            for (i, _) in line.match_indices(op) {
                let (l, r) = (&line[..i], &line[i + 2..]);
                let left = l
                    .trim_end()
                    .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '!')
                    .next()
                    .unwrap();
                let right = r
                    .trim_start()
                    .split(|c: char| c.is_whitespace() || c == ')' || c == ',' || c == ';')
                    .next()
                    .unwrap();
                if [left, right].iter().any(|o| secret_operand(o)) {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
}

/// The operand's last path segment is a tag-like name (`tag`, `expected_mac`,
/// `sig`, ...); string literals and constants are not secrets.
fn secret_operand(o: &str) -> bool {
    let o = o.trim_start_matches(['&', '*']);
    if o.starts_with('"') || o.chars().all(|c| !c.is_ascii_lowercase()) {
        return false;
    }
    let last = o.rsplit(['.', ':']).next().unwrap().trim_end_matches("()");
    ["tag", "mac", "sig", "signature", "digest"]
        .iter()
        .any(|w| last == *w || last.ends_with(&format!("_{w}")))
}

#[test]
fn guard_recognises_tag_operands() {
    for yes in [
        "tag",
        "&expected_mac",
        "self.sig",
        "*computed_tag",
        "h.signature",
    ] {
        assert!(secret_operand(yes), "{yes}");
    }
    for no in [
        "sig_name",
        "MAX_SIGNATURE_SETS",
        "\"sig\"",
        "tag.len()",
        "tags",
    ] {
        assert!(!secret_operand(no), "{no}");
    }
}

/// Verified tokens carry KYC claims: their `Debug` hides claims, payloads and the
/// partner's email, while the fields keep their values (the bindings print the same).
#[test]
fn debug_redacts_verified_token_claims() {
    use kycrypt::hypersign::did_jwt::{
        DidJwtClaims, DidJwtSignOptions, DidJwtValidation, sign_did_jwt, verify_did_jwt,
    };
    use kycrypt::moca::partner_jwt::{
        PartnerClaims, PartnerJwtSignOptions, PartnerJwtValidation, sign_partner_jwt,
        verify_partner_jwt,
    };
    use kycrypt::primitives::jwt::{Validation, verify_jws, verify_jwt};
    use kycrypt::primitives::keys::KeyType;

    let key = PrivateKey::generate(KeyType::P256).unwrap();
    let mut claims = PartnerClaims::new("partner-1", "issue", Some("jane.doe@example.com".into()));
    claims.extra.insert("dob".into(), "1986-09-06".into());
    let opts = PartnerJwtSignOptions::default().with_kid("k");
    let token = sign_partner_jwt(&claims, &key, 1_700_000_000, &opts).unwrap();
    let got = verify_partner_jwt(
        &token,
        &key.public_key(),
        1_700_000_010,
        &PartnerJwtValidation::default(),
    )
    .unwrap();
    assert_eq!(got.email.as_deref(), Some("jane.doe@example.com"));
    let jwt = verify_jwt(
        &token,
        &key.public_key(),
        1_700_000_010,
        &Validation::default(),
    )
    .unwrap();
    assert_eq!(jwt.claims["dob"], "1986-09-06");
    let jws = verify_jws(&token, &key.public_key(), &Validation::default()).unwrap();
    for (what, dbg) in [
        ("PartnerClaims", format!("{got:?}")),
        ("VerifiedJwt", format!("{jwt:?}")),
        ("VerifiedJws", format!("{jws:?}")),
    ] {
        assert!(dbg.contains("<redacted>"), "{what}: {dbg}");
        for pii in ["jane.doe", "1986-09-06"] {
            assert!(!dbg.contains(pii), "{what} shows {pii}: {dbg}");
        }
    }
    assert!(format!("{got:?}").contains("partner-1"));

    let seed = [9u8; 32];
    let ed = Ed25519SigningKey::from_seed(&seed).unwrap();
    let did = format!(
        "did:key:{}",
        kycrypt::hypersign::did::encode_ed25519_multibase(&ed.verifying_key().to_bytes())
    );
    let mut claims = DidJwtClaims::new(&did, "aud");
    claims.extra.insert("name".into(), "Jane Doe".into());
    let dbg = format!("{claims:?}");
    assert!(dbg.contains("<redacted>") && !dbg.contains("Jane"), "{dbg}");
    let opts = DidJwtSignOptions::default().with_ttl_secs(600);
    let t = sign_did_jwt(&claims, &ed, 1_700_000_000, &opts).unwrap();
    let v = verify_did_jwt(&t, None, 1_700_000_010, &DidJwtValidation::new("aud")).unwrap();
    assert_eq!(v.claims["name"], "Jane Doe");
    let dbg = format!("{v:?}");
    assert!(
        dbg.contains(&did) && dbg.contains("<redacted>") && !dbg.contains("Jane"),
        "{dbg}"
    );
}

//! Runs test-vectors/jwt.json through the public API.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{Case, check, run_file};
use kycrypt::moca::partner_jwt::{
    PartnerClaims, PartnerJwtSignOptions, PartnerJwtValidation, sign_partner_jwt,
    verify_partner_jwt, verify_partner_jwt_jwks,
};
use kycrypt::primitives::hmac::{HmacAlg, HmacKey};
use kycrypt::primitives::jwt::{Validation, verify_jws, verify_jwt};
use kycrypt::primitives::keys::{Jwks, PrivateKey, PublicKey};
use serde_json::Value;

/// Every member of `want` must equal the same member of `got` (recursively for objects).
fn subset(want: &Value, got: &Value, path: &str) -> Result<(), String> {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w.iter().try_for_each(|(k, v)| {
            subset(v, g.get(k).unwrap_or(&Value::Null), &format!("{path}.{k}"))
        }),
        _ if want == got => Ok(()),
        _ => Err(format!("{path}: want {want}, got {got}")),
    }
}

fn public_key(text: &str) -> Result<PublicKey, kycrypt::Error> {
    PublicKey::from_pem_or_jwk(text)
}

fn op_verify_jwt(c: &Case) -> Result<(), String> {
    let got = public_key(c.s("key")).and_then(|k| {
        let v = match c.opt_s("audience") {
            Some(aud) => Validation::default().with_audience(aud),
            None => Validation::default(),
        };
        verify_jwt(c.s("token"), &k, c.u("now"), &v)
    });
    check(c, got, |c, v| {
        let got = serde_json::json!({"header": Value::Object(v.header.members.clone()), "claims": Value::Object(v.claims.clone())});
        c.output
            .as_ref()
            .map_or(Ok(()), |want| subset(want, &got, ""))
    })
}

fn op_verify_jws(c: &Case) -> Result<(), String> {
    let got =
        public_key(c.s("key")).and_then(|k| verify_jws(c.s("token"), &k, &Validation::default()));
    check(c, got, |c, v| {
        let want = c
            .out("payload_utf8")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if v.payload == want.as_bytes() {
            Ok(())
        } else {
            Err("payload differs".into())
        }
    })
}

fn op_hs256(c: &Case) -> Result<(), String> {
    let token = c.s("token");
    let (si, sig) = token.rsplit_once('.').unwrap();
    let key = HmacKey::new(kycrypt::encoding::b64url_decode("k", c.s("jwk_k")).unwrap()).unwrap();
    let sig = kycrypt::encoding::b64url_decode("sig", sig).unwrap();
    check(
        c,
        key.verify(HmacAlg::Sha256, &[si.as_bytes()], &sig),
        |_, _| Ok(()),
    )
}

fn op_thumbprint(c: &Case) -> Result<(), String> {
    check(c, PublicKey::from_jwk(c.s("jwk")), |c, k| {
        subset(
            c.out("thumbprint").unwrap(),
            &k.thumbprint().into(),
            "thumbprint",
        )
    })
}

fn op_public_jwk(c: &Case) -> Result<(), String> {
    let got = if let Some(pem) = c.opt_s("pem") {
        if pem.contains("PRIVATE KEY-----") {
            PrivateKey::from_pem(pem).map(|k| k.public_key())
        } else {
            PublicKey::from_pem(pem)
        }
    } else if c.opt_s("der_hex").is_some() {
        let der = c.hex("der_hex");
        PrivateKey::from_der(&der)
            .map(|k| k.public_key())
            .or_else(|_| PublicKey::from_der(&der))
    } else {
        let jwk = c.s("jwk");
        if jwk.contains("\"d\"") || c.flag("private") {
            PrivateKey::from_jwk(jwk).map(|k| k.public_key())
        } else {
            PublicKey::from_jwk(jwk)
        }
    };
    check(c, got, |c, k| {
        let got = serde_json::json!({"alg": k.algorithm().as_str(), "jwk": Value::Object(k.to_jwk_map(None)), "thumbprint": k.thumbprint()});
        subset(c.output.as_ref().unwrap(), &got, "")?;
        // The JWK must carry no private member.
        if k.to_jwk_map(None)
            .keys()
            .any(|m| ["d", "p", "q", "dp", "dq", "qi"].contains(&m.as_str()))
        {
            return Err("private member exported".into());
        }
        Ok(())
    })
}

fn op_sign_partner(c: &Case) -> Result<(), String> {
    let claims = PartnerClaims::new(
        c.s("partner_id"),
        c.s("scope"),
        c.opt_s("email").map(str::to_owned),
    );
    let got = PrivateKey::from_pem(c.s("key")).and_then(|k| {
        let opts = PartnerJwtSignOptions::default()
            .with_kid(c.s("kid"))
            .with_ttl_secs(c.u("ttl"));
        sign_partner_jwt(&claims, &k, c.u("iat"), &opts).map(|t| (t, k.public_key()))
    });
    // Without `ring`, RS256 signing is refused by design (RUSTSEC-2023-0071).
    if !cfg!(feature = "ring") && c.s("key").contains("MIIE") && c.expected == "valid" {
        let code = got.err().map(|e| e.code());
        return if code == Some("unsupported_algorithm") {
            Ok(())
        } else {
            Err(format!("want unsupported_algorithm, got {code:?}"))
        };
    }
    check(c, got, |c, (token, public)| {
        if let Some(want) = c.out("token") {
            return subset(want, &token.clone().into(), "token");
        }
        let strict = PartnerJwtValidation::default().with_leeway_secs(0);
        let back =
            verify_partner_jwt(token, public, c.u("iat"), &strict).map_err(|e| e.to_string())?;
        if back == claims {
            Ok(())
        } else {
            Err("claims differ after roundtrip".into())
        }
    })
}

fn op_verify_partner(c: &Case) -> Result<(), String> {
    let (token, now) = (c.s("token"), c.u("now"));
    let v = PartnerJwtValidation::default().with_leeway_secs(60);
    let got = match c.opt_s("jwks") {
        Some(jwks) => {
            Jwks::from_json(jwks).and_then(|s| verify_partner_jwt_jwks(token, &s, now, &v))
        }
        None => public_key(c.s("key")).and_then(|k| verify_partner_jwt(token, &k, now, &v)),
    };
    check(c, got, |c, claims| {
        let kid = kycrypt::primitives::jwt::UnverifiedJws::parse(token)
            .unwrap()
            .header()
            .kid
            .clone();
        let got = serde_json::json!({"partnerId": claims.partner_id, "scope": claims.scope, "email": claims.email, "kid": kid});
        c.output
            .as_ref()
            .map_or(Ok(()), |want| subset(want, &got, ""))
    })
}

#[test]
fn jwt_vectors() {
    run_file("jwt.json", |c| match c.op.as_str() {
        "jwt.verify_jwt" => op_verify_jwt(c),
        "jwt.verify_jws" => op_verify_jws(c),
        "jwt.verify_hs256_with_hmac" => op_hs256(c),
        "keys.thumbprint" => op_thumbprint(c),
        "keys.public_jwk" => op_public_jwk(c),
        "moca.sign_partner_jwt" => op_sign_partner(c),
        "moca.verify_partner_jwt" => op_verify_partner(c),
        other => Err(format!("unknown op {other}")),
    });
}

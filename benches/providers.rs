//! Provider-level hot paths, on the real samples of `test-vectors/`:
//! Zero Hash request signing, every webhook check, Moca partner JWTs,
//! Hypersign DID-JWTs, CorePass callbacks and Core address derivation.
//!
//! Run: `cargo bench --bench providers`. Every routine asserts its result
//! before timing starts, so a bench never measures an error path by accident.
#![allow(
    missing_docs,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used
)]

#[path = "support/vectors.rs"]
mod vectors;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kycrypt::corepass::{
    CallbackOptions, Coverage, PinnedConnector, verify_data_callback, verify_status_callback,
};
use kycrypt::corepass::{CoreAddress, Network};
use kycrypt::hypersign::did_jwt::{DidJwtValidation, verify_did_jwt};
use kycrypt::moca::partner_jwt::{
    PartnerClaims, PartnerJwtSignOptions, PartnerJwtValidation, sign_partner_jwt,
    verify_partner_jwt,
};
use kycrypt::primitives::hmac::HmacKey;
use kycrypt::primitives::keys::{PrivateKey, PublicKey};
use kycrypt::webhooks::{self, Provider, WebhookOptions, ZeroHashPublicKey};
use kycrypt::zerohash::{self, RequestOptions, ZeroHashCredentials};

/// A 300-byte JSON request body (the size the issue names for Zero Hash).
fn body_300() -> String {
    let mut body = String::from(r#"{"quote_id":"3fc51610-3dd9-409f-b531-38f78de8ca8a","note":""#);
    while body.len() < 300 - 2 {
        body.push('x');
    }
    body.push_str(r#""}"#);
    assert_eq!(body.len(), 300);
    body
}

fn zerohash_requests(c: &mut Criterion) {
    let i = vectors::inputs(vectors::ZEROHASH, "sign-auth-public-3");
    let secret_b64 = vectors::s(&i, "secret_b64");
    let creds = ZeroHashCredentials::new("api-key", secret_b64, "passphrase").unwrap();
    let secret = zerohash::secret_from_base64(secret_b64).unwrap();
    let body = body_300();
    let (ts, route) = (1_714_445_704, "/convert_withdraw/execute");
    let signed = creds.sign_request("POST", route, &body, ts).unwrap();
    let ts_text = ts.to_string();

    let mut g = c.benchmark_group("zerohash");
    g.throughput(Throughput::Bytes(300));
    g.bench_function("sign_request_300B", |b| {
        b.iter(|| creds.sign_request("POST", route, black_box(&body), black_box(ts)))
    });
    let sig = &signed.x_scx_signed;
    g.bench_function("verify_request_300B", |b| {
        b.iter(|| {
            zerohash::verify_request_fields(
                &ts_text,
                black_box(sig),
                "POST",
                route,
                black_box(&body),
                &secret,
                ts,
                &RequestOptions::default(),
            )
            .unwrap()
        })
    });
    g.finish();
}

/// One webhook sample: the provider, its secret and the request.
fn webhook_case(
    id: &str,
) -> (
    Provider,
    HmacKey,
    Vec<(String, String)>,
    String,
    u64,
    WebhookOptions,
) {
    let i = vectors::inputs(vectors::WEBHOOKS, id);
    let provider: Provider = vectors::s(&i, "provider").parse().unwrap();
    let secret = HmacKey::from_slice(vectors::s(&i, "secret").as_bytes()).unwrap();
    let opts = WebhookOptions::default()
        .with_zerohash_allow_legacy(i["zerohash_allow_legacy"].as_bool().unwrap_or(false));
    (
        provider,
        secret,
        vectors::headers(&i),
        vectors::s(&i, "body").to_owned(),
        vectors::u(&i, "now"),
        opts,
    )
}

fn webhook_checks(c: &mut Criterion) {
    let mut g = c.benchmark_group("webhook_verify");
    for (name, id) in [
        ("sumsub_sha256", "sumsub-hmac_sha256_hex"),
        ("onfido", "onfido-sdk-sample"),
        ("veriff", "veriff-doc-sample-1"),
        ("persona", "persona-sample"),
        ("zerohash_hmac", "zerohash-current"),
        ("corepass_v2_hmac", "corepass-v2-valid"),
    ] {
        let (provider, secret, headers, body, now, opts) = webhook_case(id);
        webhooks::verify(provider, &headers, body.as_bytes(), &secret, now, &opts).unwrap();
        g.bench_function(name, |b| {
            b.iter(|| {
                webhooks::verify(
                    provider,
                    black_box(&headers),
                    black_box(body.as_bytes()),
                    &secret,
                    now,
                    &opts,
                )
                .unwrap()
            })
        });
    }
    let i = vectors::inputs(vectors::WEBHOOKS, "zh-rsa-current-b64");
    let key = ZeroHashPublicKey::from_pem(vectors::s(&i, "public_key_pem")).unwrap();
    let headers = vectors::headers(&i);
    let body = vectors::s(&i, "body").as_bytes();
    let (now, opts) = (vectors::u(&i, "now"), WebhookOptions::default());
    webhooks::verify_zerohash_rsa(&headers, body, &key, now, &opts).unwrap();
    g.bench_function("zerohash_rsa2048", |b| {
        b.iter(|| {
            webhooks::verify_zerohash_rsa(black_box(&headers), black_box(body), &key, now, &opts)
                .unwrap()
        })
    });
    g.finish();
}

fn partner_jwts(c: &mut Criterion) {
    let mut g = c.benchmark_group("partner_jwt");
    for (alg, sign_id, verify_id) in [
        ("rs256", "sign-rs256-issue-300", "partner-rs256-pyjwt"),
        ("es256", "sign-es256-roundtrip", "partner-es256-pyjwt"),
    ] {
        let i = vectors::inputs(vectors::JWT, sign_id);
        let key = PrivateKey::from_pem(vectors::s(&i, "key")).unwrap();
        let claims = PartnerClaims::new(
            vectors::s(&i, "partner_id"),
            vectors::s(&i, "scope"),
            Some(vectors::s(&i, "email").to_owned()),
        );
        let opts = PartnerJwtSignOptions::default().with_kid(vectors::s(&i, "kid"));
        let iat = vectors::u(&i, "iat");
        g.bench_function(format!("sign_{alg}"), |b| {
            b.iter(|| sign_partner_jwt(black_box(&claims), &key, iat, &opts).unwrap())
        });
        // Verify the token PyJWT made (an independent signer), with its key.
        let v = vectors::inputs(vectors::JWT, verify_id);
        let public = PublicKey::from_pem(vectors::s(&v, "key")).unwrap();
        let (token, now) = (vectors::s(&v, "token"), vectors::u(&v, "now"));
        let strict = PartnerJwtValidation::default().with_leeway_secs(0);
        verify_partner_jwt(token, &public, now, &strict).unwrap();
        g.bench_function(format!("verify_{alg}"), |b| {
            b.iter(|| verify_partner_jwt(black_box(token), &public, now, &strict).unwrap())
        });
    }
    g.finish();
}

fn did_jwts(c: &mut Criterion) {
    let i = vectors::inputs(vectors::DID_JWT, "didjwt-did-key");
    let validation = DidJwtValidation::new(vectors::s(&i, "audience"));
    let (token, now) = (vectors::s(&i, "token"), vectors::u(&i, "now"));
    verify_did_jwt(token, None, now, &validation).unwrap();
    c.bench_function("did_jwt/verify_ed25519_did_key", |b| {
        b.iter(|| verify_did_jwt(black_box(token), None, now, &validation).unwrap())
    });
}

/// A CorePass callback sample: body, pinned Connector, `now`, options.
fn callback_case(id: &str) -> (String, PinnedConnector, u64, CallbackOptions) {
    let i = vectors::inputs(vectors::COREPASS, id);
    let opts = CallbackOptions::default()
        .with_allow_deadline_only(i["allow_deadline_only"].as_bool().unwrap_or(false));
    let pinned = PinnedConnector::parse(vectors::s(&i, "connector")).unwrap();
    (
        vectors::s(&i, "body").to_owned(),
        pinned,
        vectors::u(&i, "now"),
        opts,
    )
}

fn corepass(c: &mut Criterion) {
    let mut g = c.benchmark_group("corepass");
    // The upstream status sample: one Ed448 verification.
    let (body, pinned, now, opts) = callback_case("status-accepted-upstream");
    verify_status_callback(body.as_bytes(), &pinned, now, &opts).unwrap();
    g.bench_function("verify_status_callback", |b| {
        b.iter(|| verify_status_callback(black_box(body.as_bytes()), &pinned, now, &opts).unwrap())
    });
    // A data callback signed over the full body (first form tried holds).
    let (body, pinned, now, opts) = callback_case("data-gen-full-go-escaping");
    let v = verify_data_callback(body.as_bytes(), &pinned, now, &opts).unwrap();
    assert_eq!(v.coverage, Coverage::Full);
    g.bench_function("verify_data_callback_full", |b| {
        b.iter(|| verify_data_callback(black_box(body.as_bytes()), &pinned, now, &opts).unwrap())
    });
    // The upstream data sample: deadline-only, the worst case (every form is tried).
    let (body, pinned, now, opts) = callback_case("data-upstream-deadline-only-allowed");
    let v = verify_data_callback(body.as_bytes(), &pinned, now, &opts).unwrap();
    assert_eq!(v.coverage, Coverage::DeadlineOnly);
    g.bench_function("verify_data_callback_deadline_only", |b| {
        b.iter(|| verify_data_callback(black_box(body.as_bytes()), &pinned, now, &opts).unwrap())
    });
    let i = vectors::inputs(vectors::COREPASS, "address-derive-mainnet");
    let pk = hex::decode(vectors::s(&i, "public_key")).unwrap();
    g.bench_function("address_from_public_key", |b| {
        b.iter(|| CoreAddress::from_public_key_bytes(black_box(&pk), Network::Mainnet).unwrap())
    });
    g.finish();
}

criterion_group!(
    benches,
    zerohash_requests,
    webhook_checks,
    partner_jwts,
    did_jwts,
    corepass
);
criterion_main!(benches);

//! Primitive-level benches, comparable one-to-one with `openssl speed`
//! (see `scripts/compare-peers/run`): Ed448 verify (kycrypt, whose verifier
//! is `crrl`, against `ed448-goldilocks`, its signer and test-time
//! cross-check), Ed25519 verify, ES256 sign/verify,
//! RS256 sign, HMAC-SHA256, ECDH P-256 and AES-256-GCM bulk (each through the
//! RustCrypto crates and, with the `bssl` feature, BoringSSL, which CAK ECIES uses).
//!
//! Where kycrypt wraps a backend, the backend is benched beside the wrapper
//! (and, where `ring` is an alternative, ring too), so the report can say
//! where time goes.
#![allow(
    missing_docs,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used
)]

#[path = "support/vectors.rs"]
mod vectors;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kycrypt::primitives::eddsa::ed448::{Ed448SigningKey, Ed448VerifyingKey};
use kycrypt::primitives::eddsa::ed25519::{Ed25519SigningKey, Ed25519VerifyingKey};
use kycrypt::primitives::hmac::{HmacAlg, HmacKey};
use kycrypt::primitives::keys::PrivateKey;
use p256::elliptic_curve::sec1::ToSec1Point as _;

/// CorePass signs a SHA3-256 digest, so the Ed448 message is 32 bytes.
const MSG32: [u8; 32] = [0x5a; 32];

fn ed448(c: &mut Criterion) {
    let sk = Ed448SigningKey::from_seed(&[7u8; 57]).unwrap();
    let sig = sk.sign(&MSG32);
    let pk_bytes = sk.verifying_key().to_bytes();
    let ours = Ed448VerifyingKey::from_bytes(&pk_bytes).unwrap();
    ours.verify(&MSG32, &sig).unwrap();
    let gold_pk = ed448_goldilocks::VerifyingKey::from_bytes(&pk_bytes).unwrap();
    let gold_sig = ed448_goldilocks::Signature::from_bytes(&sig);
    gold_pk.verify_raw(&gold_sig, &MSG32).unwrap();

    let mut g = c.benchmark_group("ed448");
    g.bench_function("verify/kycrypt", |b| {
        b.iter(|| ours.verify(black_box(&MSG32), black_box(&sig)).unwrap())
    });
    g.bench_function("verify/goldilocks", |b| {
        b.iter(|| {
            gold_pk
                .verify_raw(black_box(&gold_sig), black_box(&MSG32))
                .unwrap()
        })
    });
    // Key decoding is part of every callback check (the key rides in the signature);
    // kycrypt's decoding includes the prime-order-subgroup check.
    g.bench_function("decode_verify/kycrypt", |b| {
        b.iter(|| {
            Ed448VerifyingKey::from_bytes(black_box(&pk_bytes))
                .unwrap()
                .verify(&MSG32, &sig)
                .unwrap()
        })
    });
    g.bench_function("decode_verify/goldilocks", |b| {
        b.iter(|| {
            let k = ed448_goldilocks::VerifyingKey::from_bytes(black_box(&pk_bytes)).unwrap();
            k.verify_raw(&gold_sig, &MSG32).unwrap();
        })
    });
    g.bench_function("sign/kycrypt_goldilocks", |b| {
        b.iter(|| sk.sign(black_box(&MSG32)))
    });
    g.finish();
}

fn ed25519(c: &mut Criterion) {
    let sk = Ed25519SigningKey::from_seed(&[9u8; 32]).unwrap();
    let sig = sk.sign(&MSG32);
    let pk = Ed25519VerifyingKey::from_bytes(&sk.verifying_key().to_bytes()).unwrap();
    pk.verify(&MSG32, &sig).unwrap();
    let mut g = c.benchmark_group("ed25519");
    g.bench_function("verify", |b| {
        b.iter(|| pk.verify(black_box(&MSG32), black_box(&sig)).unwrap())
    });
    g.bench_function("sign", |b| b.iter(|| sk.sign(black_box(&MSG32))));
    g.finish();
}

/// ES256 and RS256 through `kycrypt::primitives::keys` (ring with the
/// default `ring` feature), keys from `test-vectors/jwt.json`.
fn jws_algs(c: &mut Criterion) {
    let es = vectors::inputs(vectors::JWT, "sign-es256-roundtrip");
    let es = PrivateKey::from_pem(vectors::s(&es, "key")).unwrap();
    let es_pub = es.public_key();
    let es_sig = es.sign(&MSG32).unwrap();
    es_pub.verify(&MSG32, &es_sig).unwrap();

    let mut g = c.benchmark_group("es256");
    g.bench_function("sign/kycrypt", |b| {
        b.iter(|| es.sign(black_box(&MSG32)).unwrap())
    });
    g.bench_function("verify/kycrypt", |b| {
        b.iter(|| {
            es_pub
                .verify(black_box(&MSG32), black_box(&es_sig))
                .unwrap()
        })
    });
    // The pure-Rust backend (used without the `ring` feature), for comparison.
    {
        use p256::ecdsa::signature::{Signer as _, Verifier as _};
        let sk = p256::ecdsa::SigningKey::from_slice(&[0x11; 32]).unwrap();
        let vk = *sk.verifying_key();
        let sig: p256::ecdsa::Signature = sk.sign(&MSG32);
        g.bench_function("sign/p256_crate", |b| {
            b.iter(|| -> p256::ecdsa::Signature { sk.sign(black_box(&MSG32)) })
        });
        g.bench_function("verify/p256_crate", |b| {
            b.iter(|| vk.verify(black_box(&MSG32), black_box(&sig)).unwrap())
        });
    }
    g.finish();

    let rs = vectors::inputs(vectors::JWT, "sign-rs256-issue-300");
    let rs = PrivateKey::from_pem(vectors::s(&rs, "key")).unwrap();
    let rs_pub = rs.public_key();
    let rs_sig = rs.sign(&MSG32).unwrap();
    rs_pub.verify(&MSG32, &rs_sig).unwrap();
    let mut g = c.benchmark_group("rs256");
    g.bench_function("sign/kycrypt", |b| {
        b.iter(|| rs.sign(black_box(&MSG32)).unwrap())
    });
    g.bench_function("verify/kycrypt", |b| {
        b.iter(|| {
            rs_pub
                .verify(black_box(&MSG32), black_box(&rs_sig))
                .unwrap()
        })
    });
    g.finish();
}

fn hmac(c: &mut Criterion) {
    let key = HmacKey::from_slice(b"sumsub-webhook-secret-32-bytes!!").unwrap();
    let mut g = c.benchmark_group("hmac_sha256");
    for len in [16usize, 256, 1024, 16384] {
        let msg = vec![0xa5u8; len];
        g.throughput(Throughput::Bytes(len as u64));
        g.bench_with_input(BenchmarkId::from_parameter(len), &msg, |b, m| {
            b.iter(|| key.sign(HmacAlg::Sha256, &[black_box(m)]))
        });
    }
    // What the bindings' one-shot `hmac_sha256(key, msg)` does: key copy + MAC
    // (the Rust side of the binding-overhead comparison).
    let raw_key = [0x4bu8; 32];
    let msg = [0xa5u8; 16];
    g.throughput(Throughput::Bytes(16));
    g.bench_function("oneshot_16", |b| {
        b.iter(|| {
            HmacKey::new(black_box(&raw_key).to_vec())
                .unwrap()
                .sign(HmacAlg::Sha256, &[&msg])
        })
    });
    g.finish();
}

fn ecdh(c: &mut Criterion) {
    let mut g = c.benchmark_group("ecdh");
    let sk = p256::SecretKey::from_slice(&[0x22; 32]).unwrap();
    let peer = p256::SecretKey::from_slice(&[0x33; 32])
        .unwrap()
        .public_key();
    g.bench_function("p256", |b| {
        b.iter(|| p256::ecdh::diffie_hellman(black_box(sk.to_nonzero_scalar()), peer.as_affine()))
    });
    // crrl's P-256 (an optimised pure-Rust alternative): the full shared point, as ECIES needs.
    let k = crrl::p256::Scalar::decode_reduce(&[0x22; 32]);
    let p = crrl::p256::Point::decode(&peer.to_sec1_point(false).to_bytes()).unwrap();
    g.bench_function("p256_crrl_full_point", |b| {
        b.iter(|| (black_box(p) * black_box(k)).encode_uncompressed())
    });
    // BoringSSL (kycrypt-bssl, the `bssl` feature): ECIES's P-256 backend. The full shared
    // point from the 65-byte peer encoding (decode + on-curve check included), and the
    // fixed-base product that ephemeral key generation uses.
    #[cfg(feature = "bssl")]
    {
        let point: [u8; 65] = peer.to_sec1_point(false).as_bytes().try_into().unwrap();
        g.bench_function("p256_bssl_full_point", |b| {
            b.iter(|| kycrypt_bssl::p256_mul(black_box(&[0x22; 32]), black_box(&point)).unwrap())
        });
        g.bench_function("p256_bssl_mul_base", |b| {
            b.iter(|| kycrypt_bssl::p256_mul_base(black_box(&[0x22; 32])).unwrap())
        });
    }
    let sk = k256::SecretKey::from_slice(&[0x22; 32]).unwrap();
    let peer = k256::SecretKey::from_slice(&[0x33; 32])
        .unwrap()
        .public_key();
    g.bench_function("secp256k1", |b| {
        b.iter(|| k256::ecdh::diffie_hellman(black_box(sk.to_nonzero_scalar()), peer.as_affine()))
    });
    g.finish();
}

fn aes_gcm(c: &mut Criterion) {
    use aes_gcm::aead::consts::{U12, U16};
    use aes_gcm::aes::Aes256;
    use aes_gcm::{AeadInOut, AesGcm, KeyInit};
    let key = [0x42u8; 32];
    let mut g = c.benchmark_group("aes256gcm_encrypt");
    for len in [16 * 1024usize, 1024 * 1024] {
        g.throughput(Throughput::Bytes(len as u64));
        let mut buf = vec![0u8; len];
        // kycrypt's backend (RustCrypto aes-gcm), with ECIES's 16-byte nonce and the usual 12.
        let c16 = AesGcm::<Aes256, U16>::new_from_slice(&key).unwrap();
        g.bench_function(BenchmarkId::new("aes_gcm_crate_nonce16", len), |b| {
            b.iter(|| {
                c16.encrypt_inout_detached(&[1u8; 16].into(), &[], buf.as_mut_slice().into())
                    .unwrap()
            })
        });
        let c12 = AesGcm::<Aes256, U12>::new_from_slice(&key).unwrap();
        g.bench_function(BenchmarkId::new("aes_gcm_crate_nonce12", len), |b| {
            b.iter(|| {
                c12.encrypt_inout_detached(&[1u8; 12].into(), &[], buf.as_mut_slice().into())
                    .unwrap()
            })
        });
        // BoringSSL (kycrypt-bssl, the `bssl` feature): ECIES's GCM backend, both nonce lengths.
        #[cfg(feature = "bssl")]
        {
            let k = kycrypt_bssl::Aes256Gcm::new(&key).unwrap();
            for nonce in [&[1u8; 16][..], &[1u8; 12][..]] {
                let id = format!("bssl_nonce{}", nonce.len());
                g.bench_function(BenchmarkId::new(id, len), |b| {
                    b.iter(|| {
                        k.seal_in_place(black_box(nonce), buf.as_mut_slice())
                            .unwrap()
                    })
                });
            }
        }
        #[cfg(feature = "ring")]
        {
            use ring::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
            let k = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &key).unwrap());
            g.bench_function(BenchmarkId::new("ring", len), |b| {
                b.iter(|| {
                    k.seal_in_place_separate_tag(
                        Nonce::assume_unique_for_key([1u8; 12]),
                        Aad::empty(),
                        buf.as_mut_slice(),
                    )
                    .unwrap()
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, ed448, ed25519, jws_algs, hmac, ecdh, aes_gcm);
criterion_main!(benches);

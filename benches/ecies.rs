//! Moca CAK encryption (kycrypt's ECIES: ECDH + HKDF-SHA256 + AES-256-GCM,
//! eciesjs wire format inside the storage envelope) at 1 KiB, 1 MiB and
//! 10 MiB on P-256 and secp256k1, plus the fixed cost of one envelope
//! (an empty payload: key agreement, HKDF and the GCM setup only).
//!
//! Run: `cargo bench --bench ecies`.
#![allow(
    missing_docs,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used
)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kycrypt::primitives::ecies::{
    self, Curve, EciesOptions, EciesSecretKey, open_envelope, seal_envelope,
};

const SIZES: [(&str, usize); 3] = [
    ("1KiB", 1024),
    ("1MiB", 1024 * 1024),
    ("10MiB", 10 * 1024 * 1024),
];

const CURVES: [(&str, Curve); 2] = [("p256", Curve::P256), ("secp256k1", Curve::Secp256k1)];

/// A fixed recipient key per curve (the CAK key pair the verifier holds).
fn recipient(curve: Curve) -> EciesSecretKey {
    EciesSecretKey::from_bytes(curve, &[0x3c; 32]).unwrap()
}

fn payloads(c: &mut Criterion) {
    let opts = EciesOptions::default();
    for (size_name, len) in SIZES {
        let mut g = c.benchmark_group(format!("cak_ecies_{size_name}"));
        if len >= 10 * 1024 * 1024 {
            g.sample_size(10);
        } else if len >= 1024 * 1024 {
            g.sample_size(20);
        }
        g.throughput(Throughput::Bytes(len as u64));
        let plaintext = vec![0x6bu8; len];
        for (curve_name, curve) in CURVES {
            let sk = recipient(curve);
            let pk = sk.public_key();
            let envelope = seal_envelope(&plaintext, &pk, &opts).unwrap();
            assert_eq!(open_envelope(&envelope, &sk).unwrap(), plaintext);
            g.bench_function(BenchmarkId::new(curve_name, "encrypt"), |b| {
                b.iter(|| seal_envelope(black_box(&plaintext), &pk, &opts).unwrap())
            });
            g.bench_function(BenchmarkId::new(curve_name, "decrypt"), |b| {
                b.iter(|| open_envelope(black_box(&envelope), &sk).unwrap())
            });
        }
        g.finish();
    }
}

/// The per-message cost with no payload: decrypt = point decode + one ECDH +
/// HKDF + GCM key setup (comparable with `openssl speed ecdhp256`); encrypt
/// adds the ephemeral key generation.
fn fixed_cost(c: &mut Criterion) {
    let opts = EciesOptions::default();
    let mut g = c.benchmark_group("cak_ecies_fixed");
    for (curve_name, curve) in CURVES {
        let sk = recipient(curve);
        let pk = sk.public_key();
        let raw = ecies::encrypt(b"", &pk, &opts).unwrap();
        assert!(ecies::decrypt(&raw, &sk, &opts).unwrap().is_empty());
        g.bench_function(BenchmarkId::new(curve_name, "encrypt_empty"), |b| {
            b.iter(|| ecies::encrypt(black_box(b""), &pk, &opts).unwrap())
        });
        g.bench_function(BenchmarkId::new(curve_name, "decrypt_empty"), |b| {
            b.iter(|| ecies::decrypt(black_box(&raw), &sk, &opts).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, payloads, fixed_cost);
criterion_main!(benches);

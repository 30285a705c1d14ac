//! Input framing shared by the fuzz targets, and one driver per target so each
//! `fuzz_targets/*.rs` is one line. A target's input is its fields separated by
//! NUL bytes (the last field takes the rest), the same framing
//! `fuzz/seed_corpus.py` writes from `test-vectors/`. Every driver only checks
//! that kycrypt returns `Ok` or a typed error with a known code (a panic is the
//! crash libFuzzer reports), plus the differential/round-trip properties noted.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::borrow::Cow;

use kycrypt::Error;

pub mod drivers;

/// Splits `data` into exactly `N` NUL-separated fields (missing ones empty).
pub fn fields<const N: usize>(data: &[u8]) -> [&[u8]; N] {
    let mut out = [&[][..]; N];
    for (slot, part) in out.iter_mut().zip(data.splitn(N, |b| *b == 0)) {
        *slot = part;
    }
    out
}

/// Lossy UTF-8 text of a field.
pub fn text(b: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(b)
}

/// A decimal `u64` field (0 when it is not one).
pub fn num(b: &[u8]) -> u64 {
    text(b).trim().parse().unwrap_or(0)
}

/// `name: value` lines as header pairs.
pub fn headers(b: &[u8]) -> Vec<(String, String)> {
    text(b)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.to_owned(), v.trim_start().to_owned()))
        .collect()
}

/// Asserts an error has a stable code (the FFI maps codes, not variants).
pub fn known<T>(r: Result<T, Error>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            assert!(
                Error::ALL_CODES.contains(&e.code()),
                "unknown code {}",
                e.code()
            );
            let _ = e.to_string();
            None
        }
    }
}

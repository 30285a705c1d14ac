//! CAK ECIES against the real clients (issue 14, item 1).
//!
//! - secp256k1 against npm `eciesjs` (`node/ecies.js`) and PyPI `eciespy`
//!   (`python/ecies.py`);
//! - P-256, for which no third-party implementation of the format exists,
//!   against the same construction composed from Python `cryptography`
//!   (`python/ecies.py`: ECDH, HKDF-SHA256, AES-256-GCM).
//!
//! For every library, all 8 combinations of [`EciesOptions`] (compressed
//! ephemeral key, 12- or 16-byte nonce, compressed HKDF input) on every payload
//! of [`common::payloads`], with key pairs generated fresh on each run, half by
//! kycrypt and half by the library, crossing as hex:
//!
//! 1. the library encrypts to a kycrypt key, kycrypt decrypts (byte-equal);
//!    the library also generates key pairs, whose public keys kycrypt must
//!    derive from the secrets identically and read in every form (33, 65 and
//!    raw 64 bytes);
//! 2. kycrypt encrypts to the library's keys, the library decrypts (byte-equal).
//!
//! Each envelope is also tampered with ([`Tamper`]): a flipped bit in the
//! ciphertext body, the tag, the nonce, the ephemeral key and its prefix byte,
//! a hybrid (`06`/`07`) ephemeral key, a truncated header. kycrypt must answer
//! the documented code; the library must throw (a hybrid key, which kycrypt
//! refuses and a library may accept, is a note). kycrypt gets every tamper of
//! every small envelope, the libraries those of the empty and the 1 KiB
//! payloads (eciesjs spends ~25 ms of BigInt arithmetic per decryption, and
//! the other small payloads add nothing); 1 MiB envelopes get the body flip
//! only, on both sides (the tag check does not depend on the size, and each
//! 1 MiB envelope costs hundreds of milliseconds of hex, JSON and AES-GCM in
//! this debug build).
//!
//! Each peer runs once per direction, all tasks batched; the Node and the
//! Python peer run side by side, each on its own thread, and their checks are
//! replayed into one [`Tally`] in a fixed order.

use std::ops::Range;
use std::time::Instant;

use kycrypt::primitives::ecies::{self, Curve, EciesOptions, EciesPublicKey, EciesSecretKey};
use serde_json::{Value, json};

use crate::common::{self, Peer, Tally};

const ECIESJS: &str = "eciesjs";
const ECIESPY: &str = "eciespy";
const CRYPTOGRAPHY: &str = "cryptography (P-256)";

/// Above this size an envelope is tampered with only in its body.
const SMALL: usize = 64 * 1024;
/// The small payloads (of [`common::payloads`]) whose tampered envelopes go to the libraries.
const LIBRARY_TAMPERED: [&str; 2] = ["0 B", "1 KiB"];

pub fn run() {
    let started = Instant::now();
    let node = Peer::node("ecies.js");
    let python = Peer::python("ecies.py");
    let (from_node, from_python) = std::thread::scope(|s| {
        let node = s.spawn(|| node.map(|p| against(&p, &[(ECIESJS, Curve::Secp256k1)])));
        let libs = [(ECIESPY, Curve::Secp256k1), (CRYPTOGRAPHY, Curve::P256)];
        let python = python.map(|p| against(&p, &libs));
        (node.join().unwrap(), python)
    });
    let mut t = Tally::new("ecies");
    for log in [from_node, from_python].into_iter().flatten() {
        log.replay(&mut t);
    }
    println!("interop ecies: {:.2?}", started.elapsed());
    t.finish();
}

/// The checks of one thread, replayed into the [`Tally`] afterwards.
#[derive(Default)]
struct Log {
    checks: Vec<(&'static str, bool, String)>,
    notes: Vec<(&'static str, String)>,
}

impl Log {
    fn check(&mut self, lib: &'static str, ok: bool, what: impl Into<String>) {
        self.checks.push((lib, ok, what.into()));
    }

    fn eq<T: PartialEq + std::fmt::Debug>(
        &mut self,
        lib: &'static str,
        got: T,
        want: T,
        what: &str,
    ) {
        let msg = format!("{what}: got {got:?}, want {want:?}");
        self.check(lib, got == want, msg);
    }

    fn note(&mut self, lib: &'static str, text: &str) {
        self.notes.push((lib, text.to_owned()));
    }

    fn replay(self, t: &mut Tally) {
        for (lib, ok, what) in self.checks {
            t.check(lib, ok, what);
        }
        for (lib, text) in self.notes {
            t.note(lib, text);
        }
    }
}

/// The 8 option combinations kycrypt supports.
fn all_options() -> Vec<EciesOptions> {
    let mut v = Vec::new();
    for compressed_ephemeral_key in [false, true] {
        for compressed_hkdf_input in [false, true] {
            for nonce_len in [16, 12] {
                v.push(
                    EciesOptions::default()
                        .with_compressed_ephemeral_key(compressed_ephemeral_key)
                        .with_compressed_hkdf_input(compressed_hkdf_input)
                        .with_nonce_len(nonce_len),
                );
            }
        }
    }
    v
}

fn opts_json(o: &EciesOptions) -> Value {
    json!({
        "compressed_ephemeral_key": o.compressed_ephemeral_key,
        "compressed_hkdf_input": o.compressed_hkdf_input,
        "nonce_len": o.nonce_len,
    })
}

fn opts_label(o: &EciesOptions) -> String {
    let form = |c: bool| if c { "compressed" } else { "uncompressed" };
    format!(
        "eph {} / hkdf {} / nonce {}",
        form(o.compressed_ephemeral_key),
        form(o.compressed_hkdf_input),
        o.nonce_len
    )
}

/// One round trip in each direction: a library, a curve, options, a payload.
struct Case {
    lib: &'static str,
    curve: Curve,
    opts: EciesOptions,
    payload: &'static str,
    what: String,
    plaintext: Vec<u8>,
    /// The plaintext as it crosses (the peers answer lowercase hex too).
    plaintext_hex: String,
    /// kycrypt's key pair, which the library encrypts to.
    kycrypt_sk: EciesSecretKey,
    /// Hand the library (and take from it) the compressed public key form.
    compressed_pk: bool,
}

/// A change to an envelope that every implementation must refuse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tamper {
    Body,
    Tag,
    Nonce,
    /// A bit of the ephemeral key's coordinates (x, and y when uncompressed).
    EphemeralKey,
    /// The low bit of the ephemeral key's prefix: `04` -> `05` (no such
    /// encoding), or `02` <-> `03` (the negated point: valid, wrong key).
    EphemeralPrefix,
    /// `04` -> `06`/`07` (SEC1 "hybrid", with y's parity): only uncompressed.
    Hybrid,
    /// One byte shorter than the header.
    Truncated,
}

impl Tamper {
    const ALL: [Self; 7] = [
        Self::Body,
        Self::Tag,
        Self::Nonce,
        Self::EphemeralKey,
        Self::EphemeralPrefix,
        Self::Hybrid,
        Self::Truncated,
    ];

    /// The tampered envelope, or `None` where the change does not apply (an
    /// empty body; a hybrid form of a compressed key).
    fn apply(self, ct: &[u8], o: &EciesOptions) -> Option<Vec<u8>> {
        let e = o.ephemeral_len();
        let n = e + usize::from(o.nonce_len);
        let mut v = ct.to_vec();
        match self {
            Self::Body => flip_bit(&mut v, n + ecies::TAG_LEN..ct.len())?,
            Self::Tag => flip_bit(&mut v, n..n + ecies::TAG_LEN)?,
            Self::Nonce => flip_bit(&mut v, e..n)?,
            Self::EphemeralKey => flip_bit(&mut v, 1..e)?,
            Self::EphemeralPrefix => v[0] ^= 1,
            Self::Hybrid if o.compressed_ephemeral_key => return None,
            Self::Hybrid => v[0] = 0x06 | (v[64] & 1),
            Self::Truncated => v.truncate(o.overhead() - 1),
        }
        Some(v)
    }

    /// The codes kycrypt may answer (module docs of `primitives::ecies`).
    fn kycrypt_codes(self, o: &EciesOptions) -> &'static [&'static str] {
        match self {
            Self::Body | Self::Tag | Self::Nonce => &["decryption_failed"],
            // An uncompressed point with a flipped bit is off the curve; half of
            // all x values decompress, so a compressed one may fail either way.
            Self::EphemeralKey if o.compressed_ephemeral_key => {
                &["invalid_key", "decryption_failed"]
            }
            Self::EphemeralKey => &["invalid_key"],
            Self::EphemeralPrefix if o.compressed_ephemeral_key => &["decryption_failed"],
            Self::EphemeralPrefix | Self::Hybrid | Self::Truncated => &["malformed_input"],
        }
    }
}

/// Flips one random bit in `v[range]`; `None` when the range is empty.
fn flip_bit(v: &mut [u8], range: Range<usize>) -> Option<()> {
    if range.is_empty() {
        return None;
    }
    let r = common::random(5);
    let at = usize::try_from(u32::from_le_bytes(r[..4].try_into().unwrap())).unwrap();
    v[range.start + at % range.len()] ^= 1 << (r[4] % 8);
    Some(())
}

/// The tampers kycrypt checks on an envelope of `len` plaintext bytes.
fn tampers(len: usize) -> &'static [Tamper] {
    if len > SMALL {
        &[Tamper::Body]
    } else {
        &Tamper::ALL
    }
}

/// The tampers the library checks on the envelope of case `c`.
fn library_tampers(c: &Case) -> &'static [Tamper] {
    let len = c.plaintext.len();
    if len > SMALL || LIBRARY_TAMPERED.contains(&c.payload) {
        tampers(len)
    } else {
        &[]
    }
}

/// Runs every case of `libs` (each served by `peer`) in both directions.
fn against(peer: &Peer, libs: &[(&'static str, Curve)]) -> Log {
    let mut t = Log::default();
    let mut cases = Vec::new();
    for &(lib, curve) in libs {
        for opts in all_options() {
            for (name, plaintext) in common::payloads() {
                cases.push(Case {
                    lib,
                    curve,
                    opts,
                    payload: name,
                    what: format!("{} {}, {name}", curve.as_str(), opts_label(&opts)),
                    plaintext_hex: to_hex(&plaintext),
                    plaintext,
                    kycrypt_sk: EciesSecretKey::generate(curve).unwrap(),
                    compressed_pk: cases.len() % 2 == 1,
                });
            }
        }
    }

    // Direction 1: the library generates key pairs and encrypts to kycrypt's keys.
    let mut tasks = Vec::new();
    for c in &cases {
        let pk = c.kycrypt_sk.public_key().to_sec1_bytes(c.compressed_pk);
        tasks.push(json!({ "op": "keygen", "curve": c.curve.as_str() }));
        tasks.push(json!({
            "op": "encrypt", "curve": c.curve.as_str(), "opts": opts_json(&c.opts),
            "pk": to_hex(&pk), "pt": c.plaintext_hex,
        }));
    }
    let results = peer.call(tasks);

    // kycrypt decrypts the library's envelopes, and encrypts to the library's keys.
    let mut tasks = Vec::new();
    let mut expect = Vec::new(); // (case, tamper) per task of direction 2
    for (i, c) in cases.iter().enumerate() {
        let (lib, what) = (c.lib, &c.what);
        let (keygen, enc) = (&results[2 * i], &results[2 * i + 1]);
        if peer_ok(&mut t, lib, enc, &format!("{what}: library encrypts")) {
            let ct = from_hex(&enc["ct"]);
            let want_len = c.opts.overhead() + c.plaintext.len();
            t.eq(lib, ct.len(), want_len, &format!("{what}: envelope length"));
            // Both decryption entry points, on alternate cases.
            let got = if i % 2 == 0 {
                ecies::decrypt(&ct, &c.kycrypt_sk, &c.opts)
            } else {
                ecies::decrypt_in_place(ct.clone(), &c.kycrypt_sk, &c.opts)
            };
            let got = got.map_err(|e| e.code());
            t.check(
                lib,
                got.as_deref() == Ok(&c.plaintext[..]),
                format!(
                    "{what}: kycrypt decrypts the library's envelope: {:?}",
                    got.err()
                ),
            );
            for &tamper in tampers(c.plaintext.len()) {
                let Some(bad) = tamper.apply(&ct, &c.opts) else {
                    continue;
                };
                let got = ecies::decrypt(&bad, &c.kycrypt_sk, &c.opts).map_err(|e| e.code());
                let want = tamper.kycrypt_codes(&c.opts);
                t.check(
                    lib,
                    got.as_ref().is_err_and(|code| want.contains(code)),
                    format!(
                        "{what}: kycrypt, library envelope, {tamper:?}: got {:?}, want one of {want:?}",
                        got.map(|p| p.len())
                    ),
                );
            }
        }
        if !peer_ok(
            &mut t,
            lib,
            keygen,
            &format!("{what}: library generates a key"),
        ) {
            continue;
        }
        // The library's key pair, as hex: kycrypt derives the same public key.
        let sk = EciesSecretKey::parse(c.curve, keygen["sk"].as_str().unwrap()).unwrap();
        let derived = sk.public_key();
        for (member, compressed) in [("pk", false), ("pk_compressed", true)] {
            let want = common::unhex(&keygen[member]);
            let got = derived.to_sec1_bytes(compressed);
            t.eq(
                lib,
                got,
                want,
                &format!("{what}: kycrypt derives the library's {member}"),
            );
        }
        // ... and reads its raw `x || y` form (64 bytes, as eciesjs and eciespy also take it).
        let raw = &s(&keygen["pk"])[2..];
        let parsed = EciesPublicKey::parse(c.curve, raw).map(|k| k.to_sec1_bytes(false));
        let want = Ok(derived.to_sec1_bytes(false));
        t.eq(
            lib,
            parsed.map_err(|e| e.code()),
            want,
            &format!("{what}: raw x || y public key"),
        );
        let pk_hex = if c.compressed_pk {
            &keygen["pk_compressed"]
        } else {
            &keygen["pk"]
        };
        let recipient = EciesPublicKey::parse(c.curve, &s(pk_hex)).unwrap();
        let ct = ecies::encrypt(&c.plaintext, &recipient, &c.opts).unwrap();
        let decrypt = |ct: &[u8]| {
            json!({
                "op": "decrypt", "curve": c.curve.as_str(), "opts": opts_json(&c.opts),
                "sk": s(&keygen["sk"]), "ct": to_hex(ct),
            })
        };
        tasks.push(decrypt(&ct));
        expect.push((i, None));
        for &tamper in library_tampers(c) {
            if let Some(bad) = tamper.apply(&ct, &c.opts) {
                tasks.push(decrypt(&bad));
                expect.push((i, Some(tamper)));
            }
        }
    }

    // Direction 2: the library decrypts kycrypt's envelopes and refuses the tampered ones.
    let results = peer.call(tasks);
    for ((i, tamper), r) in expect.into_iter().zip(&results) {
        let c = &cases[i];
        let (lib, what) = (c.lib, &c.what);
        // Compared as hex: byte-equal is hex-equal, and decoding 1 MiB is slow here.
        let pt = r["ok"].as_bool().unwrap().then(|| s(&r["pt"]));
        let same = pt.as_ref() == Some(&c.plaintext_hex);
        match tamper {
            None => {
                let what = format!("{what}: library decrypts kycrypt's envelope");
                if peer_ok(&mut t, lib, r, &what) {
                    t.check(lib, same, format!("{what}: plaintext differs"));
                }
            }
            // kycrypt refuses a hybrid key (malformed_input): a library that takes it is noted.
            Some(Tamper::Hybrid) => {
                if pt.is_some() {
                    t.note(
                        lib,
                        "accepts a hybrid (06/07) ephemeral key that kycrypt refuses as malformed_input",
                    );
                }
                t.check(
                    lib,
                    pt.is_none() || same,
                    format!("{what}: hybrid: plaintext differs"),
                );
            }
            Some(tamper) => t.check(
                lib,
                pt.is_none(),
                format!("{what}: library decrypts kycrypt's envelope after {tamper:?}"),
            ),
        }
    }
    t
}

/// Records that the peer's library succeeded; on an error, fails with its message.
fn peer_ok(t: &mut Log, lib: &'static str, r: &Value, what: &str) -> bool {
    let ok = r["ok"].as_bool() == Some(true);
    t.check(lib, ok, format!("{what}: {}", r["error"]));
    ok
}

/// A string member of a peer result.
fn s(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// Lowercase hex. `common::hx` does the same through the `hex` crate, which is
/// ten times slower in a debug build, and 1 MiB payloads cross as hex.
fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = vec![0u8; 2 * bytes.len()];
    for (i, &b) in bytes.iter().enumerate() {
        out[2 * i] = DIGITS[usize::from(b >> 4)];
        out[2 * i + 1] = DIGITS[usize::from(b & 15)];
    }
    String::from_utf8(out).unwrap()
}

/// The bytes of a hex string member of a peer result (see [`to_hex`]).
fn from_hex(v: &Value) -> Vec<u8> {
    fn nibble(c: u8) -> u8 {
        match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => panic!("not hex: {c:#04x}"),
        }
    }
    let text = v.as_str().unwrap().as_bytes();
    assert!(text.len().is_multiple_of(2), "odd-length hex");
    let mut out = vec![0u8; text.len() / 2];
    for (i, o) in out.iter_mut().enumerate() {
        *o = nibble(text[2 * i]) << 4 | nibble(text[2 * i + 1]);
    }
    out
}

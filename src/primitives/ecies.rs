//! ECIES in the **eciesjs wire format**, on P-256 (the Moca CAK default) and
//! secp256k1, both in one build, the curve chosen per call.
//!
//! # Construction
//! ```text
//! envelope = ephemeral_pk || nonce || tag (16) || ciphertext
//! ```
//! - `ephemeral_pk`: a fresh key pair per message; SEC1, uncompressed (65
//!   bytes) or compressed (33 bytes) per [`EciesOptions::compressed_ephemeral_key`].
//! - key = HKDF-SHA256(salt none, info empty, ikm = `ephemeral_pk || shared_point`, L = 32),
//!   where both points are SEC1 in the form [`EciesOptions::compressed_hkdf_input`]
//!   selects (the *whole* ECDH point, not only x).
//! - AES-256-GCM, no associated data, nonce of 16 (default) or 12 bytes, 16-byte tag.
//!
//! Defaults are eciesjs's defaults (uncompressed, uncompressed, 16-byte nonce),
//! so secp256k1 envelopes interoperate with eciesjs / eciespy / ecies-rs. Moca
//! publishes no CAK byte layout; this is kycrypt's stated format (see the
//! `moca::cak` module). Options are per call, never global; record them with the
//! data, e.g. with the self-describing [storage envelope](#storage-envelope).
//!
//! # Errors on decryption
//! - [`Error::InvalidArgument`]: the options are out of range (nonce not 12 or 16).
//! - [`Error::MalformedInput`]: the envelope is shorter than its header, or its first
//!   byte is not the SEC1 prefix the options call for (`04` when uncompressed,
//!   `02`/`03` when compressed).
//! - [`Error::CurveMismatch`]: the ephemeral point is **uncompressed**, not on
//!   the requested curve, and on the other supported curve. (A wrong curve
//!   cannot be told from an invalid point in general; this is the rule.) A
//!   compressed point carries only x, and about half of all x values
//!   decompress on *any* curve, so compressed points are never classed as
//!   wrong-curve: one that does not decompress is [`Error::InvalidKey`], one
//!   that does fails later as [`Error::DecryptionFailed`].
//! - [`Error::InvalidKey`]: the ephemeral point is not a valid point (off the
//!   curve, x not below p, not decompressible) and the rule above does not apply.
//! - [`Error::DecryptionFailed`]: anything else (wrong key, tampered tag,
//!   nonce, ciphertext or ephemeral key); deliberately opaque.
//!
//! # Memory
//! [`encrypt`] allocates its output once with exact capacity and encrypts
//! into it (with the `bssl` feature in one pass from the input; without it,
//! a copy then an in-place pass); [`decrypt`] likewise. Peak memory is the input plus the output
//! (about 2x the payload). [`decrypt_in_place`] decrypts inside the caller's
//! buffer (about 1x).
//!
//! There is deliberately no incremental (chunked) API: the eciesjs layout puts
//! the tag *before* the ciphertext, so streaming encryption would need a
//! seekable output and streaming decryption would hand out plaintext before
//! the tag is checked.
//!
//! ```
//! use kycrypt::primitives::ecies::{self, Curve, EciesOptions, EciesSecretKey};
//! let sk = EciesSecretKey::generate(Curve::P256)?;
//! let pk = sk.public_key();
//! let opts = EciesOptions::default();
//! let ct = ecies::encrypt(b"passport scan", &pk, &opts)?;
//! assert_eq!(ecies::decrypt(&ct, &sk, &opts)?, b"passport scan");
//! # Ok::<(), kycrypt::Error>(())
//! ```
//!
//! # Storage envelope
//! A small, versioned, self-describing storage envelope around the raw
//! eciesjs bytes, so data stored today still decrypts after a default (or the
//! CAK curve) changes.
//!
//! ## Byte layout (version 1)
//! ```text
//! offset  len  field
//! 0       4    magic "KYCE" (4B 59 43 45)
//! 4       1    version = 0x01
//! 5       1    curve id: 0x01 = P-256, 0x02 = secp256k1
//! 6       1    flags: bit 0 = compressed ephemeral key, bit 1 = compressed
//!              HKDF input; bits 2-7 must be zero
//! 7       1    nonce length: 12 or 16
//! 8       ..   the eciesjs envelope (ephemeral_pk || nonce || tag || ciphertext)
//! ```
//! The text form is standard padded base64 of the same bytes. The header is
//! not authenticated separately: every field it carries changes how the
//! eciesjs bytes are parsed or keyed, so a tampered header fails as
//! [`Error::MalformedInput`], [`Error::CurveMismatch`] or [`Error::DecryptionFailed`].
//!
//! ```
//! use kycrypt::primitives::ecies::{self, Curve, EciesOptions, EciesSecretKey};
//! let sk = EciesSecretKey::generate(Curve::Secp256k1)?;
//! let stored = ecies::seal_envelope_base64(b"dob=1990-01-31", &sk.public_key(), &EciesOptions::default())?;
//! assert!(stored.starts_with("S1lDRQ")); // "KYCE"
//! assert_eq!(ecies::open_envelope_base64(&stored, &sk)?, b"dob=1990-01-31");
//! # Ok::<(), kycrypt::Error>(())
//! ```

mod aead;
mod curve;
mod envelope;
mod keys;
#[cfg(test)]
mod wycheproof_aead;
#[cfg(test)]
mod wycheproof_hkdf;

use zeroize::Zeroizing;

pub use envelope::{
    ENVELOPE_HEADER_LEN, ENVELOPE_MAGIC, ENVELOPE_VERSION, EnvelopeInfo, envelope_info,
    open_envelope, open_envelope_base64, open_envelope_into, opened_envelope_len, seal_envelope,
    seal_envelope_base64, seal_envelope_into, sealed_envelope_len,
};
pub use keys::{EciesPublicKey, EciesSecretKey, MAX_KEY_TEXT_LEN};

use crate::error::{Detail, Error, Result};
use aead::{aead_open, aead_open_append, aead_open_to, aead_seal_append, aead_seal_to};
use curve::{Backend, PointBytes, ScalarBytes};

/// Largest plaintext [`encrypt`] accepts and largest envelope [`decrypt`]
/// accepts: 256 MiB (AES-GCM itself allows about 64 GiB).
pub const MAX_PAYLOAD_LEN: usize = 256 * 1024 * 1024;
/// Length of the AES-GCM tag.
pub const TAG_LEN: usize = 16;

str_enum! {
    /// The curve of a key or envelope.
    ///
    /// ```
    /// use kycrypt::primitives::ecies::Curve;
    /// assert_eq!("p256".parse::<Curve>()?, Curve::P256);
    /// assert_eq!(Curve::Secp256k1.as_str(), "secp256k1");
    /// assert_eq!("P-256".parse::<Curve>().unwrap_err().code(), "invalid_argument");
    /// # Ok::<(), kycrypt::Error>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Curve {
        /// NIST P-256 (secp256r1, prime256v1): the Moca CAK default.
        P256 = "p256",
        /// secp256k1 (the eciesjs default curve).
        Secp256k1 = "secp256k1",
    }
    unknown => Error::InvalidArgument(Detail::Borrowed("curve must be p256 or secp256k1"));
}

impl Curve {
    /// The other supported curve (used to tell "wrong curve" from "invalid").
    const fn other(self) -> Self {
        match self {
            Self::P256 => Self::Secp256k1,
            Self::Secp256k1 => Self::P256,
        }
    }
}

/// Dispatches a [`Backend`] call to the concrete curve type.
macro_rules! on_curve {
    ($curve:expr, $f:ident($($arg:expr),*)) => {
        match $curve {
            Curve::P256 => <$crate::primitives::ecies::curve::P256 as Backend>::$f($($arg),*),
            Curve::Secp256k1 => <k256::Secp256k1 as Backend>::$f($($arg),*),
        }
    };
}
pub(crate) use on_curve;

/// Per-call wire options. [`Default`] is eciesjs's default configuration;
/// change what differs with the `with_*` setters. Every entry point calls
/// [`validate`](Self::validate) first.
///
/// ```
/// use kycrypt::primitives::ecies::EciesOptions;
/// let o = EciesOptions::default().with_compressed_ephemeral_key(true).with_nonce_len(12);
/// assert_eq!(o.overhead(), 33 + 12 + 16);
/// assert!(o.with_nonce_len(8).validate().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct EciesOptions {
    /// Send the ephemeral key compressed (33 bytes) instead of uncompressed (65).
    /// eciesjs `isEphemeralKeyCompressed`; default `false`.
    pub compressed_ephemeral_key: bool,
    /// Feed both points to HKDF compressed. eciesjs `isHkdfKeyCompressed`; default `false`.
    pub compressed_hkdf_input: bool,
    /// AES-GCM nonce length: 16 (eciesjs default) or 12.
    pub nonce_len: u8,
}

impl Default for EciesOptions {
    fn default() -> Self {
        Self {
            compressed_ephemeral_key: false,
            compressed_hkdf_input: false,
            nonce_len: 16,
        }
    }
}

impl EciesOptions {
    /// Checks the options.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `nonce_len` is not 12 or 16.
    pub fn validate(&self) -> Result<()> {
        if matches!(self.nonce_len, 12 | 16) {
            Ok(())
        } else {
            Err(bad_nonce())
        }
    }

    /// Length of the ephemeral key on the wire (33 or 65).
    #[must_use]
    pub const fn ephemeral_len(&self) -> usize {
        if self.compressed_ephemeral_key {
            33
        } else {
            65
        }
    }

    /// Bytes an envelope adds to the plaintext: ephemeral key, nonce and tag.
    #[must_use]
    pub const fn overhead(&self) -> usize {
        self.ephemeral_len() + self.nonce_len as usize + TAG_LEN
    }
}

setters!(const EciesOptions {
    with_compressed_ephemeral_key(compressed_ephemeral_key: bool);
    with_compressed_hkdf_input(compressed_hkdf_input: bool);
    /// 12 or 16, checked by [`validate`](Self::validate).
    with_nonce_len(nonce_len: u8);
});

/// Encrypts `plaintext` to `recipient` with a fresh ephemeral key and nonce
/// from the operating system's RNG.
///
/// # Errors
/// [`Error::InvalidArgument`] for bad options, [`Error::InputTooLarge`] above
/// [`MAX_PAYLOAD_LEN`], [`Error::Internal`] if the RNG fails.
pub fn encrypt(
    plaintext: &[u8],
    recipient: &EciesPublicKey,
    options: &EciesOptions,
) -> Result<Vec<u8>> {
    encrypt_after(&[], plaintext, recipient, options)
}

/// [`encrypt`] into a buffer that starts with `prefix` (the storage
/// envelope's header), so the output is allocated once.
pub(crate) fn encrypt_after(
    prefix: &[u8],
    plaintext: &[u8],
    recipient: &EciesPublicKey,
    options: &EciesOptions,
) -> Result<Vec<u8>> {
    crate::error::check_len("plaintext", plaintext, MAX_PAYLOAD_LEN)?;
    let mut out = Vec::with_capacity(
        prefix
            .len()
            .saturating_add(options.overhead())
            .saturating_add(plaintext.len()),
    );
    encrypt_to(&mut out, prefix, plaintext, recipient, options)?;
    Ok(out)
}

/// [`encrypt`] after `prefix` into `sink`, which must take exactly the envelope.
pub(crate) fn encrypt_to(
    sink: &mut impl Sink,
    prefix: &[u8],
    plaintext: &[u8],
    recipient: &EciesPublicKey,
    options: &EciesOptions,
) -> Result<()> {
    options.validate()?;
    let ephemeral = EciesSecretKey::generate(recipient.curve())?;
    let mut nonce = [0u8; 16];
    let nonce = nonce
        .get_mut(..usize::from(options.nonce_len))
        .ok_or_else(bad_nonce)?;
    getrandom::fill(nonce)
        .map_err(|_| Error::Internal(Detail::Borrowed("the system RNG failed")))?;
    let eph_point = *ephemeral.public_key().point();
    seal(
        sink,
        prefix,
        plaintext,
        recipient,
        ephemeral.scalar(),
        Some(eph_point),
        nonce,
        options,
    )
}

/// Decrypts an eciesjs-format envelope with `secret`, using the same options
/// it was encrypted with.
///
/// # Errors
/// See the module docs: `InvalidArgument`, `InputTooLarge`, `MalformedInput`,
/// `CurveMismatch`, `InvalidKey`, `DecryptionFailed`.
pub fn decrypt(
    envelope: &[u8],
    secret: &EciesSecretKey,
    options: &EciesOptions,
) -> Result<Vec<u8>> {
    let (header, body) = split_envelope(secret.curve(), envelope, options)?;
    let mut out = Vec::with_capacity(body.len());
    open_with(secret, &header, options, &mut out, |key, out| {
        aead_open_append(key, &header.nonce, &header.tag, body, out)
    })?;
    Ok(out)
}

/// Like [`decrypt`], but decrypts inside `envelope` (no second buffer) and
/// returns it truncated to the plaintext. On error the buffer is cleared.
///
/// # Errors
/// As [`decrypt`].
pub fn decrypt_in_place(
    mut envelope: Vec<u8>,
    secret: &EciesSecretKey,
    options: &EciesOptions,
) -> Result<Vec<u8>> {
    let header = split_envelope(secret.curve(), &envelope, options)?.0;
    envelope.drain(..options.overhead());
    open_with(secret, &header, options, &mut envelope, |key, buf| {
        aead_open(key, &header.nonce, &header.tag, buf)
    })?;
    Ok(envelope)
}

/// [`encrypt`] into `out`, a caller's buffer of exactly
/// `plaintext.len() + options.overhead()` bytes (no allocation: for bindings that
/// hand over memory the caller owns).
///
/// ```
/// use kycrypt::primitives::ecies::{self, Curve, EciesOptions, EciesSecretKey};
/// let sk = EciesSecretKey::generate(Curve::P256)?;
/// let o = EciesOptions::default();
/// let mut ct = vec![0u8; 5 + o.overhead()];
/// ecies::encrypt_into(b"hello", &sk.public_key(), &o, &mut ct)?;
/// let mut pt = [0u8; 5];
/// ecies::decrypt_into(&ct, &sk, &o, &mut pt)?;
/// assert_eq!(&pt, b"hello");
/// # Ok::<(), kycrypt::Error>(())
/// ```
///
/// # Errors
/// As [`encrypt`]; [`Error::InvalidArgument`] when `out` is not of that length.
pub fn encrypt_into(
    plaintext: &[u8],
    recipient: &EciesPublicKey,
    options: &EciesOptions,
    out: &mut [u8],
) -> Result<()> {
    if out.len() != plaintext.len().saturating_add(options.overhead()) {
        return Err(bad_output_len());
    }
    encrypt_to(&mut Cursor::new(out), &[], plaintext, recipient, options)
}

/// [`decrypt`] into `out`, a caller's buffer of exactly
/// `envelope.len() - options.overhead()` bytes. On error `out` is wiped.
///
/// # Errors
/// As [`decrypt`]; [`Error::InvalidArgument`] when `out` is not of that length.
pub fn decrypt_into(
    envelope: &[u8],
    secret: &EciesSecretKey,
    options: &EciesOptions,
    out: &mut [u8],
) -> Result<()> {
    let (header, body) = split_envelope(secret.curve(), envelope, options)?;
    if out.len() != body.len() {
        return Err(bad_output_len());
    }
    open_with(secret, &header, options, out, |key, out| {
        aead_open_to(key, &header.nonce, &header.tag, body, out)
    })
}

pub(crate) fn bad_output_len() -> Error {
    Error::InvalidArgument(Detail::Borrowed(
        "output buffer is not the length of the result",
    ))
}

/// Where an envelope is written: a `Vec` that grows, or a caller's buffer of the exact
/// length ([`Cursor`]).
pub(crate) trait Sink {
    /// Appends `bytes`.
    fn put(&mut self, bytes: &[u8]) -> Result<()>;
    /// Appends `plaintext` AES-256-GCM-encrypted under `key` and `nonce` (one pass);
    /// returns the tag.
    fn put_sealed(
        &mut self,
        key: &[u8; 32],
        nonce: &[u8],
        plaintext: &[u8],
    ) -> Result<[u8; TAG_LEN]>;
    /// Everything written so far.
    fn written(&mut self) -> &mut [u8];
}

impl Sink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) -> Result<()> {
        self.extend_from_slice(bytes);
        Ok(())
    }
    fn put_sealed(
        &mut self,
        key: &[u8; 32],
        nonce: &[u8],
        plaintext: &[u8],
    ) -> Result<[u8; TAG_LEN]> {
        aead_seal_append(key, nonce, plaintext, self)
    }
    fn written(&mut self) -> &mut [u8] {
        self
    }
}

/// A caller's buffer, filled from the front; [`Sink::put`] refuses to overflow it.
pub(crate) struct Cursor<'a> {
    buf: &'a mut [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) const fn new(buf: &'a mut [u8]) -> Self {
        Self { buf, pos: 0 }
    }
}

impl Cursor<'_> {
    /// The next `len` bytes of the buffer, or `invalid_argument` past its end.
    fn next(&mut self, len: usize) -> Result<&mut [u8]> {
        let (start, end) = (self.pos, self.pos.saturating_add(len));
        self.pos = end;
        self.buf.get_mut(start..end).ok_or_else(bad_output_len)
    }
}

impl Sink for Cursor<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<()> {
        self.next(bytes.len())?.copy_from_slice(bytes);
        Ok(())
    }
    fn put_sealed(
        &mut self,
        key: &[u8; 32],
        nonce: &[u8],
        plaintext: &[u8],
    ) -> Result<[u8; TAG_LEN]> {
        aead_seal_to(key, nonce, plaintext, self.next(plaintext.len())?)
    }
    fn written(&mut self) -> &mut [u8] {
        self.buf.get_mut(..self.pos).unwrap_or_default()
    }
}

/// The parsed fixed-size front of an envelope.
struct Header {
    ephemeral: PointBytes,
    nonce: Vec<u8>,
    tag: [u8; TAG_LEN],
}

pub(crate) fn bad_nonce() -> Error {
    Error::InvalidArgument(Detail::Borrowed("nonce length must be 12 or 16"))
}

/// Splits an envelope into its header and ciphertext, checking lengths, the
/// prefix byte and the ephemeral point.
fn split_envelope<'a>(
    curve: Curve,
    envelope: &'a [u8],
    options: &EciesOptions,
) -> Result<(Header, &'a [u8])> {
    options.validate()?;
    crate::error::check_len(
        "ECIES envelope",
        envelope,
        MAX_PAYLOAD_LEN.saturating_add(options.overhead()),
    )?;
    let too_short = || Error::malformed("ECIES envelope is shorter than its header");
    let (eph, rest) = envelope
        .split_at_checked(options.ephemeral_len())
        .ok_or_else(too_short)?;
    let (nonce, rest) = rest
        .split_at_checked(usize::from(options.nonce_len))
        .ok_or_else(too_short)?;
    let (tag, body) = rest.split_at_checked(TAG_LEN).ok_or_else(too_short)?;
    let prefix_ok = match eph.first() {
        Some(0x04) => !options.compressed_ephemeral_key,
        Some(0x02 | 0x03) => options.compressed_ephemeral_key,
        _ => false,
    };
    if !prefix_ok {
        return Err(Error::malformed(
            "ephemeral key prefix does not match the compression option",
        ));
    }
    let ephemeral = decode_on(curve, eph, "ephemeral key")?;
    let tag = <[u8; TAG_LEN]>::try_from(tag).map_err(|_| too_short())?;
    Ok((
        Header {
            ephemeral,
            nonce: nonce.to_vec(),
            tag,
        },
        body,
    ))
}

/// Decodes a SEC1 point on `curve`; if it is not on `curve` but is an
/// uncompressed point of the other curve the error is
/// [`Error::CurveMismatch`], else [`Error::InvalidKey`].
pub(crate) fn decode_on(curve: Curve, sec1: &[u8], what: &'static str) -> Result<PointBytes> {
    if let Some(p) = on_curve!(curve, decode_point(sec1)) {
        return Ok(p);
    }
    // Only an uncompressed point is evidence of the other curve: a random
    // (x, y) lies on a given curve with negligible probability, whereas about
    // half of all x values decompress on any curve.
    if sec1.len() == 65 && on_curve!(curve.other(), decode_point(sec1)).is_some() {
        return Err(Error::CurveMismatch(Detail::Owned(format!(
            "{what} is a {} point, not a {} point",
            curve.other(),
            curve
        ))));
    }
    Err(Error::InvalidKey(Detail::Owned(format!(
        "{what} is not a valid {} point",
        curve
    ))))
}

/// HKDF-SHA256(salt none, info empty, ikm = ephemeral || shared), L = 32.
fn derive_key(
    curve: Curve,
    secret: &ScalarBytes,
    peer: &PointBytes,
    ephemeral: &PointBytes,
    compress: bool,
) -> Result<Zeroizing<[u8; 32]>> {
    let shared =
        on_curve!(curve, shared_point(secret, peer, compress)).ok_or(Error::DecryptionFailed)?;
    let eph = on_curve!(curve, encode_point(ephemeral, compress)).ok_or(Error::DecryptionFailed)?;
    let mut ikm = Zeroizing::new(Vec::with_capacity(eph.len() + shared.len()));
    ikm.extend_from_slice(&eph);
    ikm.extend_from_slice(&shared);
    let mut key = Zeroizing::new([0u8; 32]);
    hkdf_sha256(&[], &ikm, &[], key.as_mut_slice())?;
    Ok(key)
}

/// HKDF-SHA256 (RFC 5869) into `okm`. An empty `salt` is the RFC's "not
/// provided" (HashLen zero bytes). ECIES calls it with no salt, no info and a
/// 32-byte output; the general form is what the Wycheproof suite checks.
fn hkdf_sha256(salt: &[u8], ikm: &[u8], info: &[u8], okm: &mut [u8]) -> Result<()> {
    let salt = if salt.is_empty() { None } else { Some(salt) };
    hkdf::Hkdf::<sha2::Sha256>::new(salt, ikm)
        .expand(info, okm)
        .map_err(|_| Error::Internal(Detail::Borrowed("HKDF output length")))
}

/// Derives the key for `header` and runs `aead` with it on `buf`; on any failure
/// `buf` is wiped (a `Vec`: its whole capacity, then emptied).
fn open_with<B: zeroize::Zeroize + ?Sized>(
    secret: &EciesSecretKey,
    header: &Header,
    options: &EciesOptions,
    buf: &mut B,
    aead: impl FnOnce(&[u8; 32], &mut B) -> Result<()>,
) -> Result<()> {
    let eph = &header.ephemeral;
    let result = derive_key(
        secret.curve(),
        secret.scalar(),
        eph,
        eph,
        options.compressed_hkdf_input,
    )
    .and_then(|key| aead(&key, buf));
    if result.is_err() {
        buf.zeroize();
    }
    result
}

/// Builds an envelope with an explicit ephemeral scalar and nonce, after
/// `prefix`, into `sink` (a `Vec` with the exact capacity, or a caller's buffer of
/// the exact length).
#[allow(clippy::too_many_arguments)]
fn seal(
    sink: &mut impl Sink,
    prefix: &[u8],
    plaintext: &[u8],
    recipient: &EciesPublicKey,
    ephemeral_secret: &ScalarBytes,
    ephemeral_point: Option<PointBytes>,
    nonce: &[u8],
    options: &EciesOptions,
) -> Result<()> {
    options.validate()?;
    crate::error::check_len("plaintext", plaintext, MAX_PAYLOAD_LEN)?;
    if nonce.len() != usize::from(options.nonce_len) {
        return Err(Error::InvalidArgument(Detail::Borrowed(
            "nonce length does not match the options",
        )));
    }
    let curve = recipient.curve();
    // A generated key carries its point (one scalar multiplication saved).
    let eph_point = match ephemeral_point {
        Some(p) => p,
        None => on_curve!(curve, public_of(ephemeral_secret))
            .ok_or_else(|| Error::invalid_key("ephemeral secret is not a valid scalar"))?,
    };
    let key = derive_key(
        curve,
        ephemeral_secret,
        recipient.point(),
        &eph_point,
        options.compressed_hkdf_input,
    )?;
    let eph_wire = on_curve!(
        curve,
        encode_point(&eph_point, options.compressed_ephemeral_key)
    )
    .ok_or_else(|| Error::Internal(Detail::Borrowed("point encoding")))?;
    let head_len = prefix.len() + options.overhead();
    sink.put(prefix)?;
    sink.put(&eph_wire)?;
    sink.put(nonce)?;
    sink.put(&[0u8; TAG_LEN])?;
    let tag = sink.put_sealed(&key, nonce, plaintext)?;
    let out = sink.written();
    if out.len() != head_len + plaintext.len() {
        return Err(bad_output_len());
    }
    let tag_slot = out
        .get_mut(head_len - TAG_LEN..head_len)
        .ok_or(Error::Internal(Detail::Borrowed("tag slot")))?;
    tag_slot.copy_from_slice(&tag);
    Ok(())
}

/// Deterministic entry points for test vectors and known-answer tests.
///
/// **Hazardous:** reusing an ephemeral secret or nonce with the same
/// recipient destroys confidentiality. Production code calls
/// [`encrypt`], which draws both from the OS RNG.
pub mod hazmat {
    use super::{EciesOptions, EciesPublicKey, Result};
    use crate::error::{Detail, Error};

    /// Encrypts `plaintext` to `recipient` with the given ephemeral secret
    /// scalar (32 bytes) and nonce (`options.nonce_len` bytes), so pinned
    /// vectors re-encrypt byte-exactly.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for bad options or a nonce length that does
    /// not match them, [`Error::InvalidKey`] when the scalar is zero or not
    /// below the group order, plus the errors of [`encrypt`](super::encrypt).
    pub fn encrypt_with_ephemeral(
        plaintext: &[u8],
        recipient: &EciesPublicKey,
        ephemeral_secret: &[u8],
        nonce: &[u8],
        options: &EciesOptions,
    ) -> Result<Vec<u8>> {
        options.validate()?;
        let sk = zeroize::Zeroizing::new(<[u8; 32]>::try_from(ephemeral_secret).map_err(|_| {
            Error::InvalidKey(Detail::Borrowed("ephemeral secret must be 32 bytes"))
        })?);
        let mut out = Vec::with_capacity(options.overhead().saturating_add(plaintext.len()));
        super::seal(
            &mut out,
            &[],
            plaintext,
            recipient,
            &sk,
            None,
            nonce,
            options,
        )?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `_into` forms write what the allocating forms return, refuse a buffer of the
    /// wrong length before any work, and wipe the buffer when opening fails.
    #[test]
    fn into_forms_match_the_allocating_forms() {
        for curve in Curve::ALL {
            let sk = EciesSecretKey::generate(*curve).unwrap();
            let pk = sk.public_key();
            for (ce, ch, nl) in [(false, false, 16), (true, true, 12)] {
                let o = EciesOptions::default()
                    .with_compressed_ephemeral_key(ce)
                    .with_compressed_hkdf_input(ch)
                    .with_nonce_len(nl);
                for len in [0_usize, 1, 15, 16, 17, 4096] {
                    let pt: Vec<u8> = (0..len)
                        .map(|i| u8::try_from(i * 7 % 251).unwrap())
                        .collect();
                    let mut ct = vec![0u8; len + o.overhead()];
                    encrypt_into(&pt, &pk, &o, &mut ct).unwrap();
                    assert_eq!(decrypt(&ct, &sk, &o).unwrap(), pt);
                    let mut back = vec![0xAA; len];
                    decrypt_into(&ct, &sk, &o, &mut back).unwrap();
                    assert_eq!(back, pt);

                    let mut env = vec![0u8; sealed_envelope_len(len, &o)];
                    seal_envelope_into(&pt, &pk, &o, &mut env).unwrap();
                    assert_eq!(envelope_info(&env).unwrap().options, o);
                    assert_eq!(open_envelope(&env, &sk).unwrap(), pt);
                    let sealed = seal_envelope(&pt, &pk, &o).unwrap();
                    assert_eq!(sealed.len(), env.len());
                    assert_eq!(opened_envelope_len(&sealed).unwrap(), len);
                    let mut opened = vec![0u8; len];
                    open_envelope_into(&sealed, &sk, &mut opened).unwrap();
                    assert_eq!(opened, pt);

                    // Wrong output lengths.
                    for wrong in [
                        len + o.overhead() + 1,
                        (len + o.overhead()).saturating_sub(1),
                    ] {
                        let mut buf = vec![0u8; wrong];
                        let e = encrypt_into(&pt, &pk, &o, &mut buf).unwrap_err();
                        assert_eq!(e.code(), "invalid_argument");
                    }
                    let mut long = vec![0u8; len + 1];
                    assert_eq!(
                        decrypt_into(&ct, &sk, &o, &mut long).unwrap_err().code(),
                        "invalid_argument"
                    );
                    let mut env_long = vec![0u8; env.len() + 1];
                    assert_eq!(
                        seal_envelope_into(&pt, &pk, &o, &mut env_long)
                            .unwrap_err()
                            .code(),
                        "invalid_argument"
                    );

                    // A tampered tag: `decryption_failed`, and the buffer is wiped.
                    if len > 0 {
                        let mut bad = sealed.clone();
                        let last = bad.len() - 1;
                        bad[last] ^= 1;
                        let mut out = vec![0u8; len];
                        let e = open_envelope_into(&bad, &sk, &mut out).unwrap_err();
                        assert_eq!(e, Error::DecryptionFailed);
                        assert!(out.iter().all(|b| *b == 0));
                    }
                }
            }
        }
        // A header that does not parse has no length.
        assert_eq!(
            opened_envelope_len(b"nope").unwrap_err().code(),
            "malformed_input"
        );
    }

    #[test]
    fn curve_names_and_options() {
        for c in Curve::ALL {
            assert_eq!(c.as_str().parse::<Curve>().unwrap(), *c);
        }
        for bad in ["P256", " p256", "secp256r1", "k256", "ed25519"] {
            assert_eq!(
                bad.parse::<Curve>().unwrap_err().code(),
                "invalid_argument",
                "{bad}"
            );
        }
        let o = EciesOptions::default();
        assert_eq!(
            (
                o.compressed_ephemeral_key,
                o.compressed_hkdf_input,
                o.nonce_len
            ),
            (false, false, 16)
        );
        assert_eq!(o.overhead(), 65 + 16 + 16);
        let bad = o.with_nonce_len(0);
        assert_eq!(bad.validate().unwrap_err().code(), "invalid_argument");
        let sk = EciesSecretKey::from_bytes(Curve::P256, &[1; 32]).unwrap();
        assert_eq!(
            encrypt(b"x", &sk.public_key(), &bad).unwrap_err().code(),
            "invalid_argument"
        );
        assert_eq!(
            decrypt(&[0; 200], &sk, &bad).unwrap_err().code(),
            "invalid_argument"
        );
    }

    #[test]
    fn hazmat_checks_nonce_and_scalar() {
        let sk = EciesSecretKey::from_bytes(Curve::P256, &[1; 32]).unwrap();
        let pk = sk.public_key();
        let o = EciesOptions::default();
        let e = hazmat::encrypt_with_ephemeral(b"x", &pk, &[2; 32], &[0; 12], &o).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
        let e = hazmat::encrypt_with_ephemeral(b"x", &pk, &[0; 32], &[0; 16], &o).unwrap_err();
        assert_eq!(e.code(), "invalid_key");
        let ct = hazmat::encrypt_with_ephemeral(b"x", &pk, &[2; 32], &[0; 16], &o).unwrap();
        assert_eq!(decrypt(&ct, &sk, &o).unwrap(), b"x");
        let other = EciesSecretKey::from_bytes(Curve::P256, &[3; 32]).unwrap();
        assert_eq!(
            decrypt_in_place(ct, &other, &o).unwrap_err(),
            Error::DecryptionFailed
        );
    }
}

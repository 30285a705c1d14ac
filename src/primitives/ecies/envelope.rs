//! The storage envelope (documented at the `ecies` root).

use super::{Curve, EciesOptions, EciesPublicKey, EciesSecretKey, MAX_PAYLOAD_LEN};
use crate::error::{Detail, Error, Result};

/// The magic bytes that open every storage envelope.
pub const ENVELOPE_MAGIC: [u8; 4] = *b"KYCE";
/// The only envelope version this build writes and reads.
pub const ENVELOPE_VERSION: u8 = 1;
/// Length of the storage header before the eciesjs bytes.
pub const ENVELOPE_HEADER_LEN: usize = 8;

const FLAG_COMPRESSED_EPHEMERAL: u8 = 0b01;
const FLAG_COMPRESSED_HKDF: u8 = 0b10;

/// What a storage envelope's header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct EnvelopeInfo {
    /// The curve the data was encrypted to.
    pub curve: Curve,
    /// The eciesjs options the data was encrypted with.
    pub options: EciesOptions,
}

const fn curve_id(curve: Curve) -> u8 {
    match curve {
        Curve::P256 => 1,
        Curve::Secp256k1 => 2,
    }
}

/// Encrypts like [`encrypt`](super::encrypt) and prefixes the storage header.
///
/// # Errors
/// As [`encrypt`](super::encrypt).
pub fn seal_envelope(
    plaintext: &[u8],
    recipient: &EciesPublicKey,
    options: &EciesOptions,
) -> Result<Vec<u8>> {
    // One allocation: the header is written first and the ciphertext after it.
    super::encrypt_after(&header(recipient, options)?, plaintext, recipient, options)
}

/// Length of the envelope [`seal_envelope`] writes for a `plaintext_len`-byte
/// plaintext under `options`.
#[must_use]
pub const fn sealed_envelope_len(plaintext_len: usize, options: &EciesOptions) -> usize {
    ENVELOPE_HEADER_LEN
        .saturating_add(options.overhead())
        .saturating_add(plaintext_len)
}

/// [`seal_envelope`] into `out`, a caller's buffer of exactly
/// [`sealed_envelope_len`] bytes (no allocation).
///
/// ```
/// use kycrypt::primitives::ecies::{self, Curve, EciesOptions, EciesSecretKey};
/// let sk = EciesSecretKey::generate(Curve::P256)?;
/// let o = EciesOptions::default();
/// let mut env = vec![0u8; ecies::sealed_envelope_len(5, &o)];
/// ecies::seal_envelope_into(b"hello", &sk.public_key(), &o, &mut env)?;
/// let mut pt = vec![0u8; ecies::opened_envelope_len(&env)?];
/// ecies::open_envelope_into(&env, &sk, &mut pt)?;
/// assert_eq!(pt, b"hello");
/// # Ok::<(), kycrypt::Error>(())
/// ```
///
/// # Errors
/// As [`seal_envelope`]; [`Error::InvalidArgument`] when `out` is not of that length.
pub fn seal_envelope_into(
    plaintext: &[u8],
    recipient: &EciesPublicKey,
    options: &EciesOptions,
    out: &mut [u8],
) -> Result<()> {
    if out.len() != sealed_envelope_len(plaintext.len(), options) {
        return Err(super::bad_output_len());
    }
    let header = header(recipient, options)?;
    super::encrypt_to(
        &mut super::Cursor::new(out),
        &header,
        plaintext,
        recipient,
        options,
    )
}

/// The storage header for `recipient`'s curve and `options`.
fn header(recipient: &EciesPublicKey, options: &EciesOptions) -> Result<[u8; ENVELOPE_HEADER_LEN]> {
    options.validate()?;
    let mut flags = 0u8;
    if options.compressed_ephemeral_key {
        flags |= FLAG_COMPRESSED_EPHEMERAL;
    }
    if options.compressed_hkdf_input {
        flags |= FLAG_COMPRESSED_HKDF;
    }
    let mut header = [0u8; ENVELOPE_HEADER_LEN];
    let (magic, rest) = header.split_at_mut(ENVELOPE_MAGIC.len());
    magic.copy_from_slice(&ENVELOPE_MAGIC);
    rest.copy_from_slice(&[
        ENVELOPE_VERSION,
        curve_id(recipient.curve()),
        flags,
        options.nonce_len,
    ]);
    Ok(header)
}

/// [`seal_envelope`] in its base64 text form.
///
/// # Errors
/// As [`seal_envelope`].
pub fn seal_envelope_base64(
    plaintext: &[u8],
    recipient: &EciesPublicKey,
    options: &EciesOptions,
) -> Result<String> {
    Ok(crate::encoding::b64_encode(&seal_envelope(
        plaintext, recipient, options,
    )?))
}

/// Reads a storage envelope's header.
///
/// # Errors
/// [`Error::MalformedInput`] for a short input, wrong magic, unknown curve id,
/// reserved flag bits or a nonce length other than 12/16;
/// [`Error::UnsupportedAlgorithm`] for a version other than 1.
pub fn envelope_info(envelope: &[u8]) -> Result<EnvelopeInfo> {
    let header = envelope
        .get(..ENVELOPE_HEADER_LEN)
        .ok_or_else(|| Error::malformed("storage envelope is too short"))?;
    let [m0, m1, m2, m3, version, curve, flags, nonce_len] =
        <[u8; ENVELOPE_HEADER_LEN]>::try_from(header)
            .map_err(|_| Error::malformed("storage envelope is too short"))?;
    if [m0, m1, m2, m3] != ENVELOPE_MAGIC {
        return Err(Error::malformed(
            "not a kycrypt storage envelope (bad magic)",
        ));
    }
    if version != ENVELOPE_VERSION {
        return Err(Error::UnsupportedAlgorithm(Detail::Owned(format!(
            "storage envelope version {version}"
        ))));
    }
    let curve = match curve {
        1 => Curve::P256,
        2 => Curve::Secp256k1,
        _ => return Err(Error::malformed("unknown curve id in storage envelope")),
    };
    if flags & !(FLAG_COMPRESSED_EPHEMERAL | FLAG_COMPRESSED_HKDF) != 0 {
        return Err(Error::malformed(
            "reserved flag bits set in storage envelope",
        ));
    }
    let options = EciesOptions {
        compressed_ephemeral_key: flags & FLAG_COMPRESSED_EPHEMERAL != 0,
        compressed_hkdf_input: flags & FLAG_COMPRESSED_HKDF != 0,
        nonce_len,
    };
    options
        .validate()
        .map_err(|_| Error::malformed("bad nonce length in storage envelope"))?;
    Ok(EnvelopeInfo { curve, options })
}

/// Opens a storage envelope with the options its header records.
///
/// # Errors
/// As [`envelope_info`]; [`Error::CurveMismatch`] when the envelope's curve is
/// not the key's; then as [`decrypt`](super::decrypt).
pub fn open_envelope(envelope: &[u8], secret: &EciesSecretKey) -> Result<Vec<u8>> {
    let (raw, options) = raw_for(envelope, secret)?;
    super::decrypt(raw, secret, &options)
}

/// Length of the plaintext [`open_envelope`] returns for `envelope`, from its header
/// and length (0 for an envelope too short to hold one, which opening then refuses).
///
/// # Errors
/// As [`envelope_info`].
pub fn opened_envelope_len(envelope: &[u8]) -> Result<usize> {
    let info = envelope_info(envelope)?;
    Ok(envelope
        .len()
        .saturating_sub(ENVELOPE_HEADER_LEN)
        .saturating_sub(info.options.overhead()))
}

/// [`open_envelope`] into `out`, a caller's buffer of exactly
/// [`opened_envelope_len`] bytes (no allocation). On error `out` is wiped.
///
/// # Errors
/// As [`open_envelope`]; [`Error::InvalidArgument`] when `out` is not of that length.
pub fn open_envelope_into(envelope: &[u8], secret: &EciesSecretKey, out: &mut [u8]) -> Result<()> {
    let (raw, options) = raw_for(envelope, secret)?;
    super::decrypt_into(raw, secret, &options, out)
}

/// The eciesjs bytes of `envelope` and their options, checked against `secret`'s curve.
fn raw_for<'a>(envelope: &'a [u8], secret: &EciesSecretKey) -> Result<(&'a [u8], EciesOptions)> {
    let info = envelope_info(envelope)?;
    if info.curve != secret.curve() {
        return Err(Error::CurveMismatch(Detail::Owned(format!(
            "the envelope is for {}, the key is {}",
            info.curve,
            secret.curve()
        ))));
    }
    let raw = envelope
        .get(ENVELOPE_HEADER_LEN..)
        .ok_or_else(|| Error::malformed("storage envelope is too short"))?;
    Ok((raw, info.options))
}

/// [`open_envelope`] for the base64 text form.
///
/// # Errors
/// [`Error::MalformedInput`] when the text is not base64, [`Error::InputTooLarge`]
/// above the payload limit, then as [`open_envelope`].
pub fn open_envelope_base64(text: &str, secret: &EciesSecretKey) -> Result<Vec<u8>> {
    let limit = (MAX_PAYLOAD_LEN + 256) / 3 * 4 + 4;
    crate::error::check_len("storage envelope text", text.as_bytes(), limit)?;
    let bytes = crate::encoding::b64_decode("storage envelope", text.trim())?;
    open_envelope(&bytes, secret)
}

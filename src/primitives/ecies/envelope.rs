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
    // One allocation: the header is written first and the ciphertext after it.
    super::encrypt_after(&header, plaintext, recipient, options)
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
    super::decrypt(raw, secret, &info.options)
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

//! ECIES (eciesjs-compatible) encryption and the `KYCE` envelope (mirrors
//! `bindings/ffi/src/ecies.rs`), used for Moca CAK keys.

use kycrypt::primitives::ecies as core;
use napi::bindgen_prelude::{Buffer, Uint8Array};
use napi_derive::napi;

use crate::KyError;
use crate::common::invalid_argument;
use crate::guard::{from_core, napi_guard};

/// The curve of an ECIES key: `"p256"` or `"secp256k1"`.
#[napi(string_enum = "lowercase")]
#[derive(Debug, PartialEq, Eq)]
// Only ever constructed by napi from a JS string; JS sees a string union, which can grow.
#[allow(clippy::exhaustive_enums)]
pub enum Curve {
    /// NIST P-256.
    P256,
    /// secp256k1.
    Secp256k1,
}

impl From<Curve> for core::Curve {
    fn from(c: Curve) -> Self {
        match c {
            Curve::P256 => Self::P256,
            Curve::Secp256k1 => Self::Secp256k1,
        }
    }
}

impl From<core::Curve> for Curve {
    fn from(c: core::Curve) -> Self {
        match c {
            core::Curve::Secp256k1 => Self::Secp256k1,
            _ => Self::P256,
        }
    }
}

/// The ECIES wire options (must match the other side; the envelope records
/// them). Every member is optional.
#[napi(object)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EciesOptions {
    /// Send the ephemeral key compressed (default false).
    pub compressed_ephemeral_key: Option<bool>,
    /// Use compressed points in the HKDF input (default false).
    pub compressed_hkdf_input: Option<bool>,
    /// AES-GCM nonce length: 16 (eciesjs default) or 12.
    pub nonce_len: Option<u32>,
}

/// The core options: the core's defaults, overridden by the members given.
fn options(o: Option<EciesOptions>) -> Result<core::EciesOptions, KyError> {
    let o = o.unwrap_or_default();
    let mut core_opts = core::EciesOptions::default();
    if let Some(e) = o.compressed_ephemeral_key {
        core_opts = core_opts.with_compressed_ephemeral_key(e);
    }
    if let Some(h) = o.compressed_hkdf_input {
        core_opts = core_opts.with_compressed_hkdf_input(h);
    }
    if let Some(n) = o.nonce_len {
        let n = u8::try_from(n).map_err(|_| invalid_argument("nonceLen is 12 or 16"))?;
        core_opts = core_opts.with_nonce_len(n);
    }
    Ok(core_opts)
}

impl From<core::EciesOptions> for EciesOptions {
    fn from(o: core::EciesOptions) -> Self {
        Self {
            compressed_ephemeral_key: Some(o.compressed_ephemeral_key),
            compressed_hkdf_input: Some(o.compressed_hkdf_input),
            nonce_len: Some(o.nonce_len.into()),
        }
    }
}

/// A recipient's public key, parsed once.
#[napi]
pub struct EciesPublicKey(core::EciesPublicKey);

#[napi]
impl EciesPublicKey {
    /// Parses hex (SEC1, optional `0x`), base64 SEC1, or an SPKI PEM.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch`, `malformed_input`, `input_too_large`.
    #[napi(factory)]
    pub fn parse(curve: Curve, text: String) -> Result<Self, KyError> {
        napi_guard!({
            core::EciesPublicKey::parse(curve.into(), &text)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// From SEC1 bytes (33 or 65).
    ///
    /// # Errors
    /// `invalid_key`.
    #[napi(factory)]
    pub fn from_bytes(curve: Curve, bytes: Uint8Array) -> Result<Self, KyError> {
        napi_guard!({
            core::EciesPublicKey::from_bytes(curve.into(), &bytes)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// From an SPKI DER.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch`.
    #[napi(factory)]
    pub fn from_spki_der(curve: Curve, der: Uint8Array) -> Result<Self, KyError> {
        napi_guard!({
            core::EciesPublicKey::from_spki_der(curve.into(), &der)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// The curve.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn curve(&self) -> Result<Curve, KyError> {
        napi_guard!({ Ok(self.0.curve().into()) })
    }

    /// SEC1 encoding (33 bytes compressed, 65 uncompressed).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn to_sec1_bytes(&self, compressed: bool) -> Result<Buffer, KyError> {
        napi_guard!({ Ok(self.0.to_sec1_bytes(compressed).into()) })
    }
}

/// A secret ECIES key, parsed once; zeroized when collected and never shown.
#[napi]
pub struct EciesSecretKey(core::EciesSecretKey);

#[napi]
impl EciesSecretKey {
    /// Parses hex (32 bytes, optional `0x`), base64, or a PEM.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch`, `malformed_input`, `input_too_large`.
    #[napi(factory)]
    pub fn parse(curve: Curve, text: String) -> Result<Self, KyError> {
        napi_guard!({
            core::EciesSecretKey::parse(curve.into(), &text)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// From the 32-byte scalar.
    ///
    /// # Errors
    /// `invalid_key`.
    #[napi(factory)]
    pub fn from_bytes(curve: Curve, bytes: Uint8Array) -> Result<Self, KyError> {
        napi_guard!({
            core::EciesSecretKey::from_bytes(curve.into(), &bytes)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// From a PKCS#8 or SEC1 PEM.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch`.
    #[napi(factory)]
    pub fn from_pem(curve: Curve, pem: String) -> Result<Self, KyError> {
        napi_guard!({
            core::EciesSecretKey::from_pem(curve.into(), &pem)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// A fresh random key (OS CSPRNG).
    ///
    /// # Errors
    /// `internal` when the OS RNG fails.
    #[napi(factory)]
    pub fn generate(curve: Curve) -> Result<Self, KyError> {
        napi_guard!({
            core::EciesSecretKey::generate(curve.into())
                .map(Self)
                .map_err(from_core)
        })
    }

    /// The curve.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn curve(&self) -> Result<Curve, KyError> {
        napi_guard!({ Ok(self.0.curve().into()) })
    }

    /// The matching public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn public_key(&self) -> Result<EciesPublicKey, KyError> {
        napi_guard!({ Ok(EciesPublicKey(self.0.public_key())) })
    }
}

/// Encrypts `plaintext` to `recipient` (raw eciesjs format: ephemeral key,
/// nonce, tag, ciphertext).
///
/// # Errors
/// `invalid_argument` (options), `input_too_large`.
#[napi]
pub fn ecies_encrypt(
    recipient: &EciesPublicKey,
    plaintext: Uint8Array,
    options: Option<EciesOptions>,
) -> Result<Buffer, KyError> {
    napi_guard!({
        core::encrypt(&plaintext, &recipient.0, &self::options(options)?)
            .map(Buffer::from)
            .map_err(from_core)
    })
}

/// Decrypts a raw eciesjs ciphertext.
///
/// # Errors
/// `decryption_failed` (wrong key or tampered), `malformed_input`, `invalid_argument`.
#[napi]
pub fn ecies_decrypt(
    secret: &EciesSecretKey,
    ciphertext: Uint8Array,
    options: Option<EciesOptions>,
) -> Result<Buffer, KyError> {
    napi_guard!({
        core::decrypt(&ciphertext, &secret.0, &self::options(options)?)
            .map(Buffer::from)
            .map_err(from_core)
    })
}

/// HAZMAT, for test vectors only: encrypts with a given ephemeral secret
/// (32 bytes) and nonce. Reusing them breaks confidentiality; use
/// [`ecies_encrypt`].
///
/// # Errors
/// `invalid_key`, `invalid_argument`, plus the errors of [`ecies_encrypt`].
#[napi]
pub fn ecies_encrypt_with_ephemeral(
    recipient: &EciesPublicKey,
    plaintext: Uint8Array,
    options: Option<EciesOptions>,
    ephemeral_secret: Uint8Array,
    nonce: Uint8Array,
) -> Result<Buffer, KyError> {
    napi_guard!({
        core::hazmat::encrypt_with_ephemeral(
            &plaintext,
            &recipient.0,
            &ephemeral_secret,
            &nonce,
            &self::options(options)?,
        )
        .map(Buffer::from)
        .map_err(from_core)
    })
}

/// Encrypts into a self-describing `KYCE` envelope (curve and options recorded).
///
/// # Errors
/// As [`ecies_encrypt`].
#[napi]
pub fn seal_envelope(
    recipient: &EciesPublicKey,
    plaintext: Uint8Array,
    options: Option<EciesOptions>,
) -> Result<Buffer, KyError> {
    napi_guard!({
        core::seal_envelope(&plaintext, &recipient.0, &self::options(options)?)
            .map(Buffer::from)
            .map_err(from_core)
    })
}

/// [`seal_envelope`] as standard base64 text.
///
/// # Errors
/// As [`ecies_encrypt`].
#[napi]
pub fn seal_envelope_base64(
    recipient: &EciesPublicKey,
    plaintext: Uint8Array,
    options: Option<EciesOptions>,
) -> Result<String, KyError> {
    napi_guard!({
        core::seal_envelope_base64(&plaintext, &recipient.0, &self::options(options)?)
            .map_err(from_core)
    })
}

/// Opens a `KYCE` envelope.
///
/// # Errors
/// `decryption_failed`, `curve_mismatch`, `malformed_input`.
#[napi]
pub fn open_envelope(secret: &EciesSecretKey, envelope: Uint8Array) -> Result<Buffer, KyError> {
    napi_guard!({
        core::open_envelope(&envelope, &secret.0)
            .map(Buffer::from)
            .map_err(from_core)
    })
}

/// Opens a base64 `KYCE` envelope.
///
/// # Errors
/// As [`open_envelope`].
#[napi]
pub fn open_envelope_base64(
    secret: &EciesSecretKey,
    envelope_b64: String,
) -> Result<Buffer, KyError> {
    napi_guard!({
        core::open_envelope_base64(&envelope_b64, &secret.0)
            .map(Buffer::from)
            .map_err(from_core)
    })
}

/// What an envelope header says.
#[napi(object)]
#[derive(Debug, PartialEq, Eq)]
pub struct EnvelopeInfo {
    /// The recipient's curve.
    pub curve: Curve,
    /// The ECIES options used (every member present).
    pub options: EciesOptions,
}

/// Reads an envelope's header without decrypting.
///
/// # Errors
/// `malformed_input`.
#[napi]
pub fn envelope_info(envelope: Uint8Array) -> Result<EnvelopeInfo, KyError> {
    napi_guard!({
        let i = core::envelope_info(&envelope).map_err(from_core)?;
        Ok(EnvelopeInfo {
            curve: i.curve.into(),
            options: i.options.into(),
        })
    })
}

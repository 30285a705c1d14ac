//! ECIES (eciesjs-compatible) encryption and the `KYCE` envelope (mirrors
//! `kycrypt::primitives::ecies`), used for Moca CAK keys.

use std::sync::Arc;

use kycrypt::primitives::ecies as core;

use crate::{FfiError, ffi_guard};

/// The curve of an ECIES key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
#[non_exhaustive]
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

/// The ECIES wire options (must match the other side; the envelope records them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct EciesOptions {
    /// Send the ephemeral key compressed (default false).
    #[uniffi(default = false)]
    pub compressed_ephemeral_key: bool,
    /// Use compressed points in the HKDF input (default false).
    #[uniffi(default = false)]
    pub compressed_hkdf_input: bool,
    /// AES-GCM nonce length: 16 (eciesjs default) or 12.
    #[uniffi(default = 16)]
    pub nonce_len: u8,
}

impl From<EciesOptions> for core::EciesOptions {
    fn from(o: EciesOptions) -> Self {
        Self::default()
            .with_compressed_ephemeral_key(o.compressed_ephemeral_key)
            .with_compressed_hkdf_input(o.compressed_hkdf_input)
            .with_nonce_len(o.nonce_len)
    }
}

impl From<core::EciesOptions> for EciesOptions {
    fn from(o: core::EciesOptions) -> Self {
        Self {
            compressed_ephemeral_key: o.compressed_ephemeral_key,
            compressed_hkdf_input: o.compressed_hkdf_input,
            nonce_len: o.nonce_len,
        }
    }
}

/// A recipient's public key, parsed once.
#[derive(Debug, uniffi::Object)]
pub struct EciesPublicKey(core::EciesPublicKey);

#[uniffi::export]
impl EciesPublicKey {
    /// Parses hex (SEC1, optional `0x`), base64 SEC1, or an SPKI PEM.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch`, `malformed_input`, `input_too_large`.
    #[uniffi::constructor]
    pub fn parse(curve: Curve, text: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(core::EciesPublicKey::parse(
                curve.into(),
                &text,
            )?)))
        })
    }

    /// From SEC1 bytes (33 or 65).
    ///
    /// # Errors
    /// `invalid_key`.
    #[uniffi::constructor]
    pub fn from_bytes(curve: Curve, bytes: Vec<u8>) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(core::EciesPublicKey::from_bytes(
                curve.into(),
                &bytes,
            )?)))
        })
    }

    /// From an SPKI DER.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch`.
    #[uniffi::constructor]
    pub fn from_spki_der(curve: Curve, der: Vec<u8>) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(core::EciesPublicKey::from_spki_der(
                curve.into(),
                &der,
            )?)))
        })
    }

    /// The curve.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn curve(&self) -> Result<Curve, FfiError> {
        ffi_guard!({ Ok(self.0.curve().into()) })
    }

    /// SEC1 encoding (33 bytes compressed, 65 uncompressed).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn to_sec1_bytes(&self, compressed: bool) -> Result<Vec<u8>, FfiError> {
        ffi_guard!({ Ok(self.0.to_sec1_bytes(compressed)) })
    }
}

/// A secret ECIES key, parsed once; zeroized when released and never shown.
#[derive(Debug, uniffi::Object)]
pub struct EciesSecretKey(core::EciesSecretKey);

#[uniffi::export]
impl EciesSecretKey {
    /// Parses hex (32 bytes, optional `0x`), base64, or a PEM.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch`, `malformed_input`, `input_too_large`.
    #[uniffi::constructor]
    pub fn parse(curve: Curve, text: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(core::EciesSecretKey::parse(
                curve.into(),
                &text,
            )?)))
        })
    }

    /// From the 32-byte scalar.
    ///
    /// # Errors
    /// `invalid_key`.
    #[uniffi::constructor]
    pub fn from_bytes(curve: Curve, bytes: Vec<u8>) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(core::EciesSecretKey::from_bytes(
                curve.into(),
                &bytes,
            )?)))
        })
    }

    /// From a PKCS#8 or SEC1 PEM.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch`.
    #[uniffi::constructor]
    pub fn from_pem(curve: Curve, pem: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(core::EciesSecretKey::from_pem(
                curve.into(),
                &pem,
            )?)))
        })
    }

    /// A fresh random key (OS CSPRNG).
    ///
    /// # Errors
    /// `internal` when the OS RNG fails.
    #[uniffi::constructor]
    pub fn generate(curve: Curve) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(core::EciesSecretKey::generate(
                curve.into(),
            )?)))
        })
    }

    /// The curve.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn curve(&self) -> Result<Curve, FfiError> {
        ffi_guard!({ Ok(self.0.curve().into()) })
    }

    /// The matching public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn public_key(&self) -> Result<Arc<EciesPublicKey>, FfiError> {
        ffi_guard!({ Ok(Arc::new(EciesPublicKey(self.0.public_key()))) })
    }
}

/// Encrypts `plaintext` to `recipient` (raw eciesjs format: ephemeral key,
/// nonce, tag, ciphertext).
///
/// # Errors
/// `invalid_argument` (options), `input_too_large`.
#[uniffi::export]
pub fn ecies_encrypt(
    recipient: Arc<EciesPublicKey>,
    plaintext: Vec<u8>,
    options: EciesOptions,
) -> Result<Vec<u8>, FfiError> {
    ffi_guard!({ Ok(core::encrypt(&plaintext, &recipient.0, &options.into())?) })
}

/// Decrypts a raw eciesjs ciphertext.
///
/// # Errors
/// `decryption_failed` (wrong key or tampered), `malformed_input`, `invalid_argument`.
#[uniffi::export]
pub fn ecies_decrypt(
    secret: Arc<EciesSecretKey>,
    ciphertext: Vec<u8>,
    options: EciesOptions,
) -> Result<Vec<u8>, FfiError> {
    ffi_guard!({ Ok(core::decrypt(&ciphertext, &secret.0, &options.into())?) })
}

/// HAZMAT, for test vectors only: encrypts with a given ephemeral secret
/// (32 bytes) and nonce. Reusing them breaks confidentiality; use
/// [`ecies_encrypt`].
///
/// # Errors
/// `invalid_key`, `invalid_argument`, plus the errors of [`ecies_encrypt`].
#[uniffi::export]
pub fn ecies_encrypt_with_ephemeral(
    recipient: Arc<EciesPublicKey>,
    plaintext: Vec<u8>,
    options: EciesOptions,
    ephemeral_secret: Vec<u8>,
    nonce: Vec<u8>,
) -> Result<Vec<u8>, FfiError> {
    ffi_guard!({
        Ok(core::hazmat::encrypt_with_ephemeral(
            &plaintext,
            &recipient.0,
            &ephemeral_secret,
            &nonce,
            &options.into(),
        )?)
    })
}

/// Encrypts into a self-describing `KYCE` envelope (curve and options recorded).
///
/// # Errors
/// As [`ecies_encrypt`].
#[uniffi::export]
pub fn seal_envelope(
    recipient: Arc<EciesPublicKey>,
    plaintext: Vec<u8>,
    options: EciesOptions,
) -> Result<Vec<u8>, FfiError> {
    ffi_guard!({
        Ok(core::seal_envelope(
            &plaintext,
            &recipient.0,
            &options.into(),
        )?)
    })
}

/// [`seal_envelope`] as standard base64 text.
///
/// # Errors
/// As [`ecies_encrypt`].
#[uniffi::export]
pub fn seal_envelope_base64(
    recipient: Arc<EciesPublicKey>,
    plaintext: Vec<u8>,
    options: EciesOptions,
) -> Result<String, FfiError> {
    ffi_guard!({
        Ok(core::seal_envelope_base64(
            &plaintext,
            &recipient.0,
            &options.into(),
        )?)
    })
}

/// Opens a `KYCE` envelope.
///
/// # Errors
/// `decryption_failed`, `curve_mismatch`, `malformed_input`.
#[uniffi::export]
pub fn open_envelope(secret: Arc<EciesSecretKey>, envelope: Vec<u8>) -> Result<Vec<u8>, FfiError> {
    ffi_guard!({ Ok(core::open_envelope(&envelope, &secret.0)?) })
}

/// Opens a base64 `KYCE` envelope.
///
/// # Errors
/// As [`open_envelope`].
#[uniffi::export]
pub fn open_envelope_base64(
    secret: Arc<EciesSecretKey>,
    envelope_b64: String,
) -> Result<Vec<u8>, FfiError> {
    ffi_guard!({ Ok(core::open_envelope_base64(&envelope_b64, &secret.0)?) })
}

/// What an envelope header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct EnvelopeInfo {
    /// The recipient's curve.
    pub curve: Curve,
    /// The ECIES options used.
    pub options: EciesOptions,
}

/// Reads an envelope's header without decrypting.
///
/// # Errors
/// `malformed_input`.
#[uniffi::export]
pub fn envelope_info(envelope: Vec<u8>) -> Result<EnvelopeInfo, FfiError> {
    ffi_guard!({
        let i = core::envelope_info(&envelope)?;
        Ok(EnvelopeInfo {
            curve: i.curve.into(),
            options: i.options.into(),
        })
    })
}

//! ECIES (eciesjs-compatible) encryption and the `KYCE` storage envelope, used for
//! Moca CAK keys (the core's `kycrypt::primitives::ecies`).

// `vec.into()` makes the `BytesOut` of either binding: a `Buffer` under napi, the
// identity under UniFFI (where `BytesOut` is `Vec<u8>`).

use std::sync::Arc;

#[cfg(napi)]
use napi_derive::napi;

use kycrypt::primitives::ecies as core;

use crate::api::common::invalid_argument;
use crate::api::macros::{bind_enum, bind_methods};
use crate::shim::{BytesIn, BytesOut, Error, guard};

bind_enum! {
    /// The curve of an ECIES key or envelope (JS: `'p256' | 'secp256k1'`).
    pub enum Curve: core::Curve {
        /// NIST P-256 (secp256r1, prime256v1): the Moca CAK default.
        P256 = "p256",
        /// secp256k1 (the eciesjs default curve).
        Secp256k1 = "secp256k1",
    }
}

/// The ECIES wire options; both sides must use the same (an envelope records them). A
/// field left out (`None`) is the core's default, eciesjs's default configuration.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EciesOptions {
    /// Send the ephemeral key compressed, 33 bytes instead of 65 (eciesjs
    /// `isEphemeralKeyCompressed`; default false).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub compressed_ephemeral_key: Option<bool>,
    /// Feed both points to HKDF compressed (eciesjs `isHkdfKeyCompressed`; default
    /// false).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub compressed_hkdf_input: Option<bool>,
    /// AES-GCM nonce length in bytes: 16 (the eciesjs default) or 12.
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub nonce_len: Option<i64>,
}

impl EciesOptions {
    /// The core's options: its defaults, overridden by what is set here.
    pub(crate) fn to_core(o: Option<Self>) -> Result<core::EciesOptions, kycrypt::Error> {
        let o = o.unwrap_or_default();
        let mut c = core::EciesOptions::default();
        if let Some(e) = o.compressed_ephemeral_key {
            c = c.with_compressed_ephemeral_key(e);
        }
        if let Some(h) = o.compressed_hkdf_input {
            c = c.with_compressed_hkdf_input(h);
        }
        if let Some(n) = o.nonce_len {
            let n = u8::try_from(n).map_err(|_| invalid_argument("nonce_len must be 12 or 16"))?;
            c = c.with_nonce_len(n);
        }
        Ok(c)
    }

    /// Every field set, from the core's options.
    fn from_core(o: core::EciesOptions) -> Self {
        Self {
            compressed_ephemeral_key: Some(o.compressed_ephemeral_key),
            compressed_hkdf_input: Some(o.compressed_hkdf_input),
            nonce_len: Some(i64::from(o.nonce_len)),
        }
    }
}

/// A recipient's ECIES public key, parsed once.
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct EciesPublicKey(pub(crate) Arc<core::EciesPublicKey>);

impl EciesPublicKey {
    /// The core key, shared (for work on another thread, e.g. a Node async task).
    #[allow(dead_code)]
    pub(crate) fn shared(&self) -> Arc<core::EciesPublicKey> {
        Arc::clone(&self.0)
    }
}

bind_methods! {
impl EciesPublicKey {
    /// Parses hex SEC1 (optional `0x`), base64 SEC1, or an SPKI PEM.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch` (a key of the other curve), `malformed_input`,
    /// `input_too_large`.
    factory pub fn parse(curve: Curve, text: String) -> Result<Self, Error> {
        guard(|| Ok(Self(Arc::new(core::EciesPublicKey::parse(curve.into(), &text)?))))
    }

    /// From SEC1 bytes (33 compressed or 65 uncompressed).
    ///
    /// # Errors
    /// `invalid_key`.
    factory pub fn from_bytes(curve: Curve, bytes: BytesIn) -> Result<Self, Error> {
        guard(|| Ok(Self(Arc::new(core::EciesPublicKey::from_bytes(curve.into(), &bytes)?))))
    }

    /// From an SPKI DER.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch`.
    factory pub fn from_spki_der(curve: Curve, der: BytesIn) -> Result<Self, Error> {
        guard(|| Ok(Self(Arc::new(core::EciesPublicKey::from_spki_der(curve.into(), &der)?))))
    }

    /// The curve of this key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn curve(&self) -> Result<Curve, Error> {
        guard(|| self.0.curve().try_into())
    }

    /// The SEC1 encoding: 33 bytes compressed, 65 uncompressed.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn to_sec1_bytes(&self, compressed: bool) -> Result<BytesOut, Error> {
        guard(|| Ok(self.0.to_sec1_bytes(compressed).into()))
    }
}
}

/// A secret ECIES key, parsed once. Zeroized when released; it never shows its bytes.
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct EciesSecretKey(pub(crate) Arc<core::EciesSecretKey>);

impl EciesSecretKey {
    /// The core key, shared (for work on another thread, e.g. a Node async task).
    #[allow(dead_code)]
    pub(crate) fn shared(&self) -> Arc<core::EciesSecretKey> {
        Arc::clone(&self.0)
    }
}

bind_methods! {
impl EciesSecretKey {
    /// Parses hex (32 bytes, optional `0x`), base64, or a PEM.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch`, `malformed_input`, `input_too_large`.
    factory pub fn parse(curve: Curve, text: String) -> Result<Self, Error> {
        guard(|| Ok(Self(Arc::new(core::EciesSecretKey::parse(curve.into(), &text)?))))
    }

    /// From the 32-byte secret scalar.
    ///
    /// # Errors
    /// `invalid_key`.
    factory pub fn from_bytes(curve: Curve, bytes: BytesIn) -> Result<Self, Error> {
        guard(|| Ok(Self(Arc::new(core::EciesSecretKey::from_bytes(curve.into(), &bytes)?))))
    }

    /// From a PKCS#8 or SEC1 PEM.
    ///
    /// # Errors
    /// `invalid_key`, `curve_mismatch`.
    factory pub fn from_pem(curve: Curve, pem: String) -> Result<Self, Error> {
        guard(|| Ok(Self(Arc::new(core::EciesSecretKey::from_pem(curve.into(), &pem)?))))
    }

    /// A fresh random key from the operating system's CSPRNG.
    ///
    /// # Errors
    /// `internal` when the OS random generator fails.
    factory pub fn generate(curve: Curve) -> Result<Self, Error> {
        guard(|| Ok(Self(Arc::new(core::EciesSecretKey::generate(curve.into())?))))
    }

    /// The curve of this key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn curve(&self) -> Result<Curve, Error> {
        guard(|| self.0.curve().try_into())
    }

    /// The matching public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn public_key(&self) -> Result<EciesPublicKey, Error> {
        guard(|| Ok(EciesPublicKey(Arc::new(self.0.public_key()))))
    }
}
}

/// Encrypts `plaintext` to `recipient` with a fresh ephemeral key and nonce, in the
/// raw eciesjs format (ephemeral key, nonce, tag, ciphertext).
///
/// # Errors
/// `invalid_argument` (options), `input_too_large` (above 256 MiB), `internal` when
/// the OS random generator fails.
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
pub fn ecies_encrypt(
    plaintext: BytesIn,
    recipient: &EciesPublicKey,
    options: Option<EciesOptions>,
) -> Result<BytesOut, Error> {
    guard(|| Ok(core::encrypt(&plaintext, &recipient.0, &EciesOptions::to_core(options)?)?.into()))
}

/// Decrypts a raw eciesjs ciphertext with `secret`, under the options it was
/// encrypted with.
///
/// # Errors
/// `decryption_failed` (wrong key or tampered), `curve_mismatch`, `malformed_input`,
/// `input_too_large`, `invalid_argument` (options).
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
pub fn ecies_decrypt(
    ciphertext: BytesIn,
    secret: &EciesSecretKey,
    options: Option<EciesOptions>,
) -> Result<BytesOut, Error> {
    guard(|| Ok(core::decrypt(&ciphertext, &secret.0, &EciesOptions::to_core(options)?)?.into()))
}

/// Encrypts `plaintext` to `recipient` into a self-describing `KYCE` envelope (the
/// curve and the options are recorded in its header).
///
/// # Errors
/// As `ecies_encrypt`.
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
pub fn seal_envelope(
    plaintext: BytesIn,
    recipient: &EciesPublicKey,
    options: Option<EciesOptions>,
) -> Result<BytesOut, Error> {
    guard(|| {
        Ok(core::seal_envelope(&plaintext, &recipient.0, &EciesOptions::to_core(options)?)?.into())
    })
}

/// `seal_envelope` as standard base64 text.
///
/// # Errors
/// As `ecies_encrypt`.
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
pub fn seal_envelope_base64(
    plaintext: BytesIn,
    recipient: &EciesPublicKey,
    options: Option<EciesOptions>,
) -> Result<String, Error> {
    guard(|| core::seal_envelope_base64(&plaintext, &recipient.0, &EciesOptions::to_core(options)?))
}

/// Opens a `KYCE` envelope with `secret` (the options come from its header).
///
/// # Errors
/// `decryption_failed`, `curve_mismatch`, `malformed_input`, `unsupported_algorithm`
/// (an unknown envelope version).
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn open_envelope(envelope: BytesIn, secret: &EciesSecretKey) -> Result<BytesOut, Error> {
    guard(|| Ok(core::open_envelope(&envelope, &secret.0)?.into()))
}

/// Opens a `KYCE` envelope given as standard base64 text.
///
/// # Errors
/// As `open_envelope`; `malformed_input` when it is not base64.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn open_envelope_base64(
    envelope_b64: String,
    secret: &EciesSecretKey,
) -> Result<BytesOut, Error> {
    guard(|| Ok(core::open_envelope_base64(&envelope_b64, &secret.0)?.into()))
}

/// What a `KYCE` envelope's header says.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnvelopeInfo {
    /// The recipient's curve.
    pub curve: Curve,
    /// The ECIES options it was sealed with (every field set).
    pub options: EciesOptions,
}

/// Reads a `KYCE` envelope's header, without decrypting.
///
/// # Errors
/// `malformed_input` (too short, wrong magic, unknown curve, bad flags or nonce
/// length), `unsupported_algorithm` (an unknown version).
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn envelope_info(envelope: BytesIn) -> Result<EnvelopeInfo, Error> {
    guard(|| {
        let i = core::envelope_info(&envelope)?;
        Ok(EnvelopeInfo {
            curve: i.curve.try_into()?,
            options: EciesOptions::from_core(i.options),
        })
    })
}

// Run once, in the UniFFI build (under napi, `Secs` is an `f64` and bytes are JS
// buffers; the Node suite covers that side).
#[cfg(test)]
#[cfg(uniffi)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// Owned bytes of a returned buffer.
    fn bytes(b: BytesOut) -> Vec<u8> {
        b.to_vec()
    }

    fn opts(e: bool, h: bool, n: i64) -> Option<EciesOptions> {
        Some(EciesOptions {
            compressed_ephemeral_key: Some(e),
            compressed_hkdf_input: Some(h),
            nonce_len: Some(n),
        })
    }

    #[test]
    fn curves_keep_the_core_spelling() {
        for c in core::Curve::ALL {
            let b = Curve::try_from(*c).unwrap();
            assert_eq!(b.name(), c.as_str());
            assert_eq!(core::Curve::from(b), *c);
        }
        assert_eq!(Curve::ALL.len(), core::Curve::ALL.len());
    }

    #[test]
    fn options_default_to_the_core_and_are_checked() {
        assert_eq!(
            EciesOptions::to_core(None).unwrap(),
            core::EciesOptions::default()
        );
        assert_eq!(
            EciesOptions::from_core(core::EciesOptions::default()),
            EciesOptions {
                compressed_ephemeral_key: Some(false),
                compressed_hkdf_input: Some(false),
                nonce_len: Some(16),
            }
        );
        for bad in [-1, 256, 300] {
            let e = EciesOptions::to_core(opts(false, false, bad)).unwrap_err();
            assert_eq!(e.code(), "invalid_argument", "{bad}");
        }
        // In range for the field, refused by the core when used.
        let eight = EciesOptions::to_core(opts(false, false, 8)).unwrap();
        assert_eq!(eight.validate().unwrap_err().code(), "invalid_argument");
    }

    /// An eciesjs@0.5.0 ciphertext (test-vectors/ecies.json,
    /// `secp256k1-eciesjs-default-decrypt`) decrypts to its plaintext.
    #[test]
    fn eciesjs_vector_decrypts() {
        let sk = EciesSecretKey::parse(
            Curve::Secp256k1,
            "84d431fe761ceebf0c2a0289257f621d69bd60f1a38ac7f7215243012bd4f6c3".into(),
        )
        .unwrap();
        let ct = hex(
            "04b280669e78cec7b69688e1f8125ad199cf85644aa1873aacdd15db49ab365db82d21e643c95f05a4656e068f0daeebb1a94b08aba93f21682a43566fe6684a470e882368e1b3a00e8c1ce50ef32f3f07a44c032c04d1699fd267928997eeb79ebc2827f5f52dba06aacf7afab17939b67980c0682f077b3fce09ead766f57244293dfc8a82cb9256243f8adf0e94edaffb389c20dfc467cf23f4cb516f0120ddda99fc02e6d6b034a5c857f7e6491efe87e2d0ea5b7e81e9559e94fa0d284a46795c1fbf1ed4",
        );
        let pt = bytes(ecies_decrypt(ct.clone().into(), &sk, None).unwrap());
        assert_eq!(
            pt,
            hex(
                "7b2266756c6c4e616d65223a224a616e6520512e205075626c6963222c22646f62223a22313939302d30312d3331222c22646f634e756d626572223a225831323334353637222c226e6f7465223a2243414b207465737420766563746f7220c3a9e29c93227d"
            )
        );
        let mut tampered = ct;
        *tampered.last_mut().unwrap() ^= 1;
        assert!(ecies_decrypt(tampered.into(), &sk, None).is_err());
    }

    /// The pinned-ephemeral form re-encrypts a vector byte-exactly
    /// (test-vectors/ecies.json, `py-p256-e0-h0-n16-encrypt`).
    #[test]
    fn hazmat_form_reencrypts_a_vector() {
        let pk = EciesPublicKey::parse(
            Curve::P256,
            "04ce2f15c60b4fdab6d5a49225048ba48989ed8f5d3130cbb714ec30a5609f69e727fae9924805f7967080c1cc0154c30e64ecf0e50972af335eaa66a36178d4f9".into(),
        )
        .unwrap();
        let ct = crate::api::hazmat_ecies_encrypt_with_ephemeral(
            Vec::new().into(),
            &pk,
            hex("375c4ef4dc6af7d683c9683837d348574a01f7c8878d6ef80cc36248675ea70d").into(),
            hex("2dabcfaf26c721302511afc2ce4d580f").into(),
            opts(false, false, 16),
        )
        .unwrap();
        assert_eq!(
            bytes(ct),
            hex(
                "04beaf31d4738989ae5563401db213f8c23f19d121255b78c11270a323d6edbe5f536cb49a15994a883a9fde09b283aa9a4a793e2de014a30bfbeed1d0a092cf6f2dabcfaf26c721302511afc2ce4d580f613b8e3e6c3278106805453205319b28"
            )
        );
    }

    #[test]
    fn round_trips_on_both_curves_and_all_options() {
        let msg = b"CAK secret \xc3\xa9".to_vec();
        for curve in Curve::ALL {
            let sk = EciesSecretKey::generate(*curve).unwrap();
            let pk = sk.public_key().unwrap();
            assert_eq!((sk.curve().unwrap(), pk.curve().unwrap()), (*curve, *curve));
            assert_eq!(bytes(pk.to_sec1_bytes(true).unwrap()).len(), 33);
            let sec1 = pk.to_sec1_bytes(false).unwrap();
            let pk2 = EciesPublicKey::from_bytes(*curve, bytes(sec1).into()).unwrap();
            for (e, h, n) in [
                (false, false, 16),
                (true, false, 12),
                (false, true, 16),
                (true, true, 12),
            ] {
                let o = opts(e, h, n);
                let ct = bytes(ecies_encrypt(msg.clone().into(), &pk2, o).unwrap());
                assert_eq!(
                    ct.len(),
                    msg.len() + if e { 33 } else { 65 } + usize::try_from(n).unwrap() + 16
                );
                assert_eq!(
                    bytes(ecies_decrypt(ct.clone().into(), &sk, o).unwrap()),
                    msg
                );
                // Other options do not decrypt it.
                assert!(ecies_decrypt(ct.into(), &sk, opts(!e, h, n)).is_err());

                let env = bytes(seal_envelope(msg.clone().into(), &pk, o).unwrap());
                let info = envelope_info(env.clone().into()).unwrap();
                assert_eq!(
                    info,
                    EnvelopeInfo {
                        curve: *curve,
                        options: o.unwrap()
                    }
                );
                assert_eq!(bytes(open_envelope(env.into(), &sk).unwrap()), msg);
                let b64 = seal_envelope_base64(msg.clone().into(), &pk, o).unwrap();
                assert_eq!(bytes(open_envelope_base64(b64, &sk).unwrap()), msg);
            }
        }
    }

    #[test]
    fn wrong_key_or_curve_is_refused() {
        let sk = EciesSecretKey::generate(Curve::P256).unwrap();
        let other = EciesSecretKey::generate(Curve::P256).unwrap();
        let k1 = EciesSecretKey::generate(Curve::Secp256k1).unwrap();
        let env =
            bytes(seal_envelope(b"x".to_vec().into(), &sk.public_key().unwrap(), None).unwrap());
        assert!(open_envelope(env.clone().into(), &other).is_err());
        assert!(open_envelope(env.into(), &k1).is_err());
        assert!(envelope_info(b"KYC".to_vec().into()).is_err());
        assert!(EciesPublicKey::parse(Curve::P256, "zz".into()).is_err());
        let _shared: Arc<core::EciesSecretKey> = sk.shared();
    }
}

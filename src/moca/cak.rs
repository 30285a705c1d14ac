//! Moca AIR Credential CAK (consent access key): encryption format and
//! callback helpers.
//!
//! # Encryption
//! Moca's docs say only "ECIES, secp256r1 (P-256) by default, or secp256k1"
//! and publish **no byte layout**. The issuer encrypts and stores, and the
//! verifier decrypts with the CAK private key it obtains after consent, so the
//! issuer defines the format. kycrypt's format is the eciesjs wire format on
//! either curve, implemented in [`crate::primitives::ecies`]:
//! `ephemeral_pk || nonce || tag || ciphertext`, HKDF-SHA256 over
//! `ephemeral_pk || shared point`, AES-256-GCM without AAD; defaults
//! uncompressed points and a 16-byte nonce. Parse the `cakPublicKey` string
//! with [`EciesPublicKey::parse`](crate::primitives::ecies::EciesPublicKey::parse)
//! and store data with [`seal_envelope`](crate::primitives::ecies::seal_envelope),
//! which records the curve and options beside the ciphertext.
//!
//! # Callback
//! When a user authorises a verifier, Moca POSTs `{userId, verifierDid,
//! schemaId}` to the issuer's callback URL and retries until it gets a 2XX.
//! [`parse_callback`] validates the body strictly; [`CakCallback::dedup_key`]
//! gives a stable key for idempotent handling.
//!
//! **Moca publishes no callback signature scheme, and kycrypt assumes none.**
//! [`CakCallbackVerifier`] checks whatever scheme the caller has agreed on out
//! of band (HMAC-SHA256, Ed25519 or ES256 over the raw body); it is not a
//! statement of what Moca sends.
//!
//! ```
//! use kycrypt::moca::cak::{CakCallbackVerifier, parse_callback};
//! let body = br#"{"userId":"u-1","verifierDid":"did:air:v","schemaId":"kyc-basic"}"#;
//! let cb = parse_callback(body)?;
//! assert_eq!(cb.schema_id, "kyc-basic");
//! assert_eq!(cb.dedup_key().len(), 64);
//!
//! let verifier = CakCallbackVerifier::hmac_sha256(b"shared secret", "X-Signature")?;
//! let sig = "not-a-valid-signature";
//! assert_eq!(verifier.verify_callback(body, sig).unwrap_err().code(), "signature_invalid");
//! # Ok::<(), kycrypt::Error>(())
//! ```

mod callback;
mod verifier;

pub use callback::{CakCallback, MAX_CALLBACK_BODY_LEN, MAX_FIELD_LEN, dedup_key, parse_callback};
pub use verifier::{CakCallbackVerifier, CakScheme, MAX_SIGNATURE_TEXT_LEN};

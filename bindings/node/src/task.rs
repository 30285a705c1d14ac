//! The Promise forms of the long-running operations (Node only): ECIES encryption and
//! decryption (raw and envelope, bytes and base64), RSA/ECDSA/EdDSA signing and key
//! generation run on the libuv thread pool, so the event loop keeps serving while a
//! 10 MiB ID image is encrypted or an RSA key is generated.
//!
//! Each `…Async` export copies its byte arguments, clones the `Arc` of its key objects
//! and returns an [`AsyncTask`]; the work runs in [`guard`] (a panic is code `internal`)
//! and a failure rejects with the same JS error as the sync form (`code` = the stable
//! code), which the npm wrapper maps onto its `KycryptError` subclass.

use kycrypt::primitives::ecies;
use napi::bindgen_prelude::{AsyncTask, JsObjectValue, Object};
use napi::{Env, JsValue, Status, Task};
use napi_derive::napi;

use crate::api::{
    EciesOptions, EciesPublicKey, EciesSecretKey, PrivateKey, generate_private_key_pem,
};
use crate::shim::{BytesIn, BytesOut, Error, guard, into_vec};

/// Work for the thread pool, run once.
type Work<T> = Box<dyn FnOnce() -> Result<T, Error> + Send>;

/// Runs `work` once. Every `Work` is already guarded (`bytes`, `text`, or an export),
/// so a panic in it has become code `internal`; a second run is refused.
fn run<T>(work: &mut Option<Work<T>>) -> Result<T, Error> {
    match work.take() {
        Some(w) => w(),
        None => guard(|| Err(kycrypt::Error::Internal("a task ran twice".into()))),
    }
}

/// The JS error for `e` (a JS `Error` with `code` = the stable code), as the rejection.
fn rejection(env: &Env, e: Error) -> napi::Error {
    let made = env
        .create_error(napi::Error::new(Status::GenericFailure, e.reason.clone()))
        .and_then(|mut o: Object<'_>| {
            o.set_named_property("code", e.status)?;
            Ok(napi::Error::from(o.to_unknown()))
        });
    made.unwrap_or_else(|err| err)
}

/// A pool task that returns bytes (a `Buffer`).
pub struct BytesTask(Option<Work<Vec<u8>>>);

#[napi]
impl Task for BytesTask {
    type Output = Result<Vec<u8>, Error>;
    type JsValue = BytesOut;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(run(&mut self.0))
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> napi::Result<BytesOut> {
        output.map(BytesOut::from).map_err(|e| rejection(&env, e))
    }
}

/// A pool task that returns text (a `string`).
pub struct TextTask(Option<Work<String>>);

#[napi]
impl Task for TextTask {
    type Output = Result<String, Error>;
    type JsValue = String;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(run(&mut self.0))
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> napi::Result<String> {
        output.map_err(|e| rejection(&env, e))
    }
}

fn bytes(
    work: impl FnOnce() -> Result<Vec<u8>, kycrypt::Error> + Send + 'static,
) -> AsyncTask<BytesTask> {
    AsyncTask::new(BytesTask(Some(Box::new(move || guard(work)))))
}

fn text(
    work: impl FnOnce() -> Result<String, kycrypt::Error> + Send + 'static,
) -> AsyncTask<TextTask> {
    AsyncTask::new(TextTask(Some(Box::new(move || guard(work)))))
}

/// `eciesEncrypt` on the libuv thread pool (the event loop keeps running).
///
/// # Errors
/// Rejects as `eciesEncrypt` throws.
#[napi(ts_return_type = "Promise<BytesOut>")]
pub fn ecies_encrypt_async(
    plaintext: BytesIn,
    recipient: &EciesPublicKey,
    options: Option<EciesOptions>,
) -> AsyncTask<BytesTask> {
    let (plaintext, key) = (into_vec(plaintext), recipient.shared());
    bytes(move || ecies::encrypt(&plaintext, &key, &EciesOptions::to_core(options)?))
}

/// `eciesDecrypt` on the libuv thread pool.
///
/// # Errors
/// Rejects as `eciesDecrypt` throws.
#[napi(ts_return_type = "Promise<BytesOut>")]
pub fn ecies_decrypt_async(
    ciphertext: BytesIn,
    secret: &EciesSecretKey,
    options: Option<EciesOptions>,
) -> AsyncTask<BytesTask> {
    let (ciphertext, key) = (into_vec(ciphertext), secret.shared());
    bytes(move || ecies::decrypt(&ciphertext, &key, &EciesOptions::to_core(options)?))
}

/// `sealEnvelope` on the libuv thread pool.
///
/// # Errors
/// Rejects as `sealEnvelope` throws.
#[napi(ts_return_type = "Promise<BytesOut>")]
pub fn seal_envelope_async(
    plaintext: BytesIn,
    recipient: &EciesPublicKey,
    options: Option<EciesOptions>,
) -> AsyncTask<BytesTask> {
    let (plaintext, key) = (into_vec(plaintext), recipient.shared());
    bytes(move || ecies::seal_envelope(&plaintext, &key, &EciesOptions::to_core(options)?))
}

/// `sealEnvelopeBase64` on the libuv thread pool.
///
/// # Errors
/// Rejects as `sealEnvelopeBase64` throws.
#[napi]
pub fn seal_envelope_base64_async(
    plaintext: BytesIn,
    recipient: &EciesPublicKey,
    options: Option<EciesOptions>,
) -> AsyncTask<TextTask> {
    let (plaintext, key) = (into_vec(plaintext), recipient.shared());
    text(move || ecies::seal_envelope_base64(&plaintext, &key, &EciesOptions::to_core(options)?))
}

/// `openEnvelope` on the libuv thread pool.
///
/// # Errors
/// Rejects as `openEnvelope` throws.
#[napi(ts_return_type = "Promise<BytesOut>")]
pub fn open_envelope_async(envelope: BytesIn, secret: &EciesSecretKey) -> AsyncTask<BytesTask> {
    let (envelope, key) = (into_vec(envelope), secret.shared());
    bytes(move || ecies::open_envelope(&envelope, &key))
}

/// `openEnvelopeBase64` on the libuv thread pool.
///
/// # Errors
/// Rejects as `openEnvelopeBase64` throws.
#[napi(ts_return_type = "Promise<BytesOut>")]
pub fn open_envelope_base64_async(
    envelope_b64: String,
    secret: &EciesSecretKey,
) -> AsyncTask<BytesTask> {
    let key = secret.shared();
    bytes(move || ecies::open_envelope_base64(&envelope_b64, &key))
}

/// `generatePrivateKeyPem` on the libuv thread pool (RSA key generation takes long).
///
/// # Errors
/// Rejects as `generatePrivateKeyPem` throws.
#[napi]
pub fn generate_private_key_pem_async(key_type: String) -> AsyncTask<TextTask> {
    AsyncTask::new(TextTask(Some(Box::new(move || {
        generate_private_key_pem(key_type)
    }))))
}

#[napi]
impl PrivateKey {
    /// `sign` on the libuv thread pool (RSA signing takes milliseconds).
    ///
    /// # Errors
    /// Rejects as `sign` throws.
    #[napi(ts_return_type = "Promise<BytesOut>")]
    pub fn sign_async(&self, msg: BytesIn) -> AsyncTask<BytesTask> {
        let (msg, key) = (into_vec(msg), self.shared());
        bytes(move || key.sign(&msg))
    }
}

//! CorePass: signed callbacks, Core addresses, items and peppers (mirrors
//! `bindings/ffi/src/corepass.rs`).

use kycrypt::corepass::{
    self as cb, CallbackBody, CallbackKind, CoreAddress as CoreCoreAddress, Item, Network, Pepper,
};
use napi::bindgen_prelude::Uint8Array;
use napi_derive::napi;

use crate::KyError;
use crate::common::{js_secs, secs};
use crate::guard::{from_core, napi_guard};

/// The connector's pinned public key (its Core address), parsed once.
#[napi]
pub struct PinnedConnector(cb::PinnedConnector);

#[napi]
impl PinnedConnector {
    /// Parses the connector's Core address (e.g. `cb82…`) or its 57-byte
    /// Ed448 public key in hex.
    ///
    /// # Errors
    /// `malformed_input` / `invalid_key` when it is neither.
    #[napi(factory)]
    pub fn parse(connector: String) -> Result<Self, KyError> {
        napi_guard!({
            cb::PinnedConnector::parse(&connector)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// The pinned Core address.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn address(&self) -> Result<String, KyError> {
        napi_guard!({ Ok(self.0.address().to_string()) })
    }
}

/// Options of callback verification. Every member is optional.
#[napi(object)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CallbackOptions {
    /// Seconds a callback is still accepted after its deadline (the core's
    /// `leeway_secs`; default 30, at most 300).
    pub skew_secs: Option<i64>,
    /// Accept signatures that cover only the deadline (default false).
    pub allow_deadline_only: Option<bool>,
}

/// One field of a data callback.
#[napi(object)]
#[derive(Clone, PartialEq, Eq)]
pub struct DataInfo {
    /// The item name (`fieldID`).
    pub field_id: String,
    /// The value (`fieldValue`): PII.
    pub field_value: String,
    /// The pepper (hex) binding the value to user and item.
    pub pepper: String,
}

/// A verified CorePass callback; the kind-specific fields are empty or
/// absent for the other kinds. Use only these values, never the raw body.
#[napi(object)]
#[derive(Clone, PartialEq, Eq)]
pub struct VerifiedCallback {
    /// `status`, `data` or `error`.
    pub kind: String,
    /// The Core address that signed (the pinned connector).
    pub signer: String,
    /// The user's Core address.
    pub user: String,
    /// The signed deadline (unix seconds).
    pub deadline: i64,
    /// `full` or `deadline-only`.
    pub coverage: String,
    /// A key to reject replays with: store it until `replay_until` and refuse
    /// a callback whose key is already stored.
    pub replay_key: String,
    /// The last second (unix) at which this callback still verifies:
    /// `deadline + skew_secs`. Keep the replay key at least until then.
    pub replay_until: i64,
    /// The body's `expiration`.
    pub expiration: i64,
    /// Status callbacks: the status name.
    pub status: Option<String>,
    /// Status callbacks: the requested fields.
    pub fields: Vec<String>,
    /// Status callbacks: the transaction hash, when the status has one.
    pub tx_hash: Option<String>,
    /// Data callbacks: the shared fields.
    pub infos: Vec<DataInfo>,
    /// Error callbacks: the error text.
    pub error: Option<String>,
    /// Error callbacks: the items concerned.
    pub items: Vec<String>,
}

impl VerifiedCallback {
    /// Converts the core result.
    fn from_core(v: cb::VerifiedCallback) -> Result<Self, KyError> {
        let mut out = Self {
            kind: kind_of(&v.body).to_owned(),
            signer: v.signer.to_string(),
            user: v.user,
            deadline: js_secs("deadline", v.deadline)?,
            coverage: v.coverage.as_str().to_owned(),
            replay_key: v.replay_key.to_string(),
            replay_until: js_secs("replay_until", v.replay_until)?,
            expiration: 0,
            status: None,
            fields: Vec::new(),
            tx_hash: None,
            infos: Vec::new(),
            error: None,
            items: Vec::new(),
        };
        let expiration = match v.body {
            CallbackBody::Status(s) => {
                out.status = Some(s.status.as_str().to_owned());
                out.fields = s.fields;
                out.tx_hash = s.tx_hash;
                s.expiration
            }
            CallbackBody::Data(d) => {
                out.infos = d
                    .infos
                    .into_iter()
                    .map(|i| DataInfo {
                        field_id: i.field_id,
                        field_value: i.field_value,
                        pepper: i.pepper,
                    })
                    .collect();
                d.expiration
            }
            CallbackBody::Error(e) => {
                out.error = Some(e.error);
                out.items = e.items;
                e.expiration
            }
            #[allow(unreachable_patterns)]
            _ => 0,
        };
        out.expiration = js_secs("expiration", expiration)?;
        Ok(out)
    }
}

/// The core options: the core's defaults, overridden by the members given.
fn options(o: Option<CallbackOptions>) -> Result<cb::CallbackOptions, KyError> {
    let o = o.unwrap_or_default();
    let mut core_opts = cb::CallbackOptions::default();
    if let Some(s) = o.skew_secs {
        core_opts = core_opts.with_leeway_secs(secs("skewSecs", s)?);
    }
    if let Some(a) = o.allow_deadline_only {
        core_opts = core_opts.with_allow_deadline_only(a);
    }
    Ok(core_opts)
}

/// The kind of a verified body (`unknown` for a kind this glue predates).
fn kind_of(body: &CallbackBody) -> &'static str {
    match body {
        CallbackBody::Status(_) => CallbackKind::Status.as_str(),
        CallbackBody::Data(_) => CallbackKind::Data.as_str(),
        CallbackBody::Error(_) => CallbackKind::Error.as_str(),
        #[allow(unreachable_patterns)]
        _ => "unknown",
    }
}

/// The one path of the three exported verifiers, with converted arguments.
fn verify(
    kind: CallbackKind,
    body: &[u8],
    connector: &PinnedConnector,
    now: i64,
    options: Option<CallbackOptions>,
) -> Result<VerifiedCallback, KyError> {
    let (now, o) = (secs("now", now)?, self::options(options)?);
    VerifiedCallback::from_core(
        cb::verify_callback(kind, body, &connector.0, now, &o).map_err(from_core)?,
    )
}

/// Verifies a status callback over its raw `body` bytes at `now` (unix seconds).
/// Use only the returned values, never the raw body.
///
/// # Errors
/// `malformed_input` (also for a member outside the documented set or two
/// names equal under ASCII case folding), `input_too_large`, `key_mismatch`,
/// `signature_invalid`, `expired`, `deadline_only_not_allowed`,
/// `invalid_argument`.
#[napi]
pub fn verify_status_callback(
    body: Uint8Array,
    connector: &PinnedConnector,
    now: i64,
    options: Option<CallbackOptions>,
) -> Result<VerifiedCallback, KyError> {
    napi_guard!({ verify(CallbackKind::Status, &body, connector, now, options) })
}

/// Verifies a data callback (the shared fields) over its raw `body` bytes.
///
/// # Errors
/// As [`verify_status_callback`].
#[napi]
pub fn verify_data_callback(
    body: Uint8Array,
    connector: &PinnedConnector,
    now: i64,
    options: Option<CallbackOptions>,
) -> Result<VerifiedCallback, KyError> {
    napi_guard!({ verify(CallbackKind::Data, &body, connector, now, options) })
}

/// Verifies an error callback over its raw `body` bytes.
///
/// # Errors
/// As [`verify_status_callback`].
#[napi]
pub fn verify_error_callback(
    body: Uint8Array,
    connector: &PinnedConnector,
    now: i64,
    options: Option<CallbackOptions>,
) -> Result<VerifiedCallback, KyError> {
    napi_guard!({ verify(CallbackKind::Error, &body, connector, now, options) })
}

/// A Core address and its network.
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoreAddress {
    /// The address text (lowercase hex with checksum).
    pub address: String,
    /// `mainnet`, `devin` or `other`.
    pub network: String,
}

impl From<CoreCoreAddress> for CoreAddress {
    fn from(a: CoreCoreAddress) -> Self {
        Self {
            address: a.to_string(),
            network: a.network().as_str().to_owned(),
        }
    }
}

/// The Core address of an Ed448 public key (57 bytes) on `network`
/// (`mainnet`, `devin`, `other`).
///
/// # Errors
/// `invalid_argument` (unknown network), `invalid_key`.
#[napi]
pub fn corepass_address_from_public_key(
    public_key: Uint8Array,
    network: String,
) -> Result<CoreAddress, KyError> {
    napi_guard!({
        // Any letter case, as before the core's spelling became exact.
        network
            .to_ascii_lowercase()
            .parse::<Network>()
            .and_then(|n| CoreCoreAddress::from_public_key_bytes(&public_key, n))
            .map(CoreAddress::from)
            .map_err(from_core)
    })
}

/// Parses and validates a Core address (checksum, network prefix).
///
/// # Errors
/// `malformed_input`.
#[napi]
pub fn corepass_parse_address(address: String) -> Result<CoreAddress, KyError> {
    napi_guard!({
        CoreCoreAddress::parse(&address)
            .map(CoreAddress::from)
            .map_err(from_core)
    })
}

/// The SHA3-256 (hex) of a CorePass item name, as used in peppers.
///
/// # Errors
/// `malformed_input` for an unknown item.
#[napi]
pub fn corepass_item_sha3(item: String) -> Result<String, KyError> {
    napi_guard!({
        item.parse::<Item>()
            .map(|i| i.sha3_hex())
            .map_err(from_core)
    })
}

/// What a pepper binds (the random bytes are not returned).
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PepperInfo {
    /// The user's Core address.
    pub user: String,
    /// The item name.
    pub item: String,
}

/// Parses a data-callback pepper (hex) and checks it binds `user` and `item`.
///
/// # Errors
/// `malformed_input`, `input_too_large`, `signature_invalid` (another user or item).
#[napi]
pub fn corepass_parse_pepper(
    pepper: String,
    user: String,
    item: String,
) -> Result<PepperInfo, KyError> {
    napi_guard!({
        let u = CoreCoreAddress::parse(&user).map_err(from_core)?;
        let i = item.parse::<Item>().map_err(from_core)?;
        let p = Pepper::parse_for(&pepper, &u, i).map_err(from_core)?;
        Ok(PepperInfo {
            user: p.user().to_string(),
            item: p.item().as_str().to_owned(),
        })
    })
}

/// Checks a QR code `expiration` (unix seconds) at `now`: 5 to 15 minutes ahead.
///
/// # Errors
/// `invalid_argument` / `expired`; `malformed_input` for a negative time.
#[napi]
pub fn check_qrcode_expiration(expiration: i64, now: i64) -> Result<(), KyError> {
    napi_guard!({
        cb::check_qrcode_expiration(secs("expiration", expiration)?, secs("now", now)?)
            .map_err(from_core)
    })
}

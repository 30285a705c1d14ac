//! CorePass: signed callbacks, Core addresses, items and peppers (mirrors `kycrypt::corepass`).

use std::sync::Arc;

use kycrypt::corepass::{
    self as cb, CallbackBody, CallbackKind, CoreAddress as CoreCoreAddress, Item, Network, Pepper,
};

use crate::{FfiError, ffi_guard};

/// The connector's pinned public key (its Core address), parsed once.
#[derive(Debug, uniffi::Object)]
pub struct PinnedConnector(cb::PinnedConnector);

#[uniffi::export]
impl PinnedConnector {
    /// Parses the connector's Core address (e.g. `cb82…`) or its 57-byte
    /// Ed448 public key in hex.
    ///
    /// # Errors
    /// `malformed_input` / `invalid_key` when it is neither.
    #[uniffi::constructor]
    pub fn parse(connector: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(cb::PinnedConnector::parse(&connector)?))) })
    }

    /// The pinned Core address.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn address(&self) -> Result<String, FfiError> {
        ffi_guard!({ Ok(self.0.address().to_string()) })
    }
}

/// Options of callback verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct CallbackOptions {
    /// Seconds a callback is still accepted after its deadline (the core's
    /// `leeway_secs`; default 30, at most 300).
    #[uniffi(default = 30)]
    pub skew_secs: u64,
    /// Accept signatures that cover only the deadline (default false).
    #[uniffi(default = false)]
    pub allow_deadline_only: bool,
}

/// One field of a data callback. Printing shows the item, not the value (PII)
/// nor the pepper.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct DataInfo {
    /// The item name (`fieldID`).
    pub field_id: String,
    /// The value (`fieldValue`): PII.
    pub field_value: String,
    /// The pepper (hex) binding the value to user and item.
    pub pepper: String,
}

/// A verified CorePass callback; the kind-specific fields are empty or
/// `None` for the other kinds. Printing hides the values of `infos`.
/// Use only these values, never the raw body (verification refuses members
/// outside the signed set, e.g. a `"User"` beside `"user"`, but the body is
/// still whatever was sent).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct VerifiedCallback {
    /// `status`, `data` or `error`.
    pub kind: String,
    /// The Core address that signed (the pinned connector).
    pub signer: String,
    /// The user's Core address.
    pub user: String,
    /// The signed deadline (unix seconds).
    pub deadline: u64,
    /// `full` or `deadline-only`.
    pub coverage: String,
    /// A key to reject replays with: store it until `replay_until` and refuse
    /// a callback whose key is already stored.
    pub replay_key: String,
    /// The last second (unix) at which this callback still verifies:
    /// `deadline + skew_secs`. Keep the replay key at least until then.
    pub replay_until: u64,
    /// The body's `expiration`.
    pub expiration: u64,
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

impl From<cb::VerifiedCallback> for VerifiedCallback {
    fn from(v: cb::VerifiedCallback) -> Self {
        let mut out = Self {
            kind: kind_of(&v.body).to_owned(),
            signer: v.signer.to_string(),
            user: v.user,
            deadline: v.deadline,
            coverage: v.coverage.as_str().to_owned(),
            replay_key: v.replay_key.to_string(),
            replay_until: v.replay_until,
            expiration: 0,
            status: None,
            fields: Vec::new(),
            tx_hash: None,
            infos: Vec::new(),
            error: None,
            items: Vec::new(),
        };
        match v.body {
            CallbackBody::Status(s) => {
                out.expiration = s.expiration;
                out.status = Some(s.status.as_str().to_owned());
                out.fields = s.fields;
                out.tx_hash = s.tx_hash;
            }
            CallbackBody::Data(d) => {
                out.expiration = d.expiration;
                out.infos = d
                    .infos
                    .into_iter()
                    .map(|i| DataInfo {
                        field_id: i.field_id,
                        field_value: i.field_value,
                        pepper: i.pepper,
                    })
                    .collect();
            }
            CallbackBody::Error(e) => {
                out.expiration = e.expiration;
                out.error = Some(e.error);
                out.items = e.items;
            }
            #[allow(unreachable_patterns)]
            _ => {}
        }
        out
    }
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

/// The one path of the three exported verifiers.
fn verify(
    kind: CallbackKind,
    body: &[u8],
    connector: &PinnedConnector,
    now: u64,
    o: CallbackOptions,
) -> Result<VerifiedCallback, FfiError> {
    let opts = cb::CallbackOptions::default()
        .with_leeway_secs(o.skew_secs)
        .with_allow_deadline_only(o.allow_deadline_only);
    Ok(cb::verify_callback(kind, body, &connector.0, now, &opts)?.into())
}

/// Verifies a status callback over its raw `body` bytes at `now` (unix seconds).
/// Use only the returned values, never the raw body.
///
/// # Errors
/// `malformed_input` (also for a member outside the documented set or two
/// names equal under ASCII case folding), `input_too_large`, `key_mismatch`,
/// `signature_invalid`, `expired`, `deadline_only_not_allowed`,
/// `invalid_argument`.
#[uniffi::export]
pub fn verify_status_callback(
    body: Vec<u8>,
    connector: Arc<PinnedConnector>,
    now: u64,
    options: CallbackOptions,
) -> Result<VerifiedCallback, FfiError> {
    ffi_guard!({ verify(CallbackKind::Status, &body, &connector, now, options) })
}

/// Verifies a data callback (the shared fields) over its raw `body` bytes.
///
/// # Errors
/// As [`verify_status_callback`].
#[uniffi::export]
pub fn verify_data_callback(
    body: Vec<u8>,
    connector: Arc<PinnedConnector>,
    now: u64,
    options: CallbackOptions,
) -> Result<VerifiedCallback, FfiError> {
    ffi_guard!({ verify(CallbackKind::Data, &body, &connector, now, options) })
}

/// Verifies an error callback over its raw `body` bytes.
///
/// # Errors
/// As [`verify_status_callback`].
#[uniffi::export]
pub fn verify_error_callback(
    body: Vec<u8>,
    connector: Arc<PinnedConnector>,
    now: u64,
    options: CallbackOptions,
) -> Result<VerifiedCallback, FfiError> {
    ffi_guard!({ verify(CallbackKind::Error, &body, &connector, now, options) })
}

/// A Core address and its network.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
#[uniffi::export]
pub fn corepass_address_from_public_key(
    public_key: Vec<u8>,
    network: String,
) -> Result<CoreAddress, FfiError> {
    ffi_guard!({
        // Any letter case, as before the core's spelling became exact.
        let n = network.to_ascii_lowercase().parse::<Network>()?;
        Ok(CoreCoreAddress::from_public_key_bytes(&public_key, n)?.into())
    })
}

/// Parses and validates a Core address (checksum, network prefix).
///
/// # Errors
/// `malformed_input`.
#[uniffi::export]
pub fn corepass_parse_address(address: String) -> Result<CoreAddress, FfiError> {
    ffi_guard!({ Ok(CoreCoreAddress::parse(&address)?.into()) })
}

/// The SHA3-256 (hex) of a CorePass item name, as used in peppers.
///
/// # Errors
/// `malformed_input` for an unknown item.
#[uniffi::export]
pub fn corepass_item_sha3(item: String) -> Result<String, FfiError> {
    ffi_guard!({ Ok(item.parse::<Item>()?.sha3_hex()) })
}

/// What a pepper binds (the random bytes are not returned).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
#[uniffi::export]
pub fn corepass_parse_pepper(
    pepper: String,
    user: String,
    item: String,
) -> Result<PepperInfo, FfiError> {
    ffi_guard!({
        let u = CoreCoreAddress::parse(&user)?;
        let i = item.parse::<Item>()?;
        let p = Pepper::parse_for(&pepper, &u, i)?;
        Ok(PepperInfo {
            user: p.user().to_string(),
            item: p.item().as_str().to_owned(),
        })
    })
}

/// Checks a QR code `expiration` (unix seconds) at `now`: 5 to 15 minutes ahead.
///
/// # Errors
/// `invalid_argument` / `expired`.
#[uniffi::export]
pub fn check_qrcode_expiration(expiration: u64, now: u64) -> Result<(), FfiError> {
    ffi_guard!({ Ok(cb::check_qrcode_expiration(expiration, now)?) })
}

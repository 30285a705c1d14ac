//! Typed bodies of the three Connector v1 callbacks and their signed message forms.

use serde::{Deserialize, Serialize};

use crate::corepass::gojson::{Dialect, encode, marshal};
use crate::corepass::items::{Item, Status};
use crate::error::{Error, Result};

/// The body of a status callback (without `user`, `deadline`, `signature`,
/// which are in [`VerifiedCallback`](super::VerifiedCallback)).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatusBody {
    /// Hex SHA3-256 of each requested item name (see [`Item::from_sha3_hex`]).
    pub fields: Vec<String>,
    /// The transfer status.
    pub status: Status,
    /// The expiration given to `kyc/qrcode` (unix seconds).
    pub expiration: u64,
    /// The transaction hash, when present.
    pub tx_hash: Option<String>,
}

/// One transferred item of a data callback. `Debug` hides value and pepper (PII).
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct DataInfo {
    /// The item name (`fieldID`), e.g. `SH_EMAIL`.
    #[serde(rename = "fieldID")]
    pub field_id: String,
    /// The claim value (`fieldValue`): personal data.
    #[serde(rename = "fieldValue")]
    pub field_value: String,
    /// The pepper (hex), see [`Pepper`](crate::corepass::Pepper).
    pub pepper: String,
}

impl core::fmt::Debug for DataInfo {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DataInfo")
            .field("field_id", &self.field_id)
            .finish_non_exhaustive()
    }
}

impl DataInfo {
    /// The typed item.
    ///
    /// # Errors
    /// [`Error::MalformedInput`] for an unknown name.
    pub fn item(&self) -> Result<Item> {
        self.field_id.parse()
    }
}

/// The body of a data callback.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DataBody {
    /// The transferred items, in body order.
    pub infos: Vec<DataInfo>,
    /// The expiration (unix seconds).
    pub expiration: u64,
}

/// The body of an error callback.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorBody {
    /// The requested item names.
    pub items: Vec<String>,
    /// The error (a failed status name such as `INITIATED_FAILED`).
    pub error: String,
    /// The expiration (unix seconds).
    pub expiration: u64,
}

/// The typed body of a verified callback.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallbackBody {
    /// A status callback.
    Status(StatusBody),
    /// A data callback.
    Data(DataBody),
    /// An error callback.
    Error(ErrorBody),
}

// ---- wire structs (serde) ----

fn non_negative<'de, D: serde::Deserializer<'de>>(d: D) -> core::result::Result<u64, D::Error> {
    // Go decodes these into int64: stay within it.
    let n = i64::deserialize(d)?;
    u64::try_from(n).map_err(|_| serde::de::Error::custom("negative time"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StatusWire {
    pub(super) user: String,
    pub(super) fields: Option<Vec<String>>,
    pub(super) status: String,
    #[serde(deserialize_with = "non_negative")]
    pub(super) expiration: u64,
    #[serde(deserialize_with = "non_negative")]
    pub(super) deadline: u64,
    pub(super) signature: String,
    pub(super) tx_hash: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DataWire {
    pub(super) user: String,
    pub(super) infos: Option<Vec<DataInfo>>,
    #[serde(deserialize_with = "non_negative")]
    pub(super) deadline: u64,
    #[serde(deserialize_with = "non_negative")]
    pub(super) expiration: u64,
    pub(super) signature: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ErrorWire {
    pub(super) user: String,
    pub(super) items: Option<Vec<String>>,
    pub(super) error: String,
    #[serde(deserialize_with = "non_negative")]
    pub(super) deadline: u64,
    #[serde(deserialize_with = "non_negative")]
    pub(super) expiration: u64,
    pub(super) signature: String,
}

/// Parses a JSON body into a wire struct; the serde message is dropped (it may quote values).
pub(super) fn parse_json<'a, T: Deserialize<'a>>(body: &'a [u8], what: &'static str) -> Result<T> {
    serde_json::from_slice(body).map_err(|_| Error::malformed(what))
}

fn int(n: u64) -> i64 {
    // The wire values came from int64 (`non_negative`): this never saturates.
    i64::try_from(n).unwrap_or(i64::MAX)
}

// ---- signed message forms (serde, in Go field order) ----
//
// `pub` (in this private module) for `kycrypt::__internal`, which
// `tests/go_json.rs` uses to compare these very structs with real Go output.

/// Status form: `json.Marshal` of `struct{user, fields, status, expiration,
/// deadline, tx_hash}` (`tx_hash` only when present in the body).
#[derive(Debug, Serialize)]
#[allow(clippy::exhaustive_structs)] // not public API (`__internal`): the Go differential test builds it field by field
pub struct StatusMessage<'a> {
    /// `user`.
    pub user: &'a str,
    /// `fields` (`None`: a nil slice, `null`).
    pub fields: Option<&'a [String]>,
    /// `status`.
    pub status: &'a str,
    /// `expiration`.
    pub expiration: i64,
    /// `deadline`.
    pub deadline: i64,
    /// `tx_hash`, omitted when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tx_hash: Option<&'a str>,
}

/// One `Infos` element of [`DataMessage`] (the body's `infos[]` member names).
#[derive(Debug, Serialize)]
#[allow(clippy::exhaustive_structs)] // not public API (`__internal`): the Go differential test builds it field by field
pub struct InfoMessage<'a> {
    /// `fieldID`.
    #[serde(rename = "fieldID")]
    pub field_id: &'a str,
    /// `fieldValue`.
    #[serde(rename = "fieldValue")]
    pub field_value: &'a str,
    /// `pepper`.
    pub pepper: &'a str,
}

/// Full data form: `json.Encoder` output of `struct{User; Infos; Deadline; Expiration}`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
#[allow(clippy::exhaustive_structs)] // not public API (`__internal`): the Go differential test builds it field by field
pub struct DataMessage<'a> {
    /// `User`.
    pub user: &'a str,
    /// `Infos` (`None`: a nil slice, `null`).
    pub infos: Option<Vec<InfoMessage<'a>>>,
    /// `Deadline`.
    pub deadline: i64,
    /// `Expiration`.
    pub expiration: i64,
}

/// Deadline-only form: `json.Encoder` output of `struct{Deadline int64}`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
#[allow(clippy::exhaustive_structs)] // not public API (`__internal`): the Go differential test builds it field by field
pub struct DeadlineMessage {
    /// `Deadline`.
    pub deadline: i64,
}

/// Error form 1, status-like compact: `json.Marshal` of `struct{user, items,
/// error, expiration, deadline}`.
#[derive(Debug, Serialize)]
#[allow(clippy::exhaustive_structs)] // not public API (`__internal`): the Go differential test builds it field by field
pub struct ErrorCompactMessage<'a> {
    /// `user`.
    pub user: &'a str,
    /// `items` (`None`: a nil slice, `null`).
    pub items: Option<&'a [String]>,
    /// `error`.
    pub error: &'a str,
    /// `expiration`.
    pub expiration: i64,
    /// `deadline`.
    pub deadline: i64,
}

/// Error form 2: `json.Encoder` output of `struct{User; Items; Error; Deadline; Expiration}`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
#[allow(clippy::exhaustive_structs)] // not public API (`__internal`): the Go differential test builds it field by field
pub struct ErrorGoMessage<'a> {
    /// `User`.
    pub user: &'a str,
    /// `Items` (`None`: a nil slice, `null`).
    pub items: Option<&'a [String]>,
    /// `Error`.
    pub error: &'a str,
    /// `Deadline`.
    pub deadline: i64,
    /// `Expiration`.
    pub expiration: i64,
}

/// Status form bytes (hashed by the caller).
pub(super) fn status_message(w: &StatusWire) -> Vec<u8> {
    let m = StatusMessage {
        user: &w.user,
        fields: w.fields.as_deref(),
        status: &w.status,
        expiration: int(w.expiration),
        deadline: int(w.deadline),
        tx_hash: w.tx_hash.as_deref(),
    };
    marshal(&m, Dialect::Go122)
}

/// Full data form bytes, with `dialect`'s `\b`/`\f` escaping.
pub(super) fn data_full_message(w: &DataWire, dialect: Dialect) -> Vec<u8> {
    let m = DataMessage {
        user: &w.user,
        infos: w.infos.as_ref().map(|v| {
            v.iter()
                .map(|i| InfoMessage {
                    field_id: &i.field_id,
                    field_value: &i.field_value,
                    pepper: &i.pepper,
                })
                .collect()
        }),
        deadline: int(w.deadline),
        expiration: int(w.expiration),
    };
    encode(&m, dialect)
}

/// Deadline-only form: the raw bytes `{"Deadline":<deadline>}\n` (no digest).
pub(super) fn deadline_only_message(deadline: u64) -> Vec<u8> {
    let m = DeadlineMessage {
        deadline: int(deadline),
    };
    encode(&m, Dialect::Go122)
}

/// Error forms tried (each hashed with SHA3-256): [`ErrorCompactMessage`]
/// (marshalled) and [`ErrorGoMessage`] (encoded).
pub(super) fn error_messages(w: &ErrorWire) -> [Vec<u8>; 2] {
    let compact = ErrorCompactMessage {
        user: &w.user,
        items: w.items.as_deref(),
        error: &w.error,
        expiration: int(w.expiration),
        deadline: int(w.deadline),
    };
    let go = ErrorGoMessage {
        user: &w.user,
        items: w.items.as_deref(),
        error: &w.error,
        deadline: int(w.deadline),
        expiration: int(w.expiration),
    };
    [
        marshal(&compact, Dialect::Go122),
        encode(&go, Dialect::Go122),
    ]
}

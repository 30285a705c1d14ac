//! Typed bodies of the three Connector v1 callbacks and their signed message forms.

use serde::Deserialize;

use crate::corepass::gojson::{Dialect, GoValue, encode, marshal};
use crate::corepass::{Item, Status};
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

fn int(n: u64) -> GoValue {
    GoValue::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn str_list(v: Option<&Vec<String>>) -> GoValue {
    v.map_or(GoValue::Null, |v| {
        GoValue::Array(v.iter().map(|s| GoValue::str(s)).collect())
    })
}

/// Status form: compact JSON `user, fields, status, expiration, deadline[, tx_hash]`.
pub(super) fn status_message(w: &StatusWire) -> Vec<u8> {
    let mut m = vec![
        ("user".to_owned(), GoValue::str(&w.user)),
        ("fields".to_owned(), str_list(w.fields.as_ref())),
        ("status".to_owned(), GoValue::str(&w.status)),
        ("expiration".to_owned(), int(w.expiration)),
        ("deadline".to_owned(), int(w.deadline)),
    ];
    if let Some(tx) = &w.tx_hash {
        m.push(("tx_hash".to_owned(), GoValue::str(tx)));
    }
    marshal(&GoValue::Object(m), Dialect::Go122)
}

/// Full data form: Go `json.Encoder` output of `struct{User; Infos; Deadline; Expiration}`.
pub(super) fn data_full_message(w: &DataWire, dialect: Dialect) -> Vec<u8> {
    let infos = w.infos.as_ref().map_or(GoValue::Null, |v| {
        GoValue::Array(
            v.iter()
                .map(|i| {
                    GoValue::Object(vec![
                        ("fieldID".to_owned(), GoValue::str(&i.field_id)),
                        ("fieldValue".to_owned(), GoValue::str(&i.field_value)),
                        ("pepper".to_owned(), GoValue::str(&i.pepper)),
                    ])
                })
                .collect(),
        )
    });
    let v = GoValue::Object(vec![
        ("User".to_owned(), GoValue::str(&w.user)),
        ("Infos".to_owned(), infos),
        ("Deadline".to_owned(), int(w.deadline)),
        ("Expiration".to_owned(), int(w.expiration)),
    ]);
    encode(&v, dialect)
}

/// Deadline-only form: the raw bytes `{"Deadline":<deadline>}\n` (no digest).
pub(super) fn deadline_only_message(deadline: u64) -> Vec<u8> {
    encode(
        &GoValue::Object(vec![("Deadline".to_owned(), int(deadline))]),
        Dialect::Go122,
    )
}

/// Error forms tried (each hashed with SHA3-256): the status-like compact form
/// and the Go encoder form of `struct{User; Items; Error; Deadline; Expiration}`.
pub(super) fn error_messages(w: &ErrorWire) -> [Vec<u8>; 2] {
    let compact = GoValue::Object(vec![
        ("user".to_owned(), GoValue::str(&w.user)),
        ("items".to_owned(), str_list(w.items.as_ref())),
        ("error".to_owned(), GoValue::str(&w.error)),
        ("expiration".to_owned(), int(w.expiration)),
        ("deadline".to_owned(), int(w.deadline)),
    ]);
    let go = GoValue::Object(vec![
        ("User".to_owned(), GoValue::str(&w.user)),
        ("Items".to_owned(), str_list(w.items.as_ref())),
        ("Error".to_owned(), GoValue::str(&w.error)),
        ("Deadline".to_owned(), int(w.deadline)),
        ("Expiration".to_owned(), int(w.expiration)),
    ]);
    [
        marshal(&compact, Dialect::Go122),
        encode(&go, Dialect::Go122),
    ]
}

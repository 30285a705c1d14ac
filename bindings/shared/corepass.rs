//! CorePass: signed Connector callbacks, Core addresses, items and peppers (the core's
//! `kycrypt::corepass`).

#[cfg(napi)]
use napi_derive::napi;

use kycrypt::corepass as core;

use crate::api::common::{out_secs, secs};
use crate::api::macros::{bind_enum, bind_methods};
use crate::api::redact::{napi_printing, redacted_fmt};
use crate::shim::{BytesIn, Error, Secs, guard};

bind_enum! {
    /// Which Connector v1 callback a body is (JS: `'status' | 'data' | 'error'`).
    pub enum CallbackKind: core::CallbackKind {
        /// The status callback (JSON POST), one per step of the transfer.
        Status = "status",
        /// The data callback: the transferred items, values and peppers.
        Data = "data",
        /// The error callback: the transfer failed.
        Error = "error",
    }
}

bind_enum! {
    /// What a callback's signature covers (JS: `'full' | 'deadline-only'`).
    pub enum Coverage: core::Coverage {
        /// The whole body (all members but the signature).
        Full = "full",
        /// Only the deadline: the user, values and peppers are not authenticated.
        DeadlineOnly = "deadline-only",
    }
}

bind_enum! {
    /// The network of a Core address (JS: `'mainnet' | 'devin' | 'other'`).
    pub enum Network: core::Network {
        /// Core mainnet, prefix `cb`.
        Mainnet = "mainnet",
        /// Devin testnet, prefix `ab`.
        Devin = "devin",
        /// Any other network, prefix `ce`.
        Other = "other",
    }
}

bind_enum! {
    /// The status of a CorePass KYC transfer, in flow order (JS: `'PENDING' | …`).
    pub enum CorePassStatus: core::Status {
        /// `PENDING`.
        Pending = "PENDING",
        /// `ACCEPTED`.
        Accepted = "ACCEPTED",
        /// `INITIATE_SUBMITTED`.
        InitiateSubmitted = "INITIATE_SUBMITTED",
        /// `INITIATED`.
        Initiated = "INITIATED",
        /// `INITIATED_FAILED` (a failure).
        InitiatedFailed = "INITIATED_FAILED",
        /// `KYC_RECEIVED`.
        KycReceived = "KYC_RECEIVED",
        /// `VALIDITY_CHECK`.
        ValidityCheck = "VALIDITY_CHECK",
        /// `VALIDITY_SUCCEED`.
        ValiditySucceed = "VALIDITY_SUCCEED",
        /// `VALIDITY_FAILED` (a failure).
        ValidityFailed = "VALIDITY_FAILED",
        /// `CONFIRM_SUBMITTED`.
        ConfirmSubmitted = "CONFIRM_SUBMITTED",
        /// `CONFIRMED`.
        Confirmed = "CONFIRMED",
        /// `CONFIRM_FAILED` (a failure).
        ConfirmFailed = "CONFIRM_FAILED",
        /// `CALLBACK_SUCCEED`.
        CallbackSucceed = "CALLBACK_SUCCEED",
        /// `CALLBACK_FAILED` (retried, so not a failure).
        CallbackFailed = "CALLBACK_FAILED",
        /// `FINISH_SUCCESS`.
        FinishSuccess = "FINISH_SUCCESS",
        /// `FINISH_FAILED` (a failure).
        FinishFailed = "FINISH_FAILED",
    }
}

/// The Connector key callbacks must be signed with (its Core address or its Ed448
/// public key), parsed once.
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct PinnedConnector(core::PinnedConnector);

bind_methods! {
impl PinnedConnector {
    /// Parses the Connector's 44-character Core address (e.g. `cb82…`) or its 57-byte
    /// Ed448 public key as 114 hex characters.
    ///
    /// # Errors
    /// `invalid_key` for a bad key; `malformed_input` for a bad address or any other
    /// length.
    factory pub fn parse(connector: String) -> Result<Self, Error> {
        guard(|| Ok(Self(core::PinnedConnector::parse(&connector)?)))
    }

    /// The pinned Core address, in the network form signers are reported in.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn address(&self) -> Result<String, Error> {
        guard(|| Ok(self.0.address().to_string()))
    }
}
}

/// Options of `verify_corepass_callback`; a field left out (`None`) is the core's
/// default.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CallbackOptions {
    /// Seconds a callback is still accepted after its deadline (default 30, at most
    /// 300).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub leeway_secs: Option<Secs>,
    /// Accept data (and error) callbacks whose signature covers only the deadline
    /// (default false: such a callback's user, values and peppers are not
    /// authenticated).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub allow_deadline_only: Option<bool>,
}

impl CallbackOptions {
    /// The core's options: its defaults, overridden by what is set here.
    fn to_core(o: Option<Self>) -> Result<core::CallbackOptions, kycrypt::Error> {
        let o = o.unwrap_or_default();
        let mut c = core::CallbackOptions::default();
        if let Some(l) = o.leeway_secs {
            c = c.with_leeway_secs(secs("leeway_secs", l)?);
        }
        if let Some(a) = o.allow_deadline_only {
            c = c.with_allow_deadline_only(a);
        }
        Ok(c)
    }
}

/// One field of a data callback. Printing shows the item, never the value (personal
/// data) nor the pepper.
#[cfg_attr(uniffi, derive(uniffi::Record), uniffi::export(Debug, Display))]
#[cfg_attr(napi, napi)]
#[derive(Clone, PartialEq, Eq)]
pub struct DataInfo {
    /// The item name (`fieldID`, e.g. `SH_EMAIL`).
    pub field_id: String,
    /// The value (`fieldValue`): personal data.
    pub field_value: String,
    /// The pepper (hex) binding the value to user and item (check it with
    /// `corepass_parse_pepper`).
    pub pepper: String,
}

redacted_fmt!(DataInfo {
    field_id,
    field_value: redacted,
    pepper: redacted
});
napi_printing!(DataInfo);

/// A verified CorePass callback, one variant per kind (JS: discriminated by `kind`,
/// `'status' | 'data' | 'error'`). Printing hides the values and peppers of `infos`.
///
/// Use only these values, never the raw body: members outside the signed set are
/// refused, but the body is still bytes anyone may have sent. Every variant carries
/// `replay_key`: store it until `replay_until` and refuse a callback whose key is
/// already stored.
#[cfg_attr(uniffi, derive(uniffi::Enum), uniffi::export(Debug, Display))]
#[cfg_attr(
    napi,
    napi(
        discriminant = "kind",
        discriminant_case = "lowercase",
        object_from_js = false
    )
)]
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::exhaustive_enums)] // one variant per callback kind
pub enum VerifiedCallback {
    /// A status callback.
    Status {
        /// The Connector's Core address that signed (the pinned connector's form).
        signer: String,
        /// The user's Core address as sent.
        user: String,
        /// The signed deadline (unix seconds).
        deadline: i64,
        /// What the signature covers.
        coverage: Coverage,
        /// The replay key (64 lowercase hex characters; not secret).
        replay_key: String,
        /// The last second (unix) at which this callback still verifies:
        /// `deadline + leeway_secs`. Keep the replay key at least until then.
        replay_until: i64,
        /// The body's `expiration` (unix seconds).
        expiration: i64,
        /// The transfer status.
        status: CorePassStatus,
        /// The requested fields (SHA3-256 hex of item names, see `corepass_item_sha3`).
        fields: Vec<String>,
        /// The transaction hash, when sent.
        tx_hash: Option<String>,
    },
    /// A data callback: the shared fields.
    Data {
        /// The Connector's Core address that signed (the pinned connector's form).
        signer: String,
        /// The user's Core address as sent (not authenticated under `deadline-only`
        /// coverage).
        user: String,
        /// The signed deadline (unix seconds).
        deadline: i64,
        /// What the signature covers.
        coverage: Coverage,
        /// The replay key (64 lowercase hex characters; not secret).
        replay_key: String,
        /// The last second (unix) at which this callback still verifies:
        /// `deadline + leeway_secs`. Keep the replay key at least until then.
        replay_until: i64,
        /// The body's `expiration` (unix seconds).
        expiration: i64,
        /// The shared fields (values and peppers print redacted).
        infos: Vec<DataInfo>,
    },
    /// An error callback: the transfer failed.
    Error {
        /// The Connector's Core address that signed (the pinned connector's form).
        signer: String,
        /// The user's Core address as sent (not authenticated under `deadline-only`
        /// coverage).
        user: String,
        /// The signed deadline (unix seconds).
        deadline: i64,
        /// What the signature covers.
        coverage: Coverage,
        /// The replay key (64 lowercase hex characters; not secret).
        replay_key: String,
        /// The last second (unix) at which this callback still verifies:
        /// `deadline + leeway_secs`. Keep the replay key at least until then.
        replay_until: i64,
        /// The body's `expiration` (unix seconds).
        expiration: i64,
        /// The error text.
        error: String,
        /// The items concerned.
        items: Vec<String>,
    },
}

impl std::fmt::Display for VerifiedCallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl TryFrom<core::VerifiedCallback> for VerifiedCallback {
    type Error = kycrypt::Error;
    fn try_from(v: core::VerifiedCallback) -> Result<Self, kycrypt::Error> {
        let signer = v.signer.to_string();
        let user = v.user;
        let deadline = out_secs("deadline", v.deadline)?;
        let coverage = v.coverage.try_into()?;
        let replay_key = v.replay_key.to_string();
        let replay_until = out_secs("replay_until", v.replay_until)?;
        Ok(match v.body {
            core::CallbackBody::Status(s) => Self::Status {
                signer,
                user,
                deadline,
                coverage,
                replay_key,
                replay_until,
                expiration: out_secs("expiration", s.expiration)?,
                status: s.status.try_into()?,
                fields: s.fields,
                tx_hash: s.tx_hash,
            },
            core::CallbackBody::Data(d) => Self::Data {
                signer,
                user,
                deadline,
                coverage,
                replay_key,
                replay_until,
                expiration: out_secs("expiration", d.expiration)?,
                infos: d
                    .infos
                    .into_iter()
                    .map(|i| DataInfo {
                        field_id: i.field_id,
                        field_value: i.field_value,
                        pepper: i.pepper,
                    })
                    .collect(),
            },
            core::CallbackBody::Error(e) => Self::Error {
                signer,
                user,
                deadline,
                coverage,
                replay_key,
                replay_until,
                expiration: out_secs("expiration", e.expiration)?,
                error: e.error,
                items: e.items,
            },
            _ => {
                return Err(kycrypt::Error::Internal(
                    "a callback kind the bindings lack".into(),
                ));
            }
        })
    }
}

/// Verifies a Connector v1 callback of `kind` over its raw `body` bytes (a data
/// callback's multipart fields collected as JSON) against the `pinned` Connector at
/// `now` (unix seconds). Use only the returned values, never the raw body.
///
/// # Errors
/// `malformed_input` (also for a member outside the documented set, two names equal
/// under case folding, or a negative time), `input_too_large`, `key_mismatch`,
/// `signature_invalid`, `expired`, `deadline_only_not_allowed`, `invalid_argument`
/// (options out of range).
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
pub fn verify_corepass_callback(
    kind: CallbackKind,
    body: BytesIn,
    pinned: &PinnedConnector,
    now: Secs,
    options: Option<CallbackOptions>,
) -> Result<VerifiedCallback, Error> {
    guard(|| {
        let opts = CallbackOptions::to_core(options)?;
        core::verify_callback(kind.into(), &body, &pinned.0, secs("now", now)?, &opts)?.try_into()
    })
}

/// A Core address and its network.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoreAddress {
    /// The address text (44 lowercase hex characters, checksummed).
    pub address: String,
    /// Its network (from the prefix).
    pub network: Network,
}

impl TryFrom<core::CoreAddress> for CoreAddress {
    type Error = kycrypt::Error;
    fn try_from(a: core::CoreAddress) -> Result<Self, kycrypt::Error> {
        Ok(Self {
            address: a.to_string(),
            network: a.network().try_into()?,
        })
    }
}

/// The Core address of an Ed448 public key (57 bytes) on `network`.
///
/// # Errors
/// `invalid_key` when `public_key` is not a valid Ed448 public key.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn corepass_address_from_public_key(
    public_key: BytesIn,
    network: Network,
) -> Result<CoreAddress, Error> {
    guard(|| core::CoreAddress::from_public_key_bytes(&public_key, network.into())?.try_into())
}

/// Parses and validates a Core address (checksum, network prefix; either letter case).
///
/// # Errors
/// `malformed_input`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn corepass_parse_address(address: String) -> Result<CoreAddress, Error> {
    guard(|| core::CoreAddress::parse(&address)?.try_into())
}

/// The SHA3-256 (lowercase hex) of a CorePass item name (e.g. `SH_EMAIL`), as sent in
/// the `fields` of status callbacks.
///
/// # Errors
/// `malformed_input` for an unknown item name.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn corepass_item_sha3(item: String) -> Result<String, Error> {
    guard(|| Ok(item.parse::<core::Item>()?.sha3_hex()))
}

/// What a pepper binds (its random bytes are not returned).
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PepperInfo {
    /// The user's Core address embedded in the pepper.
    pub user: String,
    /// The item name embedded in the pepper.
    pub item: String,
}

/// Parses a data-callback pepper (hex) and checks that it was made for `user` (a Core
/// address; the same account on any network) and `item` (an item name).
///
/// # Errors
/// `input_too_large`; `malformed_input` when the pepper, the address or the item name
/// is not valid, or the pepper belongs to another user or item.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn corepass_parse_pepper(
    pepper: String,
    user: String,
    item: String,
) -> Result<PepperInfo, Error> {
    guard(|| {
        let u = core::CoreAddress::parse(&user)?;
        let i = item.parse::<core::Item>()?;
        let p = core::Pepper::parse_for(&pepper, &u, i)?;
        Ok(PepperInfo {
            user: p.user().to_string(),
            item: p.item().as_str().to_owned(),
        })
    })
}

/// Checks a `kyc/qrcode` `expiration` (unix seconds) at `now`: 5 to 15 minutes ahead,
/// both ends included.
///
/// # Errors
/// `invalid_argument` outside that window; `malformed_input` for a negative time.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn check_qrcode_expiration(expiration: Secs, now: Secs) -> Result<(), Error> {
    guard(|| core::check_qrcode_expiration(secs("expiration", expiration)?, secs("now", now)?))
}

// Run once, in the UniFFI build (under napi `Secs` is an `f64`; the Node suite covers it).
#[cfg(test)]
#[cfg(uniffi)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    /// Every core variant converts, both ways, and keeps the core's spelling in JS.
    #[test]
    fn enums_mirror_the_core() {
        macro_rules! check {
            ($($b:ident: $c:ty),*) => {$(
                for c in <$c>::ALL {
                    let b = $b::try_from(*c).unwrap();
                    assert_eq!((b.name(), <$c>::from(b)), (c.as_str(), *c));
                }
                assert_eq!($b::ALL.len(), <$c>::ALL.len());
            )*};
        }
        check!(
            CallbackKind: core::CallbackKind,
            Coverage: core::Coverage,
            Network: core::Network,
            CorePassStatus: core::Status
        );
    }

    /// The first case of `test-vectors/corepass.json` with `op` and `expected`.
    fn case(op: &str, expected: &str) -> serde_json::Value {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../test-vectors/corepass.json"
        );
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        doc["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["op"] == op && c["expected"] == expected)
            .unwrap()
            .clone()
    }

    /// Verifies the `inputs` of a vector case as `kind`, through the export.
    fn verify(kind: CallbackKind, i: &serde_json::Value) -> Result<VerifiedCallback, Error> {
        let pinned = PinnedConnector::parse(i["connector"].as_str().unwrap().to_owned()).unwrap();
        let options = CallbackOptions {
            leeway_secs: i["skew_secs"].as_i64(),
            allow_deadline_only: i["allow_deadline_only"].as_bool(),
        };
        let body: Vec<u8> = i["body"].as_str().unwrap().as_bytes().to_vec();
        verify_corepass_callback(
            kind,
            body.into(),
            &pinned,
            i["now"].as_i64().unwrap(),
            Some(options),
        )
    }

    #[test]
    fn status_callback_is_the_status_variant() {
        let c = case("corepass.verify_status_callback", "valid");
        let v = verify(CallbackKind::Status, &c["inputs"]).unwrap();
        let VerifiedCallback::Status {
            status,
            fields,
            replay_key,
            deadline,
            replay_until,
            ..
        } = v
        else {
            panic!("not a status callback: {v:?}");
        };
        assert_eq!(
            status.name(),
            c["output"]["status"].as_str().unwrap_or(status.name())
        );
        assert!(!fields.is_empty());
        assert_eq!(replay_key.len(), 64);
        assert!(replay_until >= deadline);
    }

    /// The upstream data-callback sample, verified.
    fn data_callback() -> VerifiedCallback {
        verify(
            CallbackKind::Data,
            &case("corepass.verify_data_callback", "valid")["inputs"],
        )
        .unwrap()
    }

    #[test]
    fn data_info_and_callbacks_hide_values_and_peppers() {
        let cb = data_callback();
        let VerifiedCallback::Data {
            infos, coverage, ..
        } = &cb
        else {
            panic!("{cb:?}")
        };
        assert_eq!(*coverage, Coverage::DeadlineOnly);
        let info = infos[0].clone();
        assert_eq!(info.field_id, "SH_DriverLicense_DOB");
        assert_eq!(info.field_value, "1986-09-06");
        for s in [
            format!("{info:?}"),
            info.to_string(),
            format!("{info:#?}"),
            format!("{cb:?}"),
            cb.to_string(),
        ] {
            for d in infos {
                assert!(
                    !s.contains(&d.field_value) && !s.contains(&d.pepper[..16]),
                    "{s}"
                );
            }
            assert!(
                s.contains("SH_DriverLicense_DOB") && s.contains("<redacted>"),
                "{s}"
            );
        }
        assert_eq!(
            info.to_string(),
            "DataInfo { field_id: \"SH_DriverLicense_DOB\", field_value: <redacted>, pepper: <redacted> }"
        );
    }

    #[test]
    fn a_wrong_kind_or_negative_time_is_refused() {
        let i = &case("corepass.verify_status_callback", "valid")["inputs"];
        let pinned = PinnedConnector::parse(i["connector"].as_str().unwrap().to_owned()).unwrap();
        let body = || -> BytesIn { i["body"].as_str().unwrap().as_bytes().to_vec().into() };
        assert!(verify_corepass_callback(CallbackKind::Data, body(), &pinned, 0, None).is_err());
        assert!(verify_corepass_callback(CallbackKind::Status, body(), &pinned, -1, None).is_err());
        let bad = CallbackOptions {
            leeway_secs: Some(-5),
            allow_deadline_only: None,
        };
        assert_eq!(
            CallbackOptions::to_core(Some(bad)).unwrap_err().code(),
            "malformed_input"
        );
    }

    #[test]
    fn options_default_to_the_core() {
        assert_eq!(
            CallbackOptions::to_core(None).unwrap(),
            core::CallbackOptions::default()
        );
        let o = CallbackOptions {
            leeway_secs: Some(60),
            allow_deadline_only: Some(true),
        };
        assert_eq!(
            CallbackOptions::to_core(Some(o)).unwrap(),
            core::CallbackOptions::default()
                .with_leeway_secs(60)
                .with_allow_deadline_only(true)
        );
    }

    #[test]
    fn enums_keep_the_core_spelling() {
        for k in CallbackKind::ALL {
            assert_eq!(core::CallbackKind::from(*k).as_str(), k.name());
        }
        for n in core::Network::ALL {
            let b = Network::try_from(*n).unwrap();
            assert_eq!(core::Network::from(b), *n);
        }
        for c in core::Coverage::ALL {
            assert_eq!(Coverage::try_from(*c).unwrap().name(), c.as_str());
        }
        assert_eq!(CorePassStatus::ALL.len(), core::Status::ALL.len());
        for s in core::Status::ALL {
            assert_eq!(CorePassStatus::try_from(*s).unwrap().name(), s.as_str());
        }
    }

    #[test]
    fn addresses_items_peppers_and_qr_expiration() {
        let pk: Vec<u8> = (0..57)
            .map(|k| {
                u8::from_str_radix(
                    &"315484db568379ce94f9c894e3e6e4c7ee216676b713ca892d9b26746ae902a772e217a6a8bb493ce2bb313cf0cb66e76765d4c45ec6b68600"
                        [k * 2..k * 2 + 2],
                    16,
                )
                .unwrap()
            })
            .collect();
        let a = corepass_address_from_public_key(pk.into(), Network::Devin).unwrap();
        assert_eq!(
            a,
            CoreAddress {
                address: "ab03a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5".into(),
                network: Network::Devin
            }
        );
        let p =
            corepass_parse_address("CB82A5FD22B9BEE8B8AB877C86E0A2C21765E1D5BFC5".into()).unwrap();
        assert_eq!(p.network, Network::Mainnet);
        assert!(
            corepass_parse_address("cb83a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5".into()).is_err()
        );
        assert_eq!(
            corepass_item_sha3("SH_EMAIL".into()).unwrap(),
            "21148787cbc13cfc8acde462c822ff431af96aa2edf714fdc82f90e4c2918824"
        );
        assert!(corepass_item_sha3("SH_NOPE".into()).is_err());

        let cb = data_callback();
        let VerifiedCallback::Data { infos, user, .. } = &cb else {
            panic!("{cb:?}")
        };
        let info = &infos[0];
        let pi = corepass_parse_pepper(info.pepper.clone(), user.clone(), info.field_id.clone())
            .unwrap();
        assert_eq!(
            pi,
            PepperInfo {
                user: user.clone(),
                item: info.field_id.clone()
            }
        );
        assert!(
            corepass_parse_pepper(info.pepper.clone(), user.clone(), "SH_EMAIL".into()).is_err()
        );

        assert!(check_qrcode_expiration(1_000 + 600, 1_000).is_ok());
        assert!(check_qrcode_expiration(1_000 + 60, 1_000).is_err());
        assert!(check_qrcode_expiration(-1, 1_000).is_err());
    }

    #[test]
    fn pinned_connector_reports_its_address() {
        let p =
            PinnedConnector::parse("ab03a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5".into()).unwrap();
        assert_eq!(
            p.address().unwrap(),
            "ab03a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5"
        );
        assert!(PinnedConnector::parse("nope".into()).is_err());
    }
}

//! CorePass Connector v1 callbacks: Ed448 signatures checked against a
//! **pinned** Connector key. The rules are documented on [`verify_callback`]
//! (this module is private: its items are re-exported at `kycrypt::corepass`).

use core::fmt;
use core::str::FromStr;

use serde::de::DeserializeOwned;

use crate::corepass::Status;
use crate::corepass::gojson::Dialect;
use crate::corepass::{CoreAddress, Network};
use crate::error::{Error, Result};
use crate::primitives::eddsa::ed448::{Ed448VerifyingKey, PUBLIC_KEY_LEN, SIGNATURE_LEN};
use crate::primitives::support::sha3_256;

pub(crate) mod body;
mod members;
pub use body::{CallbackBody, DataBody, DataInfo, ErrorBody, StatusBody};
use body::{DataWire, ErrorWire, StatusWire};
use members::Members;

/// Largest accepted callback body (1 MiB; data callbacks may carry images).
pub const MAX_CALLBACK_BODY_LEN: usize = 1 << 20;
/// Default leeway past the deadline, in seconds.
pub const DEFAULT_LEEWAY_SECS: u64 = 30;
/// Largest leeway past the deadline a caller may allow, in seconds.
pub const MAX_LEEWAY_SECS: u64 = 300;
/// Length of a decoded `signature`: Ed448 signature || public key.
pub const CALLBACK_SIGNATURE_LEN: usize = SIGNATURE_LEN + PUBLIC_KEY_LEN;

str_enum! {
    /// Which Connector v1 callback a body is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum CallbackKind {
        /// The status callback (JSON POST), one per step of the transfer.
        Status = "status",
        /// The data callback: the transferred items, values and peppers.
        Data = "data",
        /// The error callback: the transfer failed.
        Error = "error",
    }
    unknown => Error::InvalidArgument("callback kind must be status, data or error".into());
}

/// The Connector key callbacks must be signed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinnedConnector {
    address: CoreAddress,
    /// Pinned by key: the key, parsed and validated once.
    key: Option<Ed448VerifyingKey>,
}

impl PinnedConnector {
    /// Pins a public key. The signer is then reported in its mainnet form.
    #[must_use]
    pub fn from_public_key(key: &Ed448VerifyingKey) -> Self {
        Self {
            address: CoreAddress::from_public_key(key, Network::Mainnet),
            key: Some(key.clone()),
        }
    }

    /// Pins a Core address (the 20-byte key hash; any network prefix matches
    /// the same key). The signer is reported in this address's network form.
    #[must_use]
    pub fn from_address(address: CoreAddress) -> Self {
        Self { address, key: None }
    }

    /// Parses 114 hex characters (a 57-byte Ed448 public key) or a 44-character Core address.
    ///
    /// # Errors
    /// [`Error::InvalidKey`] for a bad key, [`Error::MalformedInput`] for a bad
    /// address or any other length.
    pub fn parse(s: &str) -> Result<Self> {
        let s = s.trim();
        match s.len() {
            114 => {
                let bytes =
                    crate::encoding::hex_decode_array::<PUBLIC_KEY_LEN>("Connector public key", s)?;
                Ok(Self::from_public_key(&Ed448VerifyingKey::from_bytes(
                    &bytes,
                )?))
            }
            44 => Ok(Self::from_address(CoreAddress::parse(s)?)),
            _ => Err(Error::malformed(
                "Connector must be 114 hex characters (key) or a 44-character Core address",
            )),
        }
    }

    /// The pinned account, in the network form signers are reported in.
    #[must_use]
    pub fn address(&self) -> CoreAddress {
        self.address
    }

    /// The verifying key for `key` (a signature's embedded signer key) if it
    /// is the pinned one: the key pinned by key is reused as parsed, a key
    /// matching a pinned address is parsed here.
    ///
    /// # Errors
    /// [`Error::KeyMismatch`] for another key; [`Error::SignatureInvalid`]
    /// when the matching bytes are not a valid key.
    fn verifying_key(&self, key: &[u8; PUBLIC_KEY_LEN]) -> Result<Ed448VerifyingKey> {
        match &self.key {
            Some(k) if k.to_bytes() == *key => Ok(k.clone()),
            Some(_) => Err(Error::KeyMismatch),
            None if CoreAddress::from_public_key_bytes(key, self.address.network())
                .is_ok_and(|a| a.same_account(&self.address)) =>
            {
                Ed448VerifyingKey::from_bytes(key).map_err(|_| Error::SignatureInvalid)
            }
            None => Err(Error::KeyMismatch),
        }
    }
}

/// Caller policy for callback verification.
///
/// ```
/// use kycrypt::corepass::CallbackOptions;
/// let opts = CallbackOptions::default().with_leeway_secs(60);
/// opts.validate()?;
/// assert!(!opts.allow_deadline_only);
/// # Ok::<(), kycrypt::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallbackOptions {
    /// Seconds a callback is still accepted after its deadline (default
    /// [`DEFAULT_LEEWAY_SECS`], at most [`MAX_LEEWAY_SECS`]).
    pub leeway_secs: u64,
    /// Accept data (and error) callbacks whose signature covers only the
    /// deadline. Off by default: such a callback's user, values and peppers
    /// are not authenticated.
    pub allow_deadline_only: bool,
}

impl Default for CallbackOptions {
    fn default() -> Self {
        Self {
            leeway_secs: DEFAULT_LEEWAY_SECS,
            allow_deadline_only: false,
        }
    }
}

impl CallbackOptions {
    /// Checks the options; every verification calls it first.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `leeway_secs` is above [`MAX_LEEWAY_SECS`].
    pub fn validate(&self) -> Result<()> {
        if self.leeway_secs > MAX_LEEWAY_SECS {
            return Err(Error::InvalidArgument(
                "leeway_secs above the 300 s maximum".into(),
            ));
        }
        Ok(())
    }
}

setters!(const CallbackOptions {
    /// Checked by [`validate`](Self::validate).
    with_leeway_secs(leeway_secs: u64);
    with_allow_deadline_only(allow_deadline_only: bool);
});

str_enum! {
    /// What the signature covers.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Coverage {
        /// The whole body (all members but the signature).
        Full = "full",
        /// Only the deadline (`{"Deadline":N}\n`).
        DeadlineOnly = "deadline-only",
    }
    unknown => Error::InvalidArgument("coverage must be full or deadline-only".into());
}

/// The replay key of a verified callback: SHA3-256 of
/// `"kycrypt/corepass/replay/v1" || signer (22 bytes) || len(user) as u64 BE
/// || user || deadline as u64 BE || SHA3-256(signed message)`, where `user`
/// is empty under deadline-only coverage (only signed data enters the key,
/// so a replayed signature always maps to the same key).
///
/// Not secret. `Display` and [`FromStr`] use 64 lowercase hex characters
/// (parsing accepts either case); it is `Eq + Hash`, so it can key a map
/// directly.
///
/// ```
/// use kycrypt::corepass::ReplayKey;
/// let hex = "00".repeat(32);
/// let k: ReplayKey = hex.parse()?;
/// assert_eq!(k.to_string(), hex);
/// assert_eq!(k.as_bytes(), &[0u8; 32]);
/// # Ok::<(), kycrypt::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReplayKey([u8; 32]);

impl ReplayKey {
    /// The 32 bytes.
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Display for ReplayKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(self.0))
    }
}

impl fmt::Debug for ReplayKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReplayKey({self})")
    }
}

impl FromStr for ReplayKey {
    type Err = Error;

    /// Parses 64 hex characters (either case).
    ///
    /// # Errors
    /// [`Error::MalformedInput`] for anything else.
    fn from_str(s: &str) -> Result<Self> {
        crate::encoding::hex_decode_array::<32>("replay key", s).map(Self)
    }
}

/// A callback whose signature verified with the pinned key and whose deadline holds.
///
/// Use only these values, never the raw body: members outside the signed
/// set are refused, but the body is still bytes anyone may have sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifiedCallback {
    /// The Connector's address ([`PinnedConnector::address`] form).
    pub signer: CoreAddress,
    /// The `user` member as sent (not authenticated under deadline-only coverage).
    pub user: String,
    /// The signed deadline (unix seconds).
    pub deadline: u64,
    /// What the signature covers.
    pub coverage: Coverage,
    /// Store it until [`replay_until`](Self::replay_until) (not merely the
    /// deadline) and refuse a callback whose key is already stored.
    pub replay_key: ReplayKey,
    /// The last second (unix) at which this callback still verifies:
    /// `deadline + leeway_secs` (saturating). Keep the replay key at least
    /// until then; a store that forgets it at the deadline accepts a replay
    /// for `leeway_secs` more seconds.
    pub replay_until: u64,
    /// The typed body.
    pub body: CallbackBody,
}

/// Verifies a Connector v1 callback of `kind` (the raw body bytes; a data
/// callback's multipart fields collected as JSON `{user, infos:[{fieldID,
/// fieldValue, pepper}], deadline, expiration, signature}`) against the
/// `pinned` Connector at `now` (unix seconds).
///
/// A `signature` is base64 of 171 bytes: `Ed448 signature (114) || signer
/// public key (57)`. go-core's `Ecrecover` only returns the embedded key, so
/// the key must be pinned ([`PinnedConnector`]); a check without pinning
/// proves nothing. [`verify_status_callback`], [`verify_data_callback`] and
/// [`verify_error_callback`] are shorthands for this function.
///
/// # Checks
/// In order: options ([`CallbackOptions::validate`]), size
/// ([`MAX_CALLBACK_BODY_LEN`]), member names ([`Error::MalformedInput`],
/// naming the member: two names equal under ASCII case folding, or a name
/// outside the kind's documented set, at the top level or in an `infos[]`
/// item), JSON parse, embedded key equals the pinned key
/// ([`Error::KeyMismatch`]), signature ([`Error::SignatureInvalid`], or
/// [`Error::UnverifiableSignature`] for error callbacks), coverage policy
/// ([`Error::DeadlineOnlyNotAllowed`]), then `now > deadline + leeway`
/// ([`Error::Expired`]). The signature comes before the deadline so that an
/// expired but genuine callback reports `Expired` and a forgery reports a
/// signature error whatever its deadline.
///
/// # Members
/// Documented members (exact spelling; anything else is refused):
/// - status: `user, fields, status, expiration, deadline, tx_hash, signature`;
/// - data: `user, infos, deadline, expiration, signature`, each `infos[]`
///   item `fieldID, fieldValue, pepper`;
/// - error: `user, items, error, deadline, expiration, signature`.
///
/// The signed message is rebuilt from these members only. Go's
/// `encoding/json` (the Connector's language), ASP.NET Core and Newtonsoft
/// match names case-insensitively with the last one winning: were a `"User"`
/// or `"Status"` beside the signed `"user"` and `"status"` accepted, a holder
/// of one genuine callback could re-target it for such a reader. Hence the
/// member-name check, and hence: **use only the values returned by
/// verification ([`VerifiedCallback`]), never the raw body** (not even
/// re-parsed after it verified).
///
/// # Replays
/// A callback verifies until [`VerifiedCallback::replay_until`]
/// (`deadline + leeway`); store its [`VerifiedCallback::replay_key`] at least
/// until then and refuse a key already stored.
///
/// # Message forms
/// Established against the real samples of the upstream page:
/// - status: SHA3-256 of the compact JSON of `user, fields, status,
///   expiration, deadline[, tx_hash]` (Go escaping);
/// - data, [`Coverage::Full`]: SHA3-256 of Go `json.Encoder` output of
///   `struct{User; Infos; Deadline; Expiration}` (Go 1.22+ escaping, then the
///   pre-1.22 `\b`/`\f` escaping when it differs); [`Coverage::DeadlineOnly`]:
///   the raw bytes `{"Deadline":<deadline>}\n`, which is what the real sample
///   signs. That covers neither user, values nor peppers, and is accepted only
///   with [`CallbackOptions::allow_deadline_only`];
/// - error: the compact form of `user, items, error, expiration, deadline`
///   and the Go encoder form of `struct{User; Items; Error; Deadline;
///   Expiration}` (both SHA3-256), then deadline-only. The public sample
///   verifies under none of them: it yields [`Error::UnverifiableSignature`].
///
/// # Errors
/// - [`Error::InvalidArgument`]: options out of range;
/// - [`Error::InputTooLarge`]: body above [`MAX_CALLBACK_BODY_LEN`];
/// - [`Error::MalformedInput`]: bad JSON; a member outside the kind's
///   documented set or two names equal under ASCII case folding (e.g.
///   `"Status"` beside `"status"`); unknown status; bad signature encoding;
/// - [`Error::KeyMismatch`]: signed with another key than the pinned one;
/// - [`Error::SignatureInvalid`]: the signature holds under no message form
///   ([`Error::UnverifiableSignature`] for an error callback, none of whose
///   forms is established);
/// - [`Error::DeadlineOnlyNotAllowed`]: only the deadline form holds and
///   [`CallbackOptions::allow_deadline_only`] is off;
/// - [`Error::Expired`]: `now` is past `deadline + leeway_secs`.
///
/// ```
/// use kycrypt::corepass::{CallbackKind, CallbackOptions, PinnedConnector, verify_callback};
/// let pinned = PinnedConnector::parse("ab03a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5")?;
/// let e = verify_callback(CallbackKind::Status, b"{}", &pinned, 0, &CallbackOptions::default());
/// assert_eq!(e.unwrap_err().code(), "malformed_input");
/// let kind: CallbackKind = "data".parse()?;
/// assert_eq!(kind, CallbackKind::Data);
/// # Ok::<(), kycrypt::Error>(())
/// ```
pub fn verify_callback(
    kind: CallbackKind,
    body: &[u8],
    pinned: &PinnedConnector,
    now: u64,
    opts: &CallbackOptions,
) -> Result<VerifiedCallback> {
    opts.validate()?;
    crate::error::check_len("callback body", body, MAX_CALLBACK_BODY_LEN)?;
    let checked = match kind {
        CallbackKind::Status => check_status(body, pinned)?,
        CallbackKind::Data => check_data(body, pinned)?,
        CallbackKind::Error => check_error(body, pinned)?,
    };
    checked.finish(pinned, now, opts)
}

/// [`verify_callback`] with [`CallbackKind::Status`].
///
/// # Errors
/// As [`verify_callback`].
pub fn verify_status_callback(
    body: &[u8],
    pinned: &PinnedConnector,
    now: u64,
    opts: &CallbackOptions,
) -> Result<VerifiedCallback> {
    verify_callback(CallbackKind::Status, body, pinned, now, opts)
}

/// [`verify_callback`] with [`CallbackKind::Data`].
///
/// # Errors
/// As [`verify_callback`].
pub fn verify_data_callback(
    body: &[u8],
    pinned: &PinnedConnector,
    now: u64,
    opts: &CallbackOptions,
) -> Result<VerifiedCallback> {
    verify_callback(CallbackKind::Data, body, pinned, now, opts)
}

/// [`verify_callback`] with [`CallbackKind::Error`].
///
/// # Errors
/// As [`verify_callback`].
pub fn verify_error_callback(
    body: &[u8],
    pinned: &PinnedConnector,
    now: u64,
    opts: &CallbackOptions,
) -> Result<VerifiedCallback> {
    verify_callback(CallbackKind::Error, body, pinned, now, opts)
}

struct Signed {
    sig: [u8; SIGNATURE_LEN],
    key: Ed448VerifyingKey,
}

/// A body whose signature held under one of its kind's message forms; the
/// policy checks (coverage, deadline) remain.
struct Checked {
    user: String,
    deadline: u64,
    coverage: Coverage,
    /// SHA3-256 of the signed message, for the replay key.
    signed_hash: [u8; 32],
    body: CallbackBody,
}

/// Member-name check, then the typed parse.
fn parse<T: DeserializeOwned>(
    body: &[u8],
    members: &'static Members,
    what: &'static str,
) -> Result<T> {
    members::check(body, members, what)?;
    body::parse_json(body, what)
}

/// Decodes the 171-byte signature and checks the embedded key against the pin.
fn signed_by(signature_b64: &str, pinned: &PinnedConnector) -> Result<Signed> {
    let raw = crate::encoding::b64_decode("signature", signature_b64)?;
    let raw = <[u8; CALLBACK_SIGNATURE_LEN]>::try_from(raw.as_slice())
        .map_err(|_| Error::malformed("signature must decode to 171 bytes"))?;
    let (sig, key) = raw.split_at(SIGNATURE_LEN);
    let sig =
        <[u8; SIGNATURE_LEN]>::try_from(sig).map_err(|_| Error::malformed("signature length"))?;
    let key =
        <[u8; PUBLIC_KEY_LEN]>::try_from(key).map_err(|_| Error::malformed("signature length"))?;
    let key = pinned.verifying_key(&key)?;
    Ok(Signed { sig, key })
}

/// Signature held for `msg`; returns the SHA3 of the signed message for the replay key.
fn holds(s: &Signed, msg: &[u8]) -> Option<[u8; 32]> {
    s.key.verify(msg, &s.sig).ok().map(|()| sha3_256(&[msg]))
}

/// The deadline-only form, when it holds.
fn deadline_only(s: &Signed, deadline: u64) -> Option<(Coverage, [u8; 32])> {
    holds(s, &body::deadline_only_message(deadline)).map(|h| (Coverage::DeadlineOnly, h))
}

fn check_status(body: &[u8], pinned: &PinnedConnector) -> Result<Checked> {
    let w: StatusWire = parse(
        body,
        &members::STATUS,
        "status callback is not the expected JSON",
    )?;
    let status = w.status.parse::<Status>()?;
    let s = signed_by(&w.signature, pinned)?;
    let digest = sha3_256(&[&body::status_message(&w)]);
    let signed_hash = holds(&s, &digest).ok_or(Error::SignatureInvalid)?;
    Ok(Checked {
        user: w.user,
        deadline: w.deadline,
        coverage: Coverage::Full,
        signed_hash,
        body: CallbackBody::Status(StatusBody {
            fields: w.fields.unwrap_or_default(),
            status,
            expiration: w.expiration,
            tx_hash: w.tx_hash,
        }),
    })
}

fn check_data(body: &[u8], pinned: &PinnedConnector) -> Result<Checked> {
    let w: DataWire = parse(
        body,
        &members::DATA,
        "data callback is not the expected JSON",
    )?;
    let s = signed_by(&w.signature, pinned)?;
    let full = body::data_full_message(&w, Dialect::Go122);
    let legacy = body::data_full_message(&w, Dialect::BeforeGo122);
    let (coverage, signed_hash) = holds(&s, &sha3_256(&[&full]))
        .or_else(|| {
            if legacy == full {
                None
            } else {
                holds(&s, &sha3_256(&[&legacy]))
            }
        })
        .map(|h| (Coverage::Full, h))
        .or_else(|| deadline_only(&s, w.deadline))
        .ok_or(Error::SignatureInvalid)?;
    Ok(Checked {
        user: w.user,
        deadline: w.deadline,
        coverage,
        signed_hash,
        body: CallbackBody::Data(DataBody {
            infos: w.infos.unwrap_or_default(),
            expiration: w.expiration,
        }),
    })
}

fn check_error(body: &[u8], pinned: &PinnedConnector) -> Result<Checked> {
    let w: ErrorWire = parse(
        body,
        &members::ERROR,
        "error callback is not the expected JSON",
    )?;
    let s = signed_by(&w.signature, pinned)?;
    let (coverage, signed_hash) = body::error_messages(&w)
        .iter()
        .find_map(|m| holds(&s, &sha3_256(&[m])))
        .map(|h| (Coverage::Full, h))
        .or_else(|| deadline_only(&s, w.deadline))
        .ok_or(Error::UnverifiableSignature(
            "no known message form of the error callback verifies".into(),
        ))?;
    Ok(Checked {
        user: w.user,
        deadline: w.deadline,
        coverage,
        signed_hash,
        body: CallbackBody::Error(ErrorBody {
            items: w.items.unwrap_or_default(),
            error: w.error,
            expiration: w.expiration,
        }),
    })
}

impl Checked {
    /// The policy checks (coverage, then deadline) and the replay key.
    fn finish(
        self,
        pinned: &PinnedConnector,
        now: u64,
        opts: &CallbackOptions,
    ) -> Result<VerifiedCallback> {
        if self.coverage == Coverage::DeadlineOnly && !opts.allow_deadline_only {
            return Err(Error::DeadlineOnlyNotAllowed);
        }
        // The last accepted second: `now == replay_until` verifies, one more does not.
        let replay_until = self.deadline.saturating_add(opts.leeway_secs);
        if now > replay_until {
            return Err(Error::Expired);
        }
        let signer = pinned.address();
        let key_user = if self.coverage == Coverage::Full {
            self.user.as_bytes()
        } else {
            b""
        };
        let len = u64::try_from(key_user.len())
            .unwrap_or(u64::MAX)
            .to_be_bytes();
        let replay_key = ReplayKey(sha3_256(&[
            b"kycrypt/corepass/replay/v1",
            signer.as_bytes(),
            &len,
            key_user,
            &self.deadline.to_be_bytes(),
            &self.signed_hash,
        ]));
        Ok(VerifiedCallback {
            signer,
            user: self.user,
            deadline: self.deadline,
            coverage: self.coverage,
            replay_key,
            replay_until,
            body: self.body,
        })
    }
}

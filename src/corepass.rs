//! CorePass: Connector v1 callbacks (Ed448), Core addresses (ICAN), item
//! names, peppers and transfer statuses. Connector v2 webhooks (HMAC) are
//! checked by [`webhooks::verify`](crate::webhooks::verify) with
//! [`Provider::CorePass`](crate::webhooks::Provider::CorePass).
//!
//! - Callbacks: [`verify_callback`] with a [`CallbackKind`], the Connector's
//!   key pinned ([`PinnedConnector`]) and [`CallbackOptions`]; it returns a
//!   [`VerifiedCallback`] whose [`ReplayKey`] detects replays.
//! - Addresses: [`CoreAddress`], [`Network`].
//! - Items and statuses: [`Item`], [`Status`], [`Pepper`],
//!   [`check_qrcode_expiration`].

mod address;
pub(crate) mod callback;
pub(crate) mod gojson;
mod items;
mod pepper;

pub use address::{ADDRESS_LEN, CoreAddress, Network};
pub use callback::{
    CALLBACK_SIGNATURE_LEN, CallbackBody, CallbackKind, CallbackOptions, Coverage,
    DEFAULT_LEEWAY_SECS, DataBody, DataInfo, ErrorBody, MAX_CALLBACK_BODY_LEN, MAX_LEEWAY_SECS,
    PinnedConnector, ReplayKey, StatusBody, VerifiedCallback, verify_callback,
    verify_data_callback, verify_error_callback, verify_status_callback,
};
pub use items::{
    Item, MAX_QR_EXPIRATION_SECS, MIN_QR_EXPIRATION_SECS, Status, check_qrcode_expiration,
};
pub use pepper::{MAX_PEPPER_HEX_LEN, PEPPER_RANDOM_LENS, Pepper};

#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(clippy::exhaustive_structs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[macro_use]
mod macros;

pub mod encoding;
pub mod error;
pub mod primitives;

pub mod corepass;
pub mod hypersign;
pub mod moca;
pub mod webhooks;
pub mod zerohash;

pub use error::{Error, Result};

/// Not public API: internals reachable by the fuzz targets and the
/// differential tests only. Anything here may change in any release.
#[doc(hidden)]
pub mod __internal {
    pub use crate::corepass::callback::body::{
        DataMessage, DeadlineMessage, ErrorCompactMessage, ErrorGoMessage, InfoMessage,
        StatusMessage,
    };
    pub use crate::corepass::gojson::{Dialect, encode, marshal, marshal_bytes};
    pub use crate::hypersign::did::base58::{MAX_BASE58_LEN, base58btc_decode, base58btc_encode};
}

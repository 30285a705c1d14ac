#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod encoding;
pub mod error;
pub mod primitives;

pub mod corepass;
pub mod hypersign;
pub mod moca;
pub mod webhooks;
pub mod zerohash;

pub use error::{Error, Result};

#[doc(hidden)]
pub mod __internal {
    //! Not public API: reachable for fuzz targets and tests only.
    pub use crate::corepass::callback::body::{
        DataMessage, DeadlineMessage, ErrorCompactMessage, ErrorGoMessage, InfoMessage,
        StatusMessage,
    };
    pub use crate::corepass::gojson::{Dialect, encode, marshal, marshal_bytes};
}

//! kycrypt: the no-network cryptography and verification core for backends and
//! apps that integrate KYC and verifiable-credential providers.
//!
//! (Crate tour: filled in as the provider modules land.)
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

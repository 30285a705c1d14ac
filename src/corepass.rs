//! CorePass: Connector v1 callbacks (Ed448), Connector v2 webhooks (HMAC), Core
//! addresses (ICAN), item names and peppers.

pub mod address;
pub mod callback;
pub(crate) mod gojson;
pub mod items;
pub mod webhook;

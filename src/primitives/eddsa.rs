//! EdDSA (RFC 8032): Ed25519 and Ed448.

pub mod ed25519;
pub mod ed448;

//! The few building blocks the provider modules share, each small and typed.

pub mod ecies;
pub mod eddsa;
pub mod hmac;
pub mod jwt;
pub mod keys;
pub(crate) mod support;

//! Moca AIR Credential: partner JWTs and CAK (consent access key) encryption.

pub mod cak;
pub mod partner_jwt;

//! Hypersign: offline DID resolution (`did:key`, `did:hid`) and DID-JWT checks.

pub mod did;
pub mod did_jwt;

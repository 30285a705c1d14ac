//! Signature checks of KYC provider webhooks (the trigger of "issue when KYC
//! completes"): Sumsub, Onfido, Veriff, Persona; Jumio is reported as unsigned.

pub mod jumio;
pub mod onfido;
pub mod persona;
pub mod sumsub;
pub mod veriff;

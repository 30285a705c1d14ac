//! Typed Moca status values (parse/print only; no HTTP in the core).

use crate::error::{Error, Result};

/// `vcStatus` of an Issue-on-Behalf credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum VcStatus {
    /// `WAIT_ONCHAIN`: queued for on-chain issuance.
    WaitOnchain,
    /// `ONCHAIN`: issued.
    Onchain,
}

impl VcStatus {
    /// The wire string.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::WaitOnchain => "WAIT_ONCHAIN",
            Self::Onchain => "ONCHAIN",
        }
    }

    /// Parses the wire string (exact).
    ///
    /// # Errors
    /// [`Error::MalformedInput`] for other values.
    pub fn parse(s: &str) -> Result<Self> {
        match s {
            "WAIT_ONCHAIN" => Ok(Self::WaitOnchain),
            "ONCHAIN" => Ok(Self::Onchain),
            _ => Err(Error::malformed("unknown vcStatus")),
        }
    }
}

/// A credential verification result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum VerifyResult {
    /// `Compliant`.
    Compliant,
    /// `Non-Compliant`.
    NonCompliant,
    /// `Pending`.
    Pending,
    /// `Revoking`.
    Revoking,
    /// `Revoked`.
    Revoked,
    /// `Expired`.
    Expired,
    /// `NotFound`.
    NotFound,
}

impl VerifyResult {
    const ALL: [Self; 7] = [
        Self::Compliant,
        Self::NonCompliant,
        Self::Pending,
        Self::Revoking,
        Self::Revoked,
        Self::Expired,
        Self::NotFound,
    ];

    /// The wire string.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Compliant => "Compliant",
            Self::NonCompliant => "Non-Compliant",
            Self::Pending => "Pending",
            Self::Revoking => "Revoking",
            Self::Revoked => "Revoked",
            Self::Expired => "Expired",
            Self::NotFound => "NotFound",
        }
    }

    /// Parses the wire string (exact).
    ///
    /// # Errors
    /// [`Error::MalformedInput`] for other values.
    pub fn parse(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or(Error::malformed("unknown verification result"))
    }
}

impl core::fmt::Display for VcStatus {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl core::fmt::Display for VerifyResult {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip() {
        for v in VerifyResult::ALL {
            assert_eq!(VerifyResult::parse(v.as_str()).unwrap(), v);
        }
        assert!(VerifyResult::parse("compliant").is_err());
        assert_eq!(VcStatus::parse("ONCHAIN").unwrap(), VcStatus::Onchain);
        assert_eq!(VcStatus::WaitOnchain.to_string(), "WAIT_ONCHAIN");
        assert!(VcStatus::parse("onchain").is_err());
    }
}

//! Typed Moca status values (parse/print only; no HTTP in the core).

use crate::error::Error;

str_enum! {
    /// `vcStatus` of an Issue-on-Behalf credential, as Moca spells it.
    ///
    /// ```
    /// use kycrypt::moca::partner_jwt::VcStatus;
    /// assert_eq!("ONCHAIN".parse::<VcStatus>()?, VcStatus::Onchain);
    /// assert_eq!(VcStatus::WaitOnchain.as_str(), "WAIT_ONCHAIN");
    /// # Ok::<(), kycrypt::Error>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum VcStatus {
        /// Queued for on-chain issuance.
        WaitOnchain = "WAIT_ONCHAIN",
        /// Issued.
        Onchain = "ONCHAIN",
    }
    unknown => Error::malformed("unknown vcStatus");
}

str_enum! {
    /// A credential verification result, as Moca spells it.
    ///
    /// ```
    /// use kycrypt::moca::partner_jwt::VerifyResult;
    /// assert_eq!("Non-Compliant".parse::<VerifyResult>()?, VerifyResult::NonCompliant);
    /// # Ok::<(), kycrypt::Error>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum VerifyResult {
        /// The credential is compliant.
        Compliant = "Compliant",
        /// The credential is not compliant.
        NonCompliant = "Non-Compliant",
        /// The verification is pending.
        Pending = "Pending",
        /// The credential is being revoked.
        Revoking = "Revoking",
        /// The credential is revoked.
        Revoked = "Revoked",
        /// The credential has expired.
        Expired = "Expired",
        /// No such credential.
        NotFound = "NotFound",
    }
    unknown => Error::malformed("unknown verification result");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip() {
        for v in VerifyResult::ALL {
            assert_eq!(v.as_str().parse::<VerifyResult>().unwrap(), *v);
        }
        assert_eq!(
            "compliant".parse::<VerifyResult>().unwrap_err().code(),
            "malformed_input"
        );
        assert_eq!("ONCHAIN".parse::<VcStatus>().unwrap(), VcStatus::Onchain);
        assert_eq!(VcStatus::WaitOnchain.to_string(), "WAIT_ONCHAIN");
        assert!("onchain".parse::<VcStatus>().is_err());
    }
}

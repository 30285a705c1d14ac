//! CorePass KYC item names, their SHA3 identifiers, transfer
//! statuses and the `kyc/qrcode` expiration rule (this module is private).

use crate::error::{Error, Result};
use crate::primitives::support::sha3_256;

str_enum! {
    /// One of the 46 KYC items a Connector can transfer (`SH_<document>_<field>`
    /// for the four document types, which share the same eleven fields, then
    /// `SH_EMAIL` and `SH_PHONE`), in the order of the upstream documentation.
    ///
    /// ```
    /// use kycrypt::corepass::{Item, Status};
    /// let item: Item = "SH_EMAIL".parse()?;
    /// assert_eq!(item.sha3_hex(), "21148787cbc13cfc8acde462c822ff431af96aa2edf714fdc82f90e4c2918824");
    /// assert_eq!(Item::from_sha3_hex(&item.sha3_hex())?, item);
    /// assert!("FINISH_FAILED".parse::<Status>()?.is_failure());
    /// # Ok::<(), kycrypt::Error>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Item {
        IdCardFullname = "SH_IDCard_FULLNAME",
        IdCardDob = "SH_IDCard_DOB",
        IdCardExpiryDate = "SH_IDCard_ExpiryDate",
        IdCardIssueDate = "SH_IDCard_IssueDate",
        IdCardDocumentNumber = "SH_IDCard_DocumentNumber",
        IdCardGender = "SH_IDCard_Gender",
        IdCardCountry = "SH_IDCard_Country",
        IdCardDocumentImage = "SH_IDCard_DocumentImage",
        IdCardFaceImage = "SH_IDCard_FaceImage",
        IdCardAmlCheck = "SH_IDCard_AML_Check",
        IdCardAmlDetail = "SH_IDCard_AML_Detail",
        PassportFullname = "SH_Passport_FULLNAME",
        PassportDob = "SH_Passport_DOB",
        PassportExpiryDate = "SH_Passport_ExpiryDate",
        PassportIssueDate = "SH_Passport_IssueDate",
        PassportDocumentNumber = "SH_Passport_DocumentNumber",
        PassportGender = "SH_Passport_Gender",
        PassportCountry = "SH_Passport_Country",
        PassportDocumentImage = "SH_Passport_DocumentImage",
        PassportFaceImage = "SH_Passport_FaceImage",
        PassportAmlCheck = "SH_Passport_AML_Check",
        PassportAmlDetail = "SH_Passport_AML_Detail",
        ResidencePermitFullname = "SH_ResidencePermit_FULLNAME",
        ResidencePermitDob = "SH_ResidencePermit_DOB",
        ResidencePermitExpiryDate = "SH_ResidencePermit_ExpiryDate",
        ResidencePermitIssueDate = "SH_ResidencePermit_IssueDate",
        ResidencePermitDocumentNumber = "SH_ResidencePermit_DocumentNumber",
        ResidencePermitGender = "SH_ResidencePermit_Gender",
        ResidencePermitCountry = "SH_ResidencePermit_Country",
        ResidencePermitDocumentImage = "SH_ResidencePermit_DocumentImage",
        ResidencePermitFaceImage = "SH_ResidencePermit_FaceImage",
        ResidencePermitAmlCheck = "SH_ResidencePermit_AML_Check",
        ResidencePermitAmlDetail = "SH_ResidencePermit_AML_Detail",
        DriverLicenseFullname = "SH_DriverLicense_FULLNAME",
        DriverLicenseDob = "SH_DriverLicense_DOB",
        DriverLicenseExpiryDate = "SH_DriverLicense_ExpiryDate",
        DriverLicenseIssueDate = "SH_DriverLicense_IssueDate",
        DriverLicenseDocumentNumber = "SH_DriverLicense_DocumentNumber",
        DriverLicenseGender = "SH_DriverLicense_Gender",
        DriverLicenseCountry = "SH_DriverLicense_Country",
        DriverLicenseDocumentImage = "SH_DriverLicense_DocumentImage",
        DriverLicenseFaceImage = "SH_DriverLicense_FaceImage",
        DriverLicenseAmlCheck = "SH_DriverLicense_AML_Check",
        DriverLicenseAmlDetail = "SH_DriverLicense_AML_Detail",
        Email = "SH_EMAIL",
        Phone = "SH_PHONE",
    }
    unknown => Error::malformed("unknown CorePass item name");
}

impl Item {
    /// SHA3-256 of the wire name (the `fields` entries of status callbacks).
    #[must_use]
    pub fn sha3(self) -> [u8; 32] {
        sha3_256(&[self.as_str().as_bytes()])
    }

    /// Lowercase hex of [`sha3`](Self::sha3).
    #[must_use]
    pub fn sha3_hex(self) -> String {
        hex::encode(self.sha3())
    }

    /// The item whose name hashes to `h` (hex, either case).
    ///
    /// # Errors
    /// [`Error::MalformedInput`] when no item matches.
    pub fn from_sha3_hex(h: &str) -> Result<Self> {
        let want = crate::encoding::hex_decode_array::<32>("item hash", h)?;
        Self::ALL
            .iter()
            .copied()
            .find(|i| i.sha3() == want)
            .ok_or(Error::malformed("no CorePass item has this hash"))
    }
}

str_enum! {
    /// The status of a KYC transfer, in the order the flow goes through them
    /// (`Ord` follows that order).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum Status {
        Pending = "PENDING",
        Accepted = "ACCEPTED",
        InitiateSubmitted = "INITIATE_SUBMITTED",
        Initiated = "INITIATED",
        InitiatedFailed = "INITIATED_FAILED",
        KycReceived = "KYC_RECEIVED",
        ValidityCheck = "VALIDITY_CHECK",
        ValiditySucceed = "VALIDITY_SUCCEED",
        ValidityFailed = "VALIDITY_FAILED",
        ConfirmSubmitted = "CONFIRM_SUBMITTED",
        Confirmed = "CONFIRMED",
        ConfirmFailed = "CONFIRM_FAILED",
        CallbackSucceed = "CALLBACK_SUCCEED",
        CallbackFailed = "CALLBACK_FAILED",
        FinishSuccess = "FINISH_SUCCESS",
        FinishFailed = "FINISH_FAILED",
    }
    unknown => Error::malformed("unknown CorePass status");
}

impl Status {
    /// The flow failed for good: `INITIATED_FAILED`, `VALIDITY_FAILED`,
    /// `CONFIRM_FAILED`, `FINISH_FAILED` (`CALLBACK_FAILED` is retried, so not one).
    #[must_use]
    pub const fn is_failure(self) -> bool {
        matches!(
            self,
            Self::InitiatedFailed | Self::ValidityFailed | Self::ConfirmFailed | Self::FinishFailed
        )
    }

    /// No further status follows: a failure or `FINISH_SUCCESS`.
    #[must_use]
    pub const fn is_terminal(self) -> bool {
        self.is_failure() || matches!(self, Self::FinishSuccess)
    }

    /// Whether a `tx_hash` accompanies this status: from `INITIATE_SUBMITTED`
    /// on (the spec's rule; the upstream page lists a narrower, inconsistent
    /// set, so verification does not enforce presence or absence).
    #[must_use]
    pub fn has_tx_hash(self) -> bool {
        self >= Self::InitiateSubmitted
    }
}

/// Smallest `expiration - now` the `kyc/qrcode` endpoint accepts (5 minutes).
pub const MIN_QR_EXPIRATION_SECS: u64 = 5 * 60;
/// Largest `expiration - now` the `kyc/qrcode` endpoint accepts (15 minutes).
pub const MAX_QR_EXPIRATION_SECS: u64 = 15 * 60;

/// Checks a `kyc/qrcode` `expiration` (unix seconds): 5 to 15 minutes after
/// `now`, both ends included.
///
/// # Errors
/// [`Error::InvalidArgument`] outside that window.
pub fn check_qrcode_expiration(expiration: u64, now: u64) -> Result<()> {
    let ahead = expiration.checked_sub(now);
    match ahead {
        Some(a) if (MIN_QR_EXPIRATION_SECS..=MAX_QR_EXPIRATION_SECS).contains(&a) => Ok(()),
        _ => Err(Error::InvalidArgument(
            "expiration must be 5 to 15 minutes after now".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_round_trip() {
        assert_eq!(Item::ALL.len(), 46);
        for i in Item::ALL {
            assert_eq!(i.as_str().parse::<Item>().unwrap(), *i);
            assert_eq!(Item::from_sha3_hex(&i.sha3_hex()).unwrap(), *i);
        }
        assert_eq!(
            "sh_email".parse::<Item>().unwrap_err().code(),
            "malformed_input"
        );
        assert_eq!(Item::Email.to_string(), "SH_EMAIL");
    }

    #[test]
    fn statuses() {
        assert_eq!(Status::ALL.len(), 16);
        let fails: Vec<_> = Status::ALL.iter().filter(|s| s.is_failure()).collect();
        assert_eq!(fails.len(), 4);
        assert!(Status::FinishSuccess.is_terminal() && !Status::CallbackFailed.is_terminal());
        assert!(!Status::Accepted.has_tx_hash() && Status::InitiateSubmitted.has_tx_hash());
        assert_eq!(
            "DONE".parse::<Status>().unwrap_err().code(),
            "malformed_input"
        );
        assert_eq!(Status::ALL[0].as_str(), "PENDING");
    }

    #[test]
    fn qrcode_window() {
        assert!(check_qrcode_expiration(1300, 1000).is_ok());
        assert!(check_qrcode_expiration(1900, 1000).is_ok());
        assert!(check_qrcode_expiration(1299, 1000).is_err());
        assert!(check_qrcode_expiration(1901, 1000).is_err());
        assert!(check_qrcode_expiration(999, 1000).is_err());
    }
}

//! Curve-tagged ECIES keys with lenient parsing of the string forms CAK
//! integrations meet (hex with or without `0x`, base64, PEM).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::curve::{Backend, PointBytes, ScalarBytes};
use super::{Curve, decode_on, on_curve};
use crate::error::{Detail, Error, Result};

/// Largest key string (hex, base64 or PEM) the parsers accept: 8 KiB.
pub const MAX_KEY_TEXT_LEN: usize = 8 * 1024;

/// Decodes hex (optional `0x`, either case) or base64 (standard or URL-safe,
/// padded or not). Hex wins when the text is valid hex: a base64 string of a
/// 32/33/64/65-byte key is 43-88 characters and contains non-hex characters
/// with overwhelming probability, and hex lengths are fixed per key size.
fn decode_lenient(what: &'static str, text: &str) -> Result<Zeroizing<Vec<u8>>> {
    crate::error::check_len(what, text.as_bytes(), MAX_KEY_TEXT_LEN)?;
    let t = text.trim();
    let hex_part = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .unwrap_or(t);
    if let Ok(bytes) = hex::decode(hex_part) {
        return Ok(Zeroizing::new(bytes));
    }
    for engine in [&STANDARD, &STANDARD_NO_PAD, &URL_SAFE, &URL_SAFE_NO_PAD] {
        if let Ok(bytes) = engine.decode(t) {
            return Ok(Zeroizing::new(bytes));
        }
    }
    Err(Error::MalformedInput(Detail::Owned(format!(
        "{what} is neither hex nor base64"
    ))))
}

/// A recipient public key: a point on [`Curve::P256`] or [`Curve::Secp256k1`],
/// never the identity.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct EciesPublicKey {
    curve: Curve,
    point: PointBytes,
}

impl core::fmt::Debug for EciesPublicKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EciesPublicKey")
            .field("curve", &self.curve)
            .field("sec1", &hex::encode(self.point))
            .finish()
    }
}

impl EciesPublicKey {
    /// Parses a public key from bytes: SEC1 compressed (33), uncompressed (65)
    /// or raw `x || y` (64).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] for another length, an off-curve point, the
    /// identity or a hybrid encoding; [`Error::CurveMismatch`] for an
    /// uncompressed point that lies on the other supported curve.
    pub fn from_bytes(curve: Curve, bytes: &[u8]) -> Result<Self> {
        let point = match bytes.len() {
            33 | 65 => decode_on(curve, bytes, "public key")?,
            64 => {
                let mut sec1 = [0u8; 65];
                let (prefix, xy) = sec1.split_at_mut(1);
                prefix.copy_from_slice(&[0x04]);
                xy.copy_from_slice(bytes);
                decode_on(curve, &sec1, "public key")?
            }
            1 if bytes.first() == Some(&0) => {
                return Err(Error::invalid_key(
                    "the identity point is not a usable public key",
                ));
            }
            _ => return Err(Error::invalid_key("public key must be 33, 64 or 65 bytes")),
        };
        Ok(Self { curve, point })
    }

    /// Parses the lenient string form: hex (with or without `0x`) or base64 of
    /// the bytes [`from_bytes`](Self::from_bytes) takes, or a PEM
    /// `PUBLIC KEY` (SubjectPublicKeyInfo) document.
    ///
    /// # Errors
    /// [`Error::MalformedInput`] when the text is not hex/base64/PEM, else as
    /// [`from_bytes`](Self::from_bytes) / [`from_spki_der`](Self::from_spki_der).
    pub fn parse(curve: Curve, text: &str) -> Result<Self> {
        if text.contains("-----BEGIN") {
            crate::error::check_len("public key PEM", text.as_bytes(), MAX_KEY_TEXT_LEN)?;
            let body: String = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("-----"))
                .collect();
            if !text.contains("-----BEGIN PUBLIC KEY-----") {
                return Err(Error::malformed(
                    "PEM public key must be a PUBLIC KEY document",
                ));
            }
            let der = crate::encoding::b64_decode("public key PEM", &body)?;
            return Self::from_spki_der(curve, &der);
        }
        let bytes = decode_lenient("public key", text)?;
        Self::from_bytes(curve, &bytes)
    }

    /// Parses a DER `SubjectPublicKeyInfo` (id-ecPublicKey with a named curve).
    ///
    /// # Errors
    /// [`Error::CurveMismatch`] when it names the other supported curve,
    /// [`Error::InvalidKey`] for anything else that is not a valid key.
    pub fn from_spki_der(curve: Curve, der: &[u8]) -> Result<Self> {
        crate::error::check_len("public key DER", der, MAX_KEY_TEXT_LEN)?;
        if let Some(point) = on_curve!(curve, public_from_spki_der(der)) {
            return Ok(Self { curve, point });
        }
        if on_curve!(curve.other(), public_from_spki_der(der)).is_some() {
            return Err(Error::CurveMismatch(Detail::Owned(format!(
                "the key is not a {} key",
                curve
            ))));
        }
        Err(Error::InvalidKey(Detail::Owned(format!(
            "not a valid {} SubjectPublicKeyInfo",
            curve
        ))))
    }

    /// The curve of this key.
    #[must_use]
    pub const fn curve(&self) -> Curve {
        self.curve
    }

    /// SEC1 encoding: 33 bytes compressed or 65 bytes uncompressed.
    #[must_use]
    pub fn to_sec1_bytes(&self, compressed: bool) -> Vec<u8> {
        if !compressed {
            return self.point.to_vec();
        }
        // SEC1 2.3.3: 02 for even y, 03 for odd y, then x.
        let (head, y) = self.point.split_at(33);
        let odd = y.last().map_or(0, |b| b & 1);
        let mut out = Vec::with_capacity(33);
        out.push(0x02 | odd);
        out.extend_from_slice(head.get(1..).unwrap_or_default());
        out
    }

    pub(super) const fn point(&self) -> &PointBytes {
        &self.point
    }
}

/// A recipient secret key: a scalar in `[1, n-1]` of its curve. Zeroized on
/// drop; `Debug` shows only the curve.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct EciesSecretKey {
    #[zeroize(skip)]
    curve: Curve,
    scalar: ScalarBytes,
    /// `scalar * G`, computed once on construction.
    #[zeroize(skip)]
    public: PointBytes,
}

impl core::fmt::Debug for EciesSecretKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EciesSecretKey")
            .field("curve", &self.curve)
            .finish_non_exhaustive()
    }
}

impl EciesSecretKey {
    /// A secret key from a 32-byte big-endian scalar.
    ///
    /// # Errors
    /// [`Error::InvalidKey`] for another length, zero, or a value not below
    /// the group order.
    pub fn from_bytes(curve: Curve, bytes: &[u8]) -> Result<Self> {
        let scalar = Zeroizing::new(
            <ScalarBytes>::try_from(bytes)
                .map_err(|_| Error::invalid_key("secret key must be 32 bytes"))?,
        );
        match on_curve!(curve, public_of(&scalar)) {
            Some(public) => Ok(Self {
                curve,
                scalar: *scalar,
                public,
            }),
            None => Err(Error::invalid_key(
                "secret key is zero or not below the group order",
            )),
        }
    }

    /// Parses the lenient string form: a PEM document (SEC1
    /// `EC PRIVATE KEY` or PKCS#8 `PRIVATE KEY`, recognised by `-----BEGIN`),
    /// else hex (with or without `0x`) or base64 of the 32-byte scalar.
    ///
    /// # Errors
    /// [`Error::MalformedInput`] when the text is not hex/base64, else as
    /// [`from_bytes`](Self::from_bytes) / [`from_pem`](Self::from_pem).
    pub fn parse(curve: Curve, text: &str) -> Result<Self> {
        if text.contains("-----BEGIN") {
            return Self::from_pem(curve, text);
        }
        let bytes = decode_lenient("secret key", text)?;
        Self::from_bytes(curve, &bytes)
    }

    /// Parses a SEC1 (`EC PRIVATE KEY`) or PKCS#8 (`PRIVATE KEY`) PEM document.
    ///
    /// # Errors
    /// [`Error::CurveMismatch`] when the document is a valid key of the other
    /// supported curve; [`Error::InvalidKey`] otherwise.
    pub fn from_pem(curve: Curve, pem: &str) -> Result<Self> {
        crate::error::check_len("secret key PEM", pem.as_bytes(), MAX_KEY_TEXT_LEN)?;
        let pem = pem.trim();
        if let Some(scalar) = on_curve!(curve, secret_from_pem(pem)) {
            return Self::from_bytes(curve, scalar.as_slice());
        }
        if on_curve!(curve.other(), secret_from_pem(pem)).is_some() {
            return Err(Error::CurveMismatch(Detail::Owned(format!(
                "the PEM key is not a {} key",
                curve
            ))));
        }
        Err(Error::InvalidKey(Detail::Owned(format!(
            "not a valid {} EC private key PEM",
            curve
        ))))
    }

    /// Generates a fresh key from the operating system's RNG.
    ///
    /// # Errors
    /// [`Error::Internal`] if the RNG fails.
    pub fn generate(curve: Curve) -> Result<Self> {
        // Rejection sampling: for both curves a random 256-bit string is a
        // valid scalar with probability > 1 - 2^-32.
        for _ in 0..64 {
            let mut candidate = Zeroizing::new([0u8; 32]);
            getrandom::fill(candidate.as_mut_slice())
                .map_err(|_| Error::Internal(Detail::Borrowed("the system RNG failed")))?;
            if let Ok(key) = Self::from_bytes(curve, candidate.as_slice()) {
                return Ok(key);
            }
        }
        Err(Error::Internal(Detail::Borrowed(
            "could not draw a valid scalar",
        )))
    }

    /// The curve of this key.
    #[must_use]
    pub const fn curve(&self) -> Curve {
        self.curve
    }

    /// The matching public key.
    #[must_use]
    pub fn public_key(&self) -> EciesPublicKey {
        EciesPublicKey {
            curve: self.curve,
            point: self.public,
        }
    }

    /// The 32-byte big-endian scalar (zeroized when dropped).
    #[must_use]
    pub fn to_bytes(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.scalar)
    }

    pub(super) const fn scalar(&self) -> &ScalarBytes {
        &self.scalar
    }
}

//! Core blockchain addresses (ICAN), as go-core `PubkeyToAddress` builds them.
//! Documented on [`CoreAddress`] (this module is private).

use core::fmt;
use core::str::FromStr;

use crate::error::{Error, Result};
use crate::primitives::eddsa::ed448::{Ed448VerifyingKey, PUBLIC_KEY_LEN};
use crate::primitives::support::sha3_256;

/// Length of an address in bytes.
pub const ADDRESS_LEN: usize = 22;

str_enum! {
    /// The network an address belongs to (its first byte).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Network {
        /// Core mainnet (network id 1), prefix `cb`.
        Mainnet = "mainnet",
        /// Devin testnet (network id 3), prefix `ab`.
        Devin = "devin",
        /// Any other network, prefix `ce`.
        Other = "other",
    }
    unknown => Error::InvalidArgument("network must be mainnet, devin or other".into());
}

impl Network {
    /// The prefix byte (`0xcb`, `0xab`, `0xce`).
    #[must_use]
    pub const fn prefix(self) -> u8 {
        match self {
            Self::Mainnet => 0xcb,
            Self::Devin => 0xab,
            Self::Other => 0xce,
        }
    }

    /// The network of a prefix byte, if it is one of the three.
    #[must_use]
    pub const fn from_prefix(prefix: u8) -> Option<Self> {
        match prefix {
            0xcb => Some(Self::Mainnet),
            0xab => Some(Self::Devin),
            0xce => Some(Self::Other),
            _ => None,
        }
    }
}

/// A checksummed Core address (22 bytes), as go-core `PubkeyToAddress`
/// builds them. Always valid once constructed.
///
/// An address is 22 bytes: `prefix (1) || checksum (1) || SHA3-256(pub)[12..32]`,
/// printed as 44 lowercase hex characters. The prefix names the network
/// (`cb` mainnet, `ab` Devin testnet, `ce` any other network); the checksum
/// is two decimal digits computed IBAN style (mod 97) over
/// `hex(addr20) || prefix || "00"`.
///
/// ```
/// use kycrypt::corepass::{CoreAddress, Network};
/// let pubkey = hex::decode("315484db568379ce94f9c894e3e6e4c7ee216676b713ca892d9b26746ae902a772e217a6a8bb493ce2bb313cf0cb66e76765d4c45ec6b68600").unwrap();
/// let addr = CoreAddress::from_public_key_bytes(&pubkey, Network::Mainnet)?;
/// assert_eq!(addr.to_string(), "cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5");
/// assert_eq!(CoreAddress::parse("ab03a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5")?.network(), Network::Devin);
/// # Ok::<(), kycrypt::Error>(())
/// ```
///
/// `Display` prints the 44 lowercase hex characters go-core prints;
/// [`FromStr`] is [`parse`](Self::parse) (either case), so printing and
/// parsing round-trip.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CoreAddress([u8; ADDRESS_LEN]);

impl CoreAddress {
    /// Derives the address of a public key on `network`.
    #[must_use]
    pub fn from_public_key(key: &Ed448VerifyingKey, network: Network) -> Self {
        Self::from_key_bytes(&key.to_bytes(), network)
    }

    /// Derives the address of 57 public key bytes (hashed as given; the point
    /// is not decoded).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `key` is not 57 bytes.
    pub fn from_public_key_bytes(key: &[u8], network: Network) -> Result<Self> {
        let arr = <[u8; PUBLIC_KEY_LEN]>::try_from(key)
            .map_err(|_| Error::invalid_key("Ed448 public key must be 57 bytes"))?;
        Ok(Self::from_key_bytes(&arr, network))
    }

    fn from_key_bytes(key: &[u8; PUBLIC_KEY_LEN], network: Network) -> Self {
        let digest = sha3_256(&[key]);
        let mut hash20 = [0u8; 20];
        hash20.copy_from_slice(digest.get(12..).unwrap_or_default());
        Self::from_parts(network, &hash20)
    }

    fn from_parts(network: Network, hash20: &[u8; 20]) -> Self {
        let prefix = network.prefix();
        let n = mod97(hash20, prefix, 0);
        let check = 98 - u8::try_from(n).unwrap_or(0);
        let mut out = [0u8; ADDRESS_LEN];
        out[0] = prefix;
        out[1] = (check / 10) << 4 | (check % 10);
        out[2..].copy_from_slice(hash20);
        Self(out)
    }

    /// Parses 44 hex characters (either case), checking prefix and checksum.
    /// The check digits must be the pair go-core prints: the ICAN rule alone
    /// (`mod 97 == 1`) also holds for a second pair on some addresses, which is
    /// refused so that one account has one spelling.
    ///
    /// # Errors
    /// [`Error::MalformedInput`] when the string is not 44 hex characters, the
    /// prefix is not `cb`/`ab`/`ce`, or the check digits are not the canonical
    /// ones.
    pub fn parse(s: &str) -> Result<Self> {
        if s.len() != 2 * ADDRESS_LEN {
            return Err(Error::malformed("Core address must be 44 hex characters"));
        }
        let bytes = crate::encoding::hex_decode_array::<ADDRESS_LEN>("Core address", s)?;
        Self::from_bytes(&bytes)
    }

    /// Checks 22 raw address bytes (prefix and checksum).
    ///
    /// # Errors
    /// [`Error::MalformedInput`] as for [`parse`](Self::parse).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let arr = <[u8; ADDRESS_LEN]>::try_from(bytes)
            .map_err(|_| Error::malformed("Core address must be 22 bytes"))?;
        let [prefix, _, hash20 @ ..] = arr;
        let network = Network::from_prefix(prefix)
            .ok_or(Error::malformed("unknown Core address network prefix"))?;
        // Only the check digits go-core prints (98 - n mod 97, 01..=98) are
        // accepted: mod 97 alone would also accept 99 for 02, 00 for 97 and 01
        // for 98, a second spelling of one account that `==` and string keys
        // would count twice.
        let canonical = Self::from_parts(network, &hash20);
        if canonical.0 != arr {
            return Err(Error::malformed("Core address checksum mismatch"));
        }
        Ok(canonical)
    }

    /// The network named by the prefix.
    #[must_use]
    pub fn network(&self) -> Network {
        // Construction guarantees a known prefix.
        Network::from_prefix(self.0[0]).unwrap_or(Network::Other)
    }

    /// The same account on another network (same key hash, new prefix and checksum).
    #[must_use]
    pub fn with_network(&self, network: Network) -> Self {
        let mut hash20 = [0u8; 20];
        hash20.copy_from_slice(&self.0[2..]);
        Self::from_parts(network, &hash20)
    }

    /// Whether both addresses name the same key hash (ignoring the network).
    #[must_use]
    pub fn same_account(&self, other: &Self) -> bool {
        self.0[2..] == other.0[2..]
    }

    /// The 22 raw bytes.
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; ADDRESS_LEN] {
        &self.0
    }
}

/// IBAN-style remainder of `hex(hash20) || hex(prefix) || two decimal digits`,
/// with hex letters read as 10..15.
fn mod97(hash20: &[u8; 20], prefix: u8, check: u8) -> u32 {
    let mut n: u32 = 0;
    let mut push = |nibble: u8| {
        n = if nibble < 10 {
            (n * 10 + u32::from(nibble)) % 97
        } else {
            (n * 100 + u32::from(nibble)) % 97
        };
    };
    for b in hash20.iter().chain(core::iter::once(&prefix)) {
        push(b >> 4);
        push(b & 0x0f);
    }
    push(check / 10);
    push(check % 10);
    n
}

impl fmt::Display for CoreAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(self.0))
    }
}

impl fmt::Debug for CoreAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CoreAddress({self})")
    }
}

impl FromStr for CoreAddress {
    type Err = Error;

    /// As [`CoreAddress::parse`].
    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUB: &str = "315484db568379ce94f9c894e3e6e4c7ee216676b713ca892d9b26746ae902a772e217a6a8bb493ce2bb313cf0cb66e76765d4c45ec6b68600";

    #[test]
    fn worked_vector() {
        let key = hex::decode(PUB).unwrap();
        for (net, want) in [
            (
                Network::Mainnet,
                "cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
            ),
            (
                Network::Devin,
                "ab03a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
            ),
            (
                Network::Other,
                "ce73a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
            ),
        ] {
            let a = CoreAddress::from_public_key_bytes(&key, net).unwrap();
            assert_eq!(a.to_string(), want);
            assert_eq!(CoreAddress::parse(want).unwrap(), a);
            assert_eq!(CoreAddress::parse(&want.to_uppercase()).unwrap(), a);
            assert_eq!(want.parse::<CoreAddress>().unwrap(), a);
            assert_eq!(net.as_str().parse::<Network>().unwrap(), net);
            assert_eq!(a.network(), net);
            assert_eq!(
                a.with_network(Network::Mainnet).to_string(),
                "cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5"
            );
        }
    }

    #[test]
    fn rejects_bad_addresses() {
        for bad in [
            "cb83a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
            "cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc6",
            "db82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
            "cb8aa5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
            "cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bf",
            "",
            "zz82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
        ] {
            assert_eq!(
                CoreAddress::parse(bad).unwrap_err().code(),
                "malformed_input",
                "{bad}"
            );
        }
    }

    /// ICAN's `mod 97 == 1` also holds for check digits 99 (for 02), 00 (for
    /// 97) and 01 (for 98); only go-core's pair is accepted.
    #[test]
    fn second_check_digit_pair_is_refused() {
        let mut found = 0;
        for i in 0u32..2000 {
            let digest = sha3_256(&[&i.to_be_bytes()]);
            let mut hash20 = [0u8; 20];
            hash20.copy_from_slice(&digest[12..]);
            let a = CoreAddress::from_parts(Network::Mainnet, &hash20);
            let check = (a.0[1] >> 4) * 10 + (a.0[1] & 0x0f);
            let alt = match check {
                2 => 99,
                97 => 0,
                98 => 1,
                _ => continue,
            };
            let mut other = a.0;
            other[1] = (alt / 10) << 4 | (alt % 10);
            assert_eq!(
                mod97(&hash20, other[0], alt),
                1,
                "the ICAN rule holds for {alt}"
            );
            assert_eq!(
                CoreAddress::from_bytes(&other).unwrap_err().code(),
                "malformed_input"
            );
            assert_eq!(CoreAddress::parse(&hex::encode(a.0)).unwrap(), a);
            found += 1;
        }
        assert!(found >= 3, "only {found} addresses with a second pair");
    }
}

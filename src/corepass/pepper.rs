//! Peppers: the random salt a CorePass user's phone mixes into each item
//! before it hashes the value on chain. A pepper names its user and item.
//!
//! ```
//! use kycrypt::corepass::{Item, Pepper};
//! assert_eq!(Pepper::parse("00").unwrap_err().code(), "malformed_input");
//! # let _ = Item::ALL;
//! ```

use core::fmt;

use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::address::{ADDRESS_LEN, CoreAddress};
use super::items::Item;
use crate::error::{Error, Result};

/// Accepted lengths of the random part of a pepper: the spec says 50 bytes,
/// the real upstream sample carries 49.
pub const PEPPER_RANDOM_LENS: core::ops::RangeInclusive<usize> = 49..=50;
/// Largest accepted pepper, in hex characters.
pub const MAX_PEPPER_HEX_LEN: usize = 2 * (50 + ADDRESS_LEN + 64);

/// A decoded pepper: printable random bytes (49 or 50), the user's address
/// and the item name. The random part is sensitive (it fingerprints the
/// value on chain): zeroized on drop and never printed.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Pepper {
    random: Vec<u8>,
    #[zeroize(skip)]
    user: CoreAddress,
    #[zeroize(skip)]
    item: Item,
}

impl fmt::Debug for Pepper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pepper")
            .field("user", &self.user)
            .field("item", &self.item)
            .finish_non_exhaustive()
    }
}

impl Pepper {
    /// Decodes a hex pepper: `random (49 or 50 printable ASCII bytes) || user
    /// address (22 bytes) || item name`. The item name is recognised as the
    /// suffix (no item name is a suffix of another).
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] above [`MAX_PEPPER_HEX_LEN`]; [`Error::MalformedInput`]
    /// when it is not hex, does not end in an item name, the random part has
    /// another length or is not printable, or the address is not valid.
    pub fn parse(pepper_hex: &str) -> Result<Self> {
        crate::error::check_len("pepper", pepper_hex.as_bytes(), MAX_PEPPER_HEX_LEN)?;
        let raw = Zeroizing::new(crate::encoding::hex_decode("pepper", pepper_hex)?);
        let item = Item::ALL
            .iter()
            .copied()
            .find(|i| raw.ends_with(i.as_str().as_bytes()))
            .ok_or(Error::malformed(
                "pepper does not end in a CorePass item name",
            ))?;
        let head = raw
            .get(..raw.len() - item.as_str().len())
            .unwrap_or_default();
        let split = head
            .len()
            .checked_sub(ADDRESS_LEN)
            .ok_or(Error::malformed("pepper is too short"))?;
        let (rand, addr) = head
            .split_at_checked(split)
            .ok_or(Error::malformed("pepper is too short"))?;
        if !PEPPER_RANDOM_LENS.contains(&rand.len()) {
            return Err(Error::malformed(
                "pepper random part must be 49 or 50 bytes",
            ));
        }
        if !rand.iter().all(|b| (0x20..=0x7e).contains(b)) {
            return Err(Error::malformed(
                "pepper random part is not printable ASCII",
            ));
        }
        let user = CoreAddress::from_bytes(addr)?;
        Ok(Self {
            random: rand.to_vec(),
            user,
            item,
        })
    }

    /// Decodes and checks that the pepper was made for `user` (same account on
    /// any network) and `item`.
    ///
    /// # Errors
    /// As [`parse`](Self::parse), plus [`Error::MalformedInput`] when the user or
    /// the item differs.
    pub fn parse_for(pepper_hex: &str, user: &CoreAddress, item: Item) -> Result<Self> {
        let p = Self::parse(pepper_hex)?;
        if !p.user.same_account(user) {
            return Err(Error::malformed("pepper belongs to another user"));
        }
        if p.item != item {
            return Err(Error::malformed("pepper belongs to another item"));
        }
        Ok(p)
    }

    /// The user address embedded in the pepper.
    #[must_use]
    pub fn user(&self) -> CoreAddress {
        self.user
    }

    /// The item embedded in the pepper.
    #[must_use]
    pub fn item(&self) -> Item {
        self.item
    }

    /// The random bytes (secret-ish: treat as sensitive as the value).
    #[must_use]
    pub fn random(&self) -> &[u8] {
        &self.random
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pepper_debug_is_redacted() {
        let mut raw = b"7Nt&MK1Z8xe%vinR8%iGh6Cc*bmJO@HFprGyljvhlmgYFeJF4".to_vec();
        raw.push(b'Q');
        raw.extend(hex::decode("ab432e666932c53128d9f73712b058a7a8f7df52f5cb").unwrap());
        raw.extend(b"SH_EMAIL");
        let p = Pepper::parse(&hex::encode(&raw)).unwrap();
        assert_eq!(p.item(), Item::Email);
        let s = format!("{p:?}");
        assert!(!s.contains("Nt&") && !s.contains("55"), "{s}");
    }
}

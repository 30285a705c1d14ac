//! Member-name pre-pass of the callback bodies.
//!
//! The signed message is rebuilt from the members kycrypt reads; any other
//! member would be unsigned. Go's `encoding/json` (the Connector's language),
//! ASP.NET Core and Newtonsoft match member names case-insensitively (Go also
//! folds some non-ASCII letters, e.g. U+017F `ſ` to `s`) and the last one
//! wins, so a genuine body with `"User"` or `"Status"` added would verify here
//! and be read differently there. This pass refuses, before anything else is
//! decoded, two members whose names are equal under ASCII case folding and
//! any member that is not in the kind's documented set (exact spelling), at
//! the top level and in each `infos[]` item. Only names are collected; values
//! are skipped without being materialised, and messages quote names only
//! (escaped, at most [`NAME_CHARS`] characters), never a value.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, Result};

/// Longest part of a member name quoted in a message, in characters.
pub(super) const NAME_CHARS: usize = 64;

/// The members an object of one callback kind may carry.
pub(super) struct Members {
    /// The object, for messages (`status callback`).
    what: &'static str,
    /// The documented names, exactly spelled.
    names: &'static [&'static str],
    /// The member holding an array of objects with their own member set.
    nested: Option<(&'static str, &'static Members)>,
}

/// Status callback: `user, fields, status, expiration, deadline, tx_hash, signature`.
pub(super) const STATUS: Members = Members {
    what: "status callback",
    names: &[
        "user",
        "fields",
        "status",
        "expiration",
        "deadline",
        "tx_hash",
        "signature",
    ],
    nested: None,
};

/// An `infos[]` item of a data callback: `fieldID, fieldValue, pepper`.
const INFO: Members = Members {
    what: "data callback infos[] item",
    names: &["fieldID", "fieldValue", "pepper"],
    nested: None,
};

/// Data callback: `user, infos, deadline, expiration, signature`.
pub(super) const DATA: Members = Members {
    what: "data callback",
    names: &["user", "infos", "deadline", "expiration", "signature"],
    nested: Some(("infos", &INFO)),
};

/// Error callback: `user, items, error, deadline, expiration, signature`.
pub(super) const ERROR: Members = Members {
    what: "error callback",
    names: &[
        "user",
        "items",
        "error",
        "deadline",
        "expiration",
        "signature",
    ],
    nested: None,
};

/// `name` quoted for a message: escaped (no control characters or quotes
/// reach a log line) and cut after [`NAME_CHARS`] characters.
fn quote(name: &str) -> String {
    let mut out = String::from("\"");
    for c in name.chars().take(NAME_CHARS) {
        out.extend(c.escape_debug());
    }
    if name.chars().nth(NAME_CHARS).is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

impl Members {
    /// The refusal of member `name`, given the names accepted before it.
    fn problem(&self, seen: &[String], name: &str) -> Option<String> {
        let what = self.what;
        if let Some(first) = seen.iter().find(|s| s.eq_ignore_ascii_case(name)) {
            return Some(if first == name {
                format!("{what}: member {} appears twice", quote(name))
            } else {
                format!(
                    "{what}: member {} repeats {} in another letter case (case-insensitive decoders read them as one)",
                    quote(name),
                    quote(first)
                )
            });
        }
        if self.names.contains(&name) {
            return None;
        }
        let list = self.names.join(", ");
        Some(
            match self.names.iter().find(|n| n.eq_ignore_ascii_case(name)) {
                Some(n) => format!(
                    "{what}: member {} is not spelled {} (only the exact documented names are accepted)",
                    quote(name),
                    quote(n)
                ),
                None => format!("{what}: member {} is not one of {list}", quote(name)),
            },
        )
    }
}

/// Checks one object's names (and its nested list, if any).
struct Object<'p> {
    spec: &'static Members,
    problem: &'p mut Option<String>,
}

impl<'de> DeserializeSeed<'de> for Object<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Object<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a JSON object ({})", self.spec.what)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> core::result::Result<(), A::Error> {
        // Only accepted (documented, distinct) names are kept: a handful.
        let mut seen: Vec<String> = Vec::with_capacity(self.spec.names.len());
        while let Some(name) = map.next_key::<String>()? {
            if let Some(p) = self.spec.problem(&seen, &name) {
                *self.problem = Some(p);
                return Err(de::Error::custom("refused member name"));
            }
            match self.spec.nested {
                Some((member, inner)) if member == name => map.next_value_seed(List {
                    spec: inner,
                    problem: &mut *self.problem,
                })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            seen.push(name);
        }
        Ok(())
    }
}

/// Checks each object of a list (`null` passes: the typed parse decides).
struct List<'p> {
    spec: &'static Members,
    problem: &'p mut Option<String>,
}

impl<'de> DeserializeSeed<'de> for List<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for List<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "null or a list of objects ({})", self.spec.what)
    }

    fn visit_unit<E: de::Error>(self) -> core::result::Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> core::result::Result<(), A::Error> {
        while seq
            .next_element_seed(Object {
                spec: self.spec,
                problem: &mut *self.problem,
            })?
            .is_some()
        {}
        Ok(())
    }
}

/// Refuses a body whose member names are not exactly the documented set of
/// `spec` (see the module docs).
///
/// # Errors
/// [`Error::MalformedInput`]: naming the member for a refused name, `what` when the
/// body is not a JSON object (or not JSON).
pub(super) fn check(body: &[u8], spec: &'static Members, what: &'static str) -> Result<()> {
    let mut problem = None;
    let mut de = serde_json::Deserializer::from_slice(body);
    let parsed = Object {
        spec,
        problem: &mut problem,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    match (problem, parsed) {
        (Some(p), _) => Err(Error::MalformedInput(Cow::Owned(p))),
        (None, Err(_)) => Err(Error::malformed(what)),
        (None, Ok(())) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn msg(body: &str, spec: &'static Members) -> String {
        check(body.as_bytes(), spec, "not JSON")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn documented_members_pass_in_any_order() {
        check(
            br#"{"signature":"","tx_hash":null,"deadline":1,"expiration":2,"status":"A","fields":null,"user":"u"}"#,
            &STATUS,
            "x",
        )
        .unwrap();
        check(
            br#"{"user":"u","infos":[{"pepper":"","fieldValue":"v","fieldID":"SH_EMAIL"},{}],"deadline":1}"#,
            &DATA,
            "x",
        )
        .unwrap();
        check(br#"{"infos":null}"#, &DATA, "x").unwrap();
        check(br#"{}"#, &ERROR, "x").unwrap();
    }

    #[test]
    fn messages_name_the_member() {
        assert!(msg(r#"{"user":"a","User":"b"}"#, &STATUS).contains(r#""User" repeats "user""#));
        assert!(msg(r#"{"user":"a","user":"b"}"#, &ERROR).contains(r#""user" appears twice"#));
        assert!(
            msg(r#"{"User":"b","user":"a"}"#, &DATA).contains(r#""User" is not spelled "user""#)
        );
        assert!(msg(r#"{"x":1}"#, &DATA).contains(r#""x" is not one of user, infos"#));
        assert!(
            msg(r#"{"infos":[{"fieldID":"a","FieldID":"b"}]}"#, &DATA)
                .contains(r#"infos[] item: member "FieldID" repeats "fieldID""#)
        );
        assert!(
            msg(r#"{"infos":[{"fieldid":"a"}]}"#, &DATA)
                .contains(r#""fieldid" is not spelled "fieldID""#)
        );
        // Values are never quoted, nested or not.
        let m = msg(r#"{"user":"secret-user","USER":"other-secret"}"#, &STATUS);
        assert!(!m.contains("secret"), "{m}");
    }

    #[test]
    fn names_are_escaped_and_truncated() {
        let long = "é".repeat(NAME_CHARS + 10);
        let m = msg(&format!(r#"{{"{long}":1}}"#), &STATUS);
        assert!(
            m.contains(&format!("\"{}…\"", "é".repeat(NAME_CHARS))),
            "{m}"
        );
        let m = msg(r#"{"a\n\"b\u0000":1}"#, &STATUS);
        assert!(m.contains(r#""a\n\"b\0""#), "{m}");
    }

    #[test]
    fn not_an_object_is_the_generic_message() {
        for body in [
            "",
            "[]",
            "1",
            r#"{"user":"#,
            r#"{} x"#,
            r#"{"infos":"x"}"#,
            r#"{"infos":[1]}"#,
        ] {
            let e = check(body.as_bytes(), &DATA, "generic").unwrap_err();
            assert_eq!(e, Error::malformed("generic"), "{body}");
        }
    }
}

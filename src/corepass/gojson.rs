//! A byte-exact subset of Go's `encoding/json` encoder: what the CorePass
//! Connector's signed messages need (strings, integers, arrays, objects in
//! struct field order, `null`).
//!
//! Strings are escaped as Go does with HTML escaping on (the default of both
//! `json.Marshal` and `json.Encoder`): `"` and `\` as `\"` and `\\`; `\n`, `\r`,
//! `\t` short; other control characters as `\u00XX` (lowercase hex); `<`, `>`,
//! `&` as `\u003c`, `\u003e`, `\u0026`; U+2028 and U+2029 as `\u2028`,
//! `\u2029`; each byte that does not start a valid UTF-8 sequence as `\ufffd`
//! (one per byte, as Go's `utf8.DecodeRune` consumes one byte on error).
//! Go 1.22 changed `\b` and `\f` from `\u0008`/`\u000c` to short escapes:
//! [`Dialect`] selects which.
//!
//! ```
//! use kycrypt::__internal::{Dialect, GoValue, encode};
//! let v = GoValue::Object(vec![("Deadline".into(), GoValue::Int(1667137346))]);
//! assert_eq!(encode(&v, Dialect::Go122), b"{\"Deadline\":1667137346}\n");
//! let s = GoValue::str("a<b>&\u{2028}");
//! assert_eq!(encode(&s, Dialect::Go122), b"\"a\\u003cb\\u003e\\u0026\\u2028\"\n");
//! ```

/// Which Go release's escaping of `\b` and `\f` to reproduce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dialect {
    /// Go 1.22 and later: `\b`, `\f`.
    Go122,
    /// Go before 1.22: `\u0008`, `\u000c`.
    BeforeGo122,
}

/// A value to encode. Strings are bytes so that invalid UTF-8 can be
/// reproduced; object members keep their (struct field) order.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GoValue {
    /// A Go `string`.
    Str(Vec<u8>),
    /// A Go integer (`int64`).
    Int(i64),
    /// A slice; a nil slice is [`GoValue::Null`].
    Array(Vec<GoValue>),
    /// A struct, members in field order.
    Object(Vec<(String, GoValue)>),
    /// `null` (nil slice, nil pointer).
    Null,
}

impl GoValue {
    /// A string value from UTF-8 text.
    #[must_use]
    pub fn str(s: &str) -> Self {
        Self::Str(s.as_bytes().to_vec())
    }
}

/// What `json.NewEncoder(w).Encode(v)` writes: the value and a trailing `\n`.
#[must_use]
pub fn encode(value: &GoValue, dialect: Dialect) -> Vec<u8> {
    let mut out = marshal(value, dialect);
    out.push(b'\n');
    out
}

/// What `json.Marshal(v)` returns (no trailing newline).
#[must_use]
pub fn marshal(value: &GoValue, dialect: Dialect) -> Vec<u8> {
    let mut out = Vec::new();
    write_value(&mut out, value, dialect);
    out
}

fn write_value(out: &mut Vec<u8>, value: &GoValue, dialect: Dialect) {
    match value {
        GoValue::Str(s) => write_string(out, s, dialect),
        GoValue::Int(n) => out.extend_from_slice(n.to_string().as_bytes()),
        GoValue::Null => out.extend_from_slice(b"null"),
        GoValue::Array(items) => {
            out.push(b'[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_value(out, v, dialect);
            }
            out.push(b']');
        }
        GoValue::Object(members) => {
            out.push(b'{');
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(out, k.as_bytes(), dialect);
                out.push(b':');
                write_value(out, v, dialect);
            }
            out.push(b'}');
        }
    }
}

fn write_u00(out: &mut Vec<u8>, b: u8) {
    out.extend_from_slice(format!("\\u{b:04x}").as_bytes());
}

fn write_ascii(out: &mut Vec<u8>, b: u8, dialect: Dialect) {
    match (b, dialect) {
        (b'"', _) => out.extend_from_slice(b"\\\""),
        (b'\\', _) => out.extend_from_slice(b"\\\\"),
        (b'\n', _) => out.extend_from_slice(b"\\n"),
        (b'\r', _) => out.extend_from_slice(b"\\r"),
        (b'\t', _) => out.extend_from_slice(b"\\t"),
        (0x08, Dialect::Go122) => out.extend_from_slice(b"\\b"),
        (0x0c, Dialect::Go122) => out.extend_from_slice(b"\\f"),
        (b'<' | b'>' | b'&', _) => write_u00(out, b),
        (0x00..=0x1f, _) => write_u00(out, b),
        _ => out.push(b),
    }
}

/// Writes `s` as a Go JSON string (see the module docs for the rules).
pub fn write_string(out: &mut Vec<u8>, s: &[u8], dialect: Dialect) {
    out.push(b'"');
    let mut rest = s;
    while !rest.is_empty() {
        let (valid, bad) = match core::str::from_utf8(rest) {
            Ok(v) => (v, false),
            Err(e) => (
                core::str::from_utf8(rest.get(..e.valid_up_to()).unwrap_or_default())
                    .unwrap_or_default(),
                true,
            ),
        };
        for c in valid.chars() {
            match c {
                '\u{2028}' => out.extend_from_slice(b"\\u2028"),
                '\u{2029}' => out.extend_from_slice(b"\\u2029"),
                c if c.is_ascii() => {
                    write_ascii(out, u8::try_from(u32::from(c)).unwrap_or(b'?'), dialect)
                }
                c => out.extend_from_slice(c.encode_utf8(&mut [0u8; 4]).as_bytes()),
            }
        }
        // Go replaces one invalid byte at a time.
        let skip = valid.len() + usize::from(bad);
        if bad {
            out.extend_from_slice(b"\\ufffd");
        }
        rest = rest.get(skip..).unwrap_or_default();
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(b: &[u8], d: Dialect) -> String {
        String::from_utf8(marshal(&GoValue::Str(b.to_vec()), d)).unwrap()
    }

    #[test]
    fn go_escapes() {
        let d = Dialect::Go122;
        assert_eq!(s(b"<>&", d), r#""\u003c\u003e\u0026""#);
        assert_eq!(
            s("\u{2028}\u{2029}é\u{fffd}".as_bytes(), d),
            "\"\\u2028\\u2029é\u{fffd}\""
        );
        assert_eq!(
            s(b"\"\\\n\r\t\x01\x1f\x7f", d),
            "\"\\\"\\\\\\n\\r\\t\\u0001\\u001f\x7f\""
        );
        assert_eq!(s(b"\x08\x0c", d), r#""\b\f""#);
        assert_eq!(s(b"\x08\x0c", Dialect::BeforeGo122), r#""\u0008\u000c""#);
        // Truncated 3-byte sequence: one U+FFFD per byte, as Go does.
        assert_eq!(s(b"a\xe2\x82b\xff", d), r#""a\ufffd\ufffdb\ufffd""#);
        assert_eq!(s(b"\xed\xa0\x80", d), r#""\ufffd\ufffd\ufffd""#);
    }

    #[test]
    fn structures() {
        let v = GoValue::Object(vec![
            ("User".into(), GoValue::str("u")),
            ("Infos".into(), GoValue::Array(vec![])),
            ("X".into(), GoValue::Null),
            ("Deadline".into(), GoValue::Int(-5)),
        ]);
        assert_eq!(
            encode(&v, Dialect::Go122),
            b"{\"User\":\"u\",\"Infos\":[],\"X\":null,\"Deadline\":-5}\n"
        );
    }
}

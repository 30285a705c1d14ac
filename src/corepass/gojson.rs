//! Go's `encoding/json` output for the CorePass Connector's signed messages:
//! serde-serialized structs (members in Go field order) written through a
//! [`serde_json::ser::Formatter`] that escapes strings as Go does with HTML
//! escaping on (the default of both `json.Marshal` and `json.Encoder`):
//! `"` and `\` as `\"` and `\\`; `\n`, `\r`, `\t` short; other control
//! characters as `\u00XX` (lowercase hex); `<`, `>`, `&` as `\u003c`,
//! `\u003e`, `\u0026`; U+2028 and U+2029 as `\u2028`, `\u2029`; everything else
//! literal. Go 1.22 changed `\b` and `\f` from `\u0008`/`\u000c` to short
//! escapes: [`Dialect`] selects which. Checked against real Go by
//! `tests/go_json.rs` (`test-vectors/rust-only/go-json.json`).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter};

/// Which Go release's escaping of `\b` and `\f` to reproduce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dialect {
    /// Go 1.22 and later: `\b`, `\f`.
    Go122,
    /// Go before 1.22: `\u0008`, `\u000c`.
    BeforeGo122,
}

/// Compact output with Go's string escaping.
struct GoFormatter(Dialect);

/// Writes one character that serde_json or Go escapes.
fn write_escaped<W: ?Sized + Write>(w: &mut W, c: char, d: Dialect) -> io::Result<()> {
    match c {
        '"' => w.write_all(b"\\\""),
        '\\' => w.write_all(b"\\\\"),
        '\n' => w.write_all(b"\\n"),
        '\r' => w.write_all(b"\\r"),
        '\t' => w.write_all(b"\\t"),
        '\u{8}' if d == Dialect::Go122 => w.write_all(b"\\b"),
        '\u{c}' if d == Dialect::Go122 => w.write_all(b"\\f"),
        '\0'..='\u{1f}' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
            write!(w, "\\u{:04x}", u32::from(c))
        }
        c => w.write_all(c.encode_utf8(&mut [0; 4]).as_bytes()),
    }
}

impl Formatter for GoFormatter {
    // serde_json escapes `"`, `\` and controls itself (below); the rest of Go's
    // escapes fall in the unescaped fragments.
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        let mut rest = s;
        while let Some(i) = rest.find(['<', '>', '&', '\u{2028}', '\u{2029}']) {
            let (head, tail) = rest.split_at(i);
            w.write_all(head.as_bytes())?;
            let mut chars = tail.chars();
            if let Some(c) = chars.next() {
                write_escaped(w, c, self.0)?;
            }
            rest = chars.as_str();
        }
        w.write_all(rest.as_bytes())
    }

    fn write_char_escape<W: ?Sized + Write>(&mut self, w: &mut W, e: CharEscape) -> io::Result<()> {
        let c = match e {
            CharEscape::Quote => '"',
            CharEscape::ReverseSolidus => '\\',
            CharEscape::Solidus => '/',
            CharEscape::Backspace => '\u{8}',
            CharEscape::FormFeed => '\u{c}',
            CharEscape::LineFeed => '\n',
            CharEscape::CarriageReturn => '\r',
            CharEscape::Tab => '\t',
            CharEscape::AsciiControl(b) => char::from(b),
        };
        write_escaped(w, c, self.0)
    }
}

/// What `json.Marshal(v)` returns (no trailing newline) for `value`'s Go
/// counterpart. A `Serialize` that fails (none of the crate's message structs:
/// strings, integers, options, sequences) yields no bytes.
#[must_use]
pub fn marshal<T: Serialize + ?Sized>(value: &T, dialect: Dialect) -> Vec<u8> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, GoFormatter(dialect));
    if value.serialize(&mut ser).is_err() {
        out.clear();
    }
    out
}

/// What `json.NewEncoder(w).Encode(v)` writes: [`marshal`] and a trailing `\n`.
#[must_use]
pub fn encode<T: Serialize + ?Sized>(value: &T, dialect: Dialect) -> Vec<u8> {
    let mut out = marshal(value, dialect);
    out.push(b'\n');
    out
}

/// What `json.Marshal` returns for a Go `string` holding the bytes `b`, UTF-8
/// or not: Go writes `\ufffd` for each byte that does not start a valid UTF-8
/// sequence (`utf8.DecodeRuneInString` consumes one byte on error), while a
/// valid U+FFFD stays literal, so no `&str` gives these bytes. For the
/// bindings' byte-string entry point; callback bodies are UTF-8 (serde_json).
#[must_use]
pub fn marshal_bytes(b: &[u8], dialect: Dialect) -> Vec<u8> {
    let mut out = vec![b'"'];
    for chunk in b.utf8_chunks() {
        let s = marshal(chunk.valid(), dialect);
        out.extend_from_slice(s.get(1..s.len().saturating_sub(1)).unwrap_or_default());
        // A maximal invalid prefix: its bytes after the first are continuation
        // bytes, which start no sequence, so Go replaces each of them too.
        for _ in chunk.invalid() {
            out.extend_from_slice(b"\\ufffd");
        }
    }
    out.push(b'"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str, d: Dialect) -> String {
        String::from_utf8(marshal(v, d)).unwrap()
    }

    #[test]
    fn go_escapes() {
        let d = Dialect::Go122;
        assert_eq!(s("<>&", d), r#""\u003c\u003e\u0026""#);
        assert_eq!(
            s("\u{2028}\u{2029}é\u{fffd}", d),
            "\"\\u2028\\u2029é\u{fffd}\""
        );
        assert_eq!(
            s("\"\\\n\r\t\x01\x1f\x7f/", d),
            "\"\\\"\\\\\\n\\r\\t\\u0001\\u001f\x7f/\""
        );
        assert_eq!(s("\x08\x0c", d), r#""\b\f""#);
        assert_eq!(s("\x08\x0c", Dialect::BeforeGo122), r#""\u0008\u000c""#);
        assert_eq!(s("a<<b\u{2028}", d), r#""a\u003c\u003cb\u2028""#);
    }

    #[test]
    fn invalid_bytes_one_replacement_each() {
        let b = |v: &[u8]| String::from_utf8(marshal_bytes(v, Dialect::Go122)).unwrap();
        // Truncated 3-byte sequence: one \ufffd per byte, as Go does.
        assert_eq!(b(b"a\xe2\x82b\xff"), r#""a\ufffd\ufffdb\ufffd""#);
        assert_eq!(b(b"\xed\xa0\x80<"), r#""\ufffd\ufffd\ufffd\u003c""#);
        assert_eq!(b("é\u{fffd}".as_bytes()), "\"é\u{fffd}\"");
        assert_eq!(b(b""), r#""""#);
    }

    #[test]
    fn structures() {
        #[derive(Serialize)]
        struct T<'a> {
            #[serde(rename = "User")]
            user: &'a str,
            #[serde(rename = "Infos")]
            infos: Option<&'a [String]>,
            #[serde(rename = "X")]
            x: Option<&'a [String]>,
            #[serde(rename = "Deadline")]
            deadline: i64,
        }
        let v = T {
            user: "u",
            infos: Some(&[]),
            x: None,
            deadline: -5,
        };
        assert_eq!(
            encode(&v, Dialect::Go122),
            b"{\"User\":\"u\",\"Infos\":[],\"X\":null,\"Deadline\":-5}\n"
        );
    }
}

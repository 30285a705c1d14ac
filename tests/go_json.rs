//! kycrypt's Go `encoding/json` encoder against real Go: every case of
//! `test-vectors/rust-only/go-json.json` (written by `scripts/gen-vectors/go-json`, Go's own
//! `json.Marshal` and `json.Encoder.Encode`), and of the file named by
//! `KYCRYPT_GO_JSON_CORPUS` when set (CI generates one with a fresh seed), must come out
//! byte for byte, through the serde structs verification uses for the CorePass message
//! forms.
//!
//! Strings reach the encoder as Rust `&str` (callback bodies are parsed by serde_json).
//! For a string case that is not valid UTF-8, Go writes `\ufffd` (escaped) per invalid
//! byte but a valid U+FFFD literally: `marshal_bytes` (the bindings' byte-string entry
//! point) must give Go's bytes exactly; and Go's output, parsed as a callback body is and
//! encoded again, must be Go's output with each `\ufffd` escape written as a literal
//! U+FFFD, the one difference a `&str` cannot avoid (so a message Go signed over invalid
//! UTF-8 does not verify: it fails closed).
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use kycrypt::__internal::{
    DataMessage, DeadlineMessage, Dialect, ErrorCompactMessage, ErrorGoMessage, InfoMessage,
    StatusMessage, encode, marshal, marshal_bytes,
};
use serde_json::Value;

/// Go's two outputs for a case.
struct Want<'a> {
    marshal: &'a str,
    encode: &'a str,
}

/// kycrypt's two outputs in one dialect.
type Both = (Vec<u8>, Vec<u8>);

fn both<T: serde::Serialize + ?Sized>(v: &T, d: Dialect) -> Both {
    (marshal(v, d), encode(v, d))
}

fn text(c: &common::Case, v: &Value, what: &str) -> String {
    let h = v
        .as_str()
        .unwrap_or_else(|| panic!("{}: {what} is not a string", c.id));
    let b = hex::decode(h).unwrap_or_else(|_| panic!("{}: {what} is not hex", c.id));
    String::from_utf8(b).unwrap_or_else(|_| panic!("{}: {what} is not UTF-8", c.id))
}

fn list(c: &common::Case, v: &Value) -> Option<Vec<String>> {
    v.as_array()
        .map(|a| a.iter().map(|x| text(c, x, "list item")).collect())
}

fn int(c: &common::Case, k: &str) -> i64 {
    c.inputs[k]
        .as_i64()
        .unwrap_or_else(|| panic!("{}: {k} is not an int64", c.id))
}

/// kycrypt's bytes for a case, in dialect `d` (the production structs for the CorePass
/// shapes). `None` for a string case whose input is not UTF-8 (see `check_invalid`).
fn mine(c: &common::Case, d: Dialect) -> Option<Both> {
    let i = &c.inputs;
    let s = |k: &str| text(c, &i[k], k);
    Some(match c.op.as_str() {
        "go_json.string" => {
            let raw = c.hex("value_hex");
            both(core::str::from_utf8(&raw).ok()?, d)
        }
        "go_json.string_lists" => {
            let v: Option<Vec<Option<Vec<String>>>> = i["value"]
                .as_array()
                .map(|a| a.iter().map(|l| list(c, l)).collect());
            both(&v, d)
        }
        "go_json.corepass_status" => {
            let (user, status, fields) = (s("user_hex"), s("status_hex"), list(c, &i["fields"]));
            let tx = i.get("tx_hash_hex").map(|v| text(c, v, "tx_hash_hex"));
            both(
                &StatusMessage {
                    user: &user,
                    fields: fields.as_deref(),
                    status: &status,
                    expiration: int(c, "expiration"),
                    deadline: int(c, "deadline"),
                    tx_hash: tx.as_deref(),
                },
                d,
            )
        }
        "go_json.corepass_data" => {
            let user = s("user_hex");
            let infos: Option<Vec<[String; 3]>> = i["infos"].as_array().map(|a| {
                a.iter()
                    .map(|x| {
                        ["field_id_hex", "field_value_hex", "pepper_hex"].map(|k| text(c, &x[k], k))
                    })
                    .collect()
            });
            let infos = infos.as_ref().map(|v| {
                v.iter()
                    .map(|[f, v, p]| InfoMessage {
                        field_id: f,
                        field_value: v,
                        pepper: p,
                    })
                    .collect()
            });
            both(
                &DataMessage {
                    user: &user,
                    infos,
                    deadline: int(c, "deadline"),
                    expiration: int(c, "expiration"),
                },
                d,
            )
        }
        "go_json.corepass_deadline" => both(
            &DeadlineMessage {
                deadline: int(c, "deadline"),
            },
            d,
        ),
        "go_json.corepass_error_compact" | "go_json.corepass_error_go" => {
            let (user, error, items) = (s("user_hex"), s("error_hex"), list(c, &i["items"]));
            let (expiration, deadline) = (int(c, "expiration"), int(c, "deadline"));
            if c.op.ends_with("_go") {
                let m = ErrorGoMessage {
                    user: &user,
                    items: items.as_deref(),
                    error: &error,
                    deadline,
                    expiration,
                };
                both(&m, d)
            } else {
                let m = ErrorCompactMessage {
                    user: &user,
                    items: items.as_deref(),
                    error: &error,
                    expiration,
                    deadline,
                };
                both(&m, d)
            }
        }
        op => panic!("{}: unknown op {op}", c.id),
    })
}

fn want(c: &common::Case) -> Want<'_> {
    let o = |k: &str| {
        c.out(k)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{}: output {k} missing", c.id))
    };
    Want {
        marshal: o("marshal"),
        encode: o("encode"),
    }
}

fn compare(c: &common::Case, what: &str, go: &str, mine: &[u8]) -> Result<(), String> {
    if go.as_bytes() == mine {
        Ok(())
    } else {
        Err(format!(
            "{} [{}] {what}:\n    go:      {}\n    kycrypt: {}",
            c.id,
            c.op,
            go.escape_debug(),
            String::from_utf8_lossy(mine).escape_debug()
        ))
    }
}

/// Go's JSON text with each `\ufffd` escape read as a literal U+FFFD.
fn fffd_literal(go: &str) -> String {
    let mut out = String::with_capacity(go.len());
    let mut rest = go;
    while let Some(i) = rest.find('\\') {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        if let Some(after) = tail.strip_prefix("\\ufffd") {
            out.push('\u{fffd}');
            rest = after;
        } else {
            // Any other escape: keep its backslash and the character after it.
            let n = 1 + tail[1..].chars().next().map_or(0, char::len_utf8);
            out.push_str(&tail[..n]);
            rest = &tail[n..];
        }
    }
    out.push_str(rest);
    out
}

/// A string case that is not UTF-8 (see the module docs).
fn check_invalid(c: &common::Case, w: &Want<'_>) -> Result<(), String> {
    let raw = c.hex("value_hex");
    compare(
        c,
        "marshal_bytes",
        w.marshal,
        &marshal_bytes(&raw, Dialect::Go122),
    )?;
    let parsed: String = serde_json::from_str(w.marshal)
        .map_err(|e| format!("{}: Go's output does not parse: {e}", c.id))?;
    let (m, e) = both(&parsed, Dialect::Go122);
    compare(c, "round trip marshal", &fffd_literal(w.marshal), &m)?;
    compare(c, "round trip encode", &fffd_literal(w.encode), &e)?;
    if m == w.marshal.as_bytes() {
        return Err(format!("{}: Go wrote no \\ufffd escape", c.id));
    }
    Ok(())
}

#[derive(Default)]
struct Tally {
    cases: usize,
    invalid_utf8: usize,
    failures: Vec<String>,
    /// Cases whose bytes change under the pre-1.22 dialect (negative check).
    legacy_differs: Vec<String>,
    /// String cases with a `\b` or `\f` in the input.
    has_b_or_f: Vec<String>,
    /// String cases plain serde_json (no Go escaping) gets wrong (negative check).
    plain_differs: usize,
}

fn run(file: &common::VectorFile, t: &mut Tally) {
    for c in &file.cases {
        t.cases += 1;
        let w = want(c);
        let Some((m, e)) = mine(c, Dialect::Go122) else {
            t.invalid_utf8 += 1;
            if let Err(f) = check_invalid(c, &w) {
                t.failures.push(f);
            }
            continue;
        };
        if let Err(f) =
            compare(c, "marshal", w.marshal, &m).and_then(|()| compare(c, "encode", w.encode, &e))
        {
            t.failures.push(f);
        }
        if mine(c, Dialect::BeforeGo122) != Some((m, e)) {
            t.legacy_differs.push(c.id.clone());
        }
        if c.op == "go_json.string" {
            let raw = c.hex("value_hex");
            if raw.iter().any(|b| matches!(b, 0x08 | 0x0c)) {
                t.has_b_or_f.push(c.id.clone());
            }
            let s = core::str::from_utf8(&raw).unwrap();
            if serde_json::to_string(s).unwrap() != w.marshal {
                t.plain_differs += 1;
            }
        }
    }
}

#[test]
fn kycrypt_writes_what_go_writes() {
    let mut t = Tally::default();
    let file = common::load("rust-only/go-json.json");
    run(&file, &mut t);
    let checked_in = t.cases;
    if let Some(path) = std::env::var_os("KYCRYPT_GO_JSON_CORPUS") {
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("KYCRYPT_GO_JSON_CORPUS {path:?}: {e}"));
        let extra: common::VectorFile =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        assert_eq!(extra.schema, "kycrypt-vectors/1");
        println!("{path:?}: {:?}", extra.sources);
        run(&extra, &mut t);
    }
    println!(
        "go-json: {} cases ({checked_in} checked in), {} not UTF-8, {} failed",
        t.cases,
        t.invalid_utf8,
        t.failures.len()
    );
    assert!(
        t.failures.is_empty(),
        "{} of {} cases differ from Go:\n{}",
        t.failures.len(),
        t.cases,
        t.failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(checked_in >= 10_000, "corpus too small: {checked_in} cases");
    assert!(t.invalid_utf8 >= 100, "too few invalid UTF-8 cases");

    // The comparison can fail: the pre-Go-1.22 dialect changes exactly the cases with a
    // \b or \f (the checked-in string cases have both, alone), and serde_json's own
    // escaping (no HTML, no U+2028/9 escapes) misses many.
    for id in ["ctl-08", "ctl-0c", "ctl-08-embedded"] {
        assert!(
            t.legacy_differs.iter().any(|x| x == id),
            "{id}: dialect ignored"
        );
    }
    for id in &t.has_b_or_f {
        assert!(t.legacy_differs.contains(id), "{id}: dialect ignored");
    }
    assert!(
        t.plain_differs > 1000,
        "plain serde_json matches Go too often"
    );
}

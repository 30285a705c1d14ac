//! Prints the surface a built `kycrypt-ffi` exports, read from the UniFFI metadata in
//! the cdylib, one sorted line per item:
//!
//! ```text
//! fn <name> | object <Name> | ctor <Name>.<name> | method <Name>.<name>
//! record <Name>.<field> | enum <Name>.<variant> | variant <Name>.<variant>.<field>
//! error <code>
//! ```
//!
//! `scripts/export-drift.py` compares it with the napi exports (`index.d.ts`).
//!
//! ```text
//! cargo run -p kycrypt-ffi --bin export-surface -- target/debug/libkycrypt_ffi.so
//! ```

use std::collections::BTreeSet;
use std::process::ExitCode;

use uniffi_meta::Metadata;

/// `SignatureInvalid` → `signature_invalid`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: export-surface <path to libkycrypt_ffi.so>");
        return ExitCode::from(2);
    };
    let metadata = match uniffi_bindgen::macro_metadata::extract_from_library(path.as_str().into())
    {
        Ok(m) => m,
        Err(e) => {
            eprintln!("cannot read the UniFFI metadata of {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut lines = BTreeSet::new();
    for item in metadata {
        match item {
            Metadata::Func(f) => {
                lines.insert(format!("fn {}", f.name));
            }
            Metadata::Object(o) => {
                lines.insert(format!("object {}", o.name));
            }
            Metadata::Constructor(c) => {
                lines.insert(format!("ctor {}.{}", c.self_name, c.name));
            }
            Metadata::Method(m) => {
                lines.insert(format!("method {}.{}", m.self_name, m.name));
            }
            Metadata::Record(r) => {
                for f in r.fields {
                    lines.insert(format!("record {}.{}", r.name, f.name));
                }
            }
            Metadata::Enum(e) if e.name == "KycryptError" => {
                for v in e.variants {
                    lines.insert(format!("error {}", snake(&v.name)));
                }
            }
            Metadata::Enum(e) => {
                for v in e.variants {
                    let variant = snake(&v.name);
                    for f in &v.fields {
                        lines.insert(format!("variant {}.{variant}.{}", e.name, f.name));
                    }
                    lines.insert(format!("enum {}.{variant}", e.name));
                }
            }
            _ => {}
        }
    }
    for l in lines {
        println!("{l}");
    }
    ExitCode::SUCCESS
}

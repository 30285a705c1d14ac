//! `kycrypt keygen`: generate a private key as PKCS#8 PEM.

use std::path::PathBuf;
use std::process::ExitCode;

use kycrypt::primitives::eddsa::ed448::Ed448SigningKey;
use kycrypt::primitives::keys::{KeyType, PrivateKey};
use zeroize::Zeroizing;

use crate::output::{UsageError, fail, write_secret};

/// Arguments of `kycrypt keygen`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Key type: rsa2048, p256, secp256k1, ed25519 or ed448.
    #[arg(long = "type", value_parser = ["rsa2048", "p256", "secp256k1", "ed25519", "ed448"])]
    kind: String,
    /// Output file, written owner-only (0600, whatever the umask) through a
    /// temp file renamed into place; a symlink is refused. Stdout when absent.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// A fresh key of the named type as PKCS#8 PEM: a JOSE [`KeyType`], or Ed448
/// (not a JOSE key, generated on its own).
fn generate_pem(kind: &str) -> Result<Zeroizing<String>, kycrypt::Error> {
    if kind == "ed448" {
        return Ed448SigningKey::generate()?.to_pkcs8_pem();
    }
    PrivateKey::generate(kind.parse::<KeyType>()?)?.to_pkcs8_pem()
}

pub(crate) fn run(a: Args) -> ExitCode {
    let pem = match generate_pem(&a.kind) {
        Ok(p) => p,
        Err(e) if e.code() == "invalid_argument" => return UsageError(e.to_string()).exit(),
        Err(e) => return fail(&e),
    };
    let out = a.out.unwrap_or_else(|| PathBuf::from("-"));
    match write_secret(&out, pem.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => e.exit(),
    }
}

/// The demo section of this command group: runs the real flow on embedded
/// samples, printing what was checked. Err(message) fails the demo.
pub(crate) fn demo() -> Result<(), String> {
    for (name, kind) in [
        ("rsa2048", KeyType::Rsa2048),
        ("p256", KeyType::P256),
        ("secp256k1", KeyType::Secp256k1),
        ("ed25519", KeyType::Ed25519),
    ] {
        let pem = PrivateKey::generate(kind)
            .and_then(|k| k.to_pkcs8_pem())
            .map_err(|e| e.to_string())?;
        let key = PrivateKey::from_pem(&pem).map_err(|e| format!("{name}: {e}"))?;
        let alg = key.algorithm();
        let public = key.public_key();
        let sig = key.sign(b"demo");
        let ok = match &sig {
            Ok(s) => public.verify(b"demo", s).is_ok(),
            Err(e) => e.code() == "unsupported_algorithm",
        };
        println!(
            "   {name}: generated PKCS#8, parsed back as {alg}, sign/verify {}",
            if ok { "ok" } else { "FAILED" }
        );
        if !ok {
            return Err(format!("{name} sign/verify"));
        }
    }
    let pem = generate_pem("ed448").map_err(|e| e.to_string())?;
    let ok = pem.starts_with("-----BEGIN PRIVATE KEY-----");
    println!(
        "   ed448: generated PKCS#8 PEM ({} bytes): {}",
        pem.len(),
        if ok { "ok" } else { "FAILED" }
    );
    if ok {
        Ok(())
    } else {
        Err("ed448 keygen".into())
    }
}

//! `kycrypt keygen`: generate a private key as PKCS#8 PEM.

use std::path::PathBuf;
use std::process::ExitCode;

use kycrypt::primitives::keys::{KeyType, PrivateKey};

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

pub(crate) fn run(a: Args) -> ExitCode {
    let kind = match KeyType::from_name(&a.kind) {
        Ok(k) => k,
        Err(e) => return UsageError(e.to_string()).exit(),
    };
    let pem = match PrivateKey::generate(kind) {
        Ok(p) => p,
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
        let pem = PrivateKey::generate(kind).map_err(|e| e.to_string())?;
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
    let pem = PrivateKey::generate(KeyType::Ed448).map_err(|e| e.to_string())?;
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

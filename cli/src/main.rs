//! `kycrypt`: the operators' command line over the kycrypt core.
//!
//! Exit codes: 0 success / valid, 1 not valid (any cryptographic or input
//! failure), 2 usage or I/O error. Verification commands print one JSON object
//! on stdout; errors go to stderr as one line.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cak;
mod corepass;
mod demo;
mod did_jwt;
mod jwt;
mod keygen;
mod output;
mod webhook;
mod zerohash;

/// kycrypt: keygen, sign, verify, encrypt, decrypt and JWKS for KYC integrations.
#[derive(Parser)]
#[command(name = "kycrypt", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run every provider flow end to end on embedded sample data.
    Demo,
    /// CorePass: verify Connector callbacks, derive and check Core addresses.
    Corepass(corepass::Cmd),
    /// Zero Hash: sign API requests.
    Zerohash(zerohash::Cmd),
    /// Verify a provider webhook.
    Webhook(webhook::Cmd),
    /// Partner JWTs (Moca AIR): sign and verify.
    Jwt(jwt::Cmd),
    /// Print the public JWKS of a key.
    Jwks(jwt::JwksArgs),
    /// DID-JWTs (Hypersign): sign and verify.
    #[command(name = "did-jwt")]
    DidJwt(did_jwt::Cmd),
    /// CAK (Moca): ECIES encrypt and decrypt.
    Cak(cak::Cmd),
    /// Generate a private key (PKCS#8 PEM).
    Keygen(keygen::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.cmd {
        Cmd::Demo => demo::run(),
        Cmd::Corepass(c) => corepass::run(c),
        Cmd::Zerohash(c) => zerohash::run(c),
        Cmd::Webhook(c) => webhook::run(c),
        Cmd::Jwt(c) => jwt::run(c),
        Cmd::Jwks(a) => jwt::run_jwks(a),
        Cmd::DidJwt(c) => did_jwt::run(c),
        Cmd::Cak(c) => cak::run(c),
        Cmd::Keygen(a) => keygen::run(a),
    }
}

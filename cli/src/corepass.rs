//! `kycrypt corepass`: verify Connector v1 callbacks against a pinned key,
//! derive and check Core addresses.
//!
//! `verify` prints one JSON object: `valid`, `coverage`, `signer`, `error`
//! and, when valid, the verified values (`user`, `deadline`, `expiration`,
//! `replay_key`, `replay_until`, then `status`/`fields`/`tx_hash`, `infos` or
//! `items`/`callback_error` by kind). Scripts use these values, never the
//! body they passed in.

use std::path::PathBuf;
use std::process::ExitCode;

use kycrypt::corepass::{
    CallbackBody, CallbackKind, CallbackOptions, DEFAULT_LEEWAY_SECS, PinnedConnector,
    VerifiedCallback, verify_callback,
};
use kycrypt::corepass::{CoreAddress, Network};
use serde_json::{Map, Value, json};

use crate::output::{UsageError, fail, now_or, read_file, report};

/// Arguments of `kycrypt corepass`.
#[derive(clap::Args)]
pub(crate) struct Cmd {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(clap::Subcommand)]
enum Sub {
    /// Verify a Connector v1 callback body against a pinned Connector key.
    Verify(VerifyArgs),
    /// Derive a Core address from a public key, or check one.
    Address(AddressArgs),
}

#[derive(clap::Args)]
struct VerifyArgs {
    /// Which callback the body is.
    #[arg(long, value_parser = kind_parser())]
    kind: CallbackKind,
    /// The JSON body (`-` for stdin). Data callbacks: `{user, infos, deadline, expiration, signature}`.
    #[arg(long)]
    body: PathBuf,
    /// The pinned Connector: 114 hex chars (Ed448 public key) or a 44-char Core address.
    #[arg(long)]
    connector: String,
    /// Current time, unix seconds (default: the system clock).
    #[arg(long)]
    now: Option<u64>,
    /// Accept a data/error signature that covers only the deadline.
    #[arg(long)]
    allow_deadline_only: bool,
    /// Seconds a callback is still accepted after its deadline (at most 300).
    #[arg(long, alias = "skew-secs", default_value_t = DEFAULT_LEEWAY_SECS)]
    leeway_secs: u64,
}

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("mode").required(true).args(["public_key", "check"])))]
struct AddressArgs {
    /// Ed448 public key (114 hex chars) to derive the address of.
    #[arg(long)]
    public_key: Option<String>,
    /// Network of the derived address.
    #[arg(long, default_value = "mainnet", requires = "public_key")]
    network: String,
    /// An address to check (exit 0 valid, 1 invalid).
    #[arg(long)]
    check: Option<String>,
}

pub(crate) fn run(cmd: Cmd) -> ExitCode {
    match cmd.sub {
        Sub::Verify(a) => run_verify(&a),
        Sub::Address(a) => run_address(&a),
    }
}

/// `--kind`: exactly one of the library's spellings (listed in `--help`).
fn kind_parser() -> impl clap::builder::TypedValueParser<Value = CallbackKind> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(CallbackKind::ALL.iter().map(|k| k.as_str()))
        .try_map(|s| s.parse::<CallbackKind>())
}

fn run_verify(a: &VerifyArgs) -> ExitCode {
    let pinned = match PinnedConnector::parse(&a.connector) {
        Ok(p) => p,
        Err(e) => return UsageError(format!("--connector: {e}")).exit(),
    };
    let body = match read_file(&a.body) {
        Ok(b) => b,
        Err(e) => return e.exit(),
    };
    let opts = CallbackOptions::default()
        .with_allow_deadline_only(a.allow_deadline_only)
        .with_leeway_secs(a.leeway_secs);
    match verify_callback(a.kind, &body, &pinned, now_or(a.now), &opts) {
        Ok(v) => report(
            Ok(()),
            Some(v.coverage.as_str()),
            Some(v.signer.to_string()),
            verified_values(&v),
        ),
        Err(e) => report(Err(&e), None, None, Map::new()),
    }
}

/// The verified values of a callback, for the report. The error callback's
/// `error` member is printed as `callback_error` (`error` is the report's
/// verification error, null here).
fn verified_values(v: &VerifiedCallback) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("user".into(), json!(v.user));
    m.insert("deadline".into(), json!(v.deadline));
    m.insert("replay_key".into(), json!(v.replay_key.to_string()));
    m.insert("replay_until".into(), json!(v.replay_until));
    match &v.body {
        CallbackBody::Status(s) => {
            m.insert("expiration".into(), json!(s.expiration));
            m.insert("status".into(), json!(s.status.as_str()));
            m.insert("fields".into(), json!(s.fields));
            m.insert("tx_hash".into(), json!(s.tx_hash));
        }
        CallbackBody::Data(d) => {
            m.insert("expiration".into(), json!(d.expiration));
            let infos: Vec<Value> = d
                .infos
                .iter()
                .map(|i| json!({"field_id": i.field_id, "field_value": i.field_value, "pepper": i.pepper}))
                .collect();
            m.insert("infos".into(), Value::Array(infos));
        }
        CallbackBody::Error(e) => {
            m.insert("expiration".into(), json!(e.expiration));
            m.insert("items".into(), json!(e.items));
            m.insert("callback_error".into(), json!(e.error));
        }
        _ => {}
    }
    m
}

fn run_address(a: &AddressArgs) -> ExitCode {
    if let Some(addr) = &a.check {
        return match CoreAddress::parse(addr) {
            Ok(ad) => {
                println!(
                    "{}",
                    json!({"valid": true, "address": ad.to_string(), "network": ad.network().as_str(), "error": null})
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                println!(
                    "{}",
                    json!({"valid": false, "error": crate::output::error_json(&e)})
                );
                ExitCode::from(crate::output::EXIT_INVALID)
            }
        };
    }
    let network = match a.network.to_ascii_lowercase().parse::<Network>() {
        Ok(n) => n,
        Err(e) => return UsageError(format!("--network: {e}")).exit(),
    };
    let key = a.public_key.as_deref().unwrap_or_default();
    let derived = kycrypt::encoding::hex_decode("public key", key.trim())
        .and_then(|k| kycrypt::primitives::eddsa::ed448::Ed448VerifyingKey::from_bytes(&k))
        .map(|k| CoreAddress::from_public_key(&k, network));
    match derived {
        Ok(ad) => {
            println!("{ad}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

// ---- demo: the real samples of the upstream CorePass page ----

const STATUS_KEY: &str = "ecbce702f4d8548ef8b3fe672d5a58e83e23f55d69a90739904e5793e32bbadaacef919c284d555d84e95f11f21da607e4880d9ae7b6143980";
const DATA_KEY: &str = "4ec5abb86cd4f768d394dffd5dd9a2483cbd8cddd4447662cb73a335447660f60565710de4d144f5dcce55effde20570951c4ae21ad53fd200";
const STATUS_ACCEPTED: &str = r#"{"user":"ab148af5f9cdad10beddb05fbec4a3bef02577130e56","fields":["21148787cbc13cfc8acde462c822ff431af96aa2edf714fdc82f90e4c2918824"],"status":"ACCEPTED","expiration":1677255563,"deadline":1677255437,"signature":"nNDY/bcxyo744eJVYj2l3vHuntrPwf+clgVhW1oalfBA5fJKCcuEHAnO+vonA8egSgH9dK3T8LUAmdR3obb4DzAoOIOxL/K/dbtTloDNAQ4Njjfvo306GDdEwEI9hv532awZ7VBrYcuoIuqWcyk5cTAA7LznAvTYVI74s/5nLVpY6D4j9V1pqQc5kE5Xk+Mrutqs75GcKE1VXYTpXxHyHaYH5IgNmue2FDmA"}"#;
const STATUS_SUBMITTED: &str = r#"{"user":"ab148af5f9cdad10beddb05fbec4a3bef02577130e56","fields":["21148787cbc13cfc8acde462c822ff431af96aa2edf714fdc82f90e4c2918824"],"status":"INITIATE_SUBMITTED","expiration":1677255563,"deadline":1677255497,"signature":"LUkjuWEDaLNxY0kbUJ5XkluGnq05OEqPNJi0e3YS8fk5EUW+vwj0ke2y5sPFxJLnGew14hRZ4ziADkeuyaC9QNOYft15uRdA4L/ES+ny+kBOZyN3jAqHsX8thSbs1j8rsu2Qb7HSRpR9SwcJ/eDPkwkA7LznAvTYVI74s/5nLVpY6D4j9V1pqQc5kE5Xk+Mrutqs75GcKE1VXYTpXxHyHaYH5IgNmue2FDmA","tx_hash":"0xd90eb185877e47238380f613e3ac77f4cdb6a293ae21019fea7ac1b9ce12a94e"}"#;
const DATA: &str = r#"{"user":"ab432e666932c53128d9f73712b058a7a8f7df52f5cb","infos":[{"fieldID":"SH_DriverLicense_DOB","fieldValue":"1986-09-06","pepper":"374e74264d4b315a3878652576696e5238256947683643632a626d4a4f404846707247796c6a76686c6d675946654a4634ab432e666932c53128d9f73712b058a7a8f7df52f5cb53485f4472697665724c6963656e73655f444f42"}],"deadline":1667137346,"expiration":1667137346,"signature":"eaAF9u+EmoIOVxVU8YdRc00E3ld8pGgAMMXA7dA2IWRTttMfw9jT7dBhUWY7bdxqHrUfp9d0unmAsPzzWJCLbSLuG76P8x28443QeYAroStkUaS5UUnAiicnviAd0WgvNfuFiVXEAbT3bP40fH4NnAUATsWruGzU92jTlN/9XdmiSDy9jN3URHZiy3OjNUR2YPYFZXEN5NFE9dzOVe/94gVwlRxK4hrVP9IA"}"#;
const ERROR: &str = r#"{"user":"ab06b37c90098790e90bbcd56a701e50ec8b51b6bd5e","items":["SH_EMAIL"],"error":"INITIATED_FAILED","deadline":1667161116,"expiration":1667161116,"signature":"RrfRSl1djVOj0kIMRkBgDMWsV+7l3E4wDGtb5S+lTQFEA0nvNDtaUdc4aF4Eqn59eDLz5VXb4x4A6YHYZYpHimjDmuN/Q6/gmtnBc8VG+cWMOdHhq9LIJk7tPdQdkEDvaSf4qlcqaEcxu2EGh9RIww8ATsWruGzU92jTlN/9XdmiSDy9jN3URHZiy3OjNUR2YPYFZXEN5NFE9dzOVe/94gVwlRxK4hrVP9IA"}"#;

/// Runs one check; `want` is `Ok(coverage)` or `Err(error code)`.
fn check(
    what: &str,
    kind: CallbackKind,
    body: &str,
    key: &str,
    now: u64,
    allow: bool,
    want: Result<&str, &str>,
) -> Result<(), String> {
    let pinned = PinnedConnector::parse(key).map_err(|e| e.to_string())?;
    let opts = CallbackOptions::default().with_allow_deadline_only(allow);
    let got = verify_callback(kind, body.as_bytes(), &pinned, now, &opts);
    let shown = match &got {
        Ok(v) => format!("valid ({}, signer {})", v.coverage.as_str(), v.signer),
        Err(e) => format!("rejected: {}", e.code()),
    };
    println!("   {what}: {shown}");
    let ok = match (&got, want) {
        (Ok(v), Ok(c)) => v.coverage.as_str() == c,
        (Err(e), Err(code)) => e.code() == code,
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{what}: unexpected outcome"))
    }
}

/// The demo section of this command group: runs the real flow on embedded
/// samples, printing what was checked. Err(message) fails the demo.
pub(crate) fn demo() -> Result<(), String> {
    check(
        "upstream status ACCEPTED",
        CallbackKind::Status,
        STATUS_ACCEPTED,
        STATUS_KEY,
        1_677_255_400,
        false,
        Ok("full"),
    )?;
    check(
        "upstream status INITIATE_SUBMITTED (tx_hash)",
        CallbackKind::Status,
        STATUS_SUBMITTED,
        STATUS_KEY,
        1_677_255_400,
        false,
        Ok("full"),
    )?;
    let variant = STATUS_ACCEPTED.replacen('{', r#"{"Status":"FINISH_SUCCESS","#, 1);
    check(
        "upstream status with a \"Status\" member added (read by Go instead of \"status\")",
        CallbackKind::Status,
        &variant,
        STATUS_KEY,
        1_677_255_400,
        false,
        Err("malformed_input"),
    )?;
    let tampered = STATUS_ACCEPTED.replace("ACCEPTED", "FINISH_SUCCESS");
    check(
        "tampered status body",
        CallbackKind::Status,
        &tampered,
        STATUS_KEY,
        1_677_255_400,
        false,
        Err("signature_invalid"),
    )?;
    check(
        "upstream status, pinned to another key",
        CallbackKind::Status,
        STATUS_ACCEPTED,
        DATA_KEY,
        1_677_255_400,
        false,
        Err("key_mismatch"),
    )?;
    check(
        "upstream status after its deadline",
        CallbackKind::Status,
        STATUS_ACCEPTED,
        STATUS_KEY,
        1_677_255_500,
        false,
        Err("expired"),
    )?;
    check(
        "upstream data callback, deadline-only opted in",
        CallbackKind::Data,
        DATA,
        DATA_KEY,
        1_667_137_300,
        true,
        Ok("deadline-only"),
    )?;
    check(
        "upstream data callback without opt-in",
        CallbackKind::Data,
        DATA,
        DATA_KEY,
        1_667_137_300,
        false,
        Err("deadline_only_not_allowed"),
    )?;
    check(
        "upstream error callback",
        CallbackKind::Error,
        ERROR,
        DATA_KEY,
        1_667_161_000,
        true,
        Err("unverifiable_signature"),
    )?;
    let pubkey = "315484db568379ce94f9c894e3e6e4c7ee216676b713ca892d9b26746ae902a772e217a6a8bb493ce2bb313cf0cb66e76765d4c45ec6b68600";
    let key = hex::decode(pubkey).map_err(|e| e.to_string())?;
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
        let got = CoreAddress::from_public_key_bytes(&key, net)
            .map_err(|e| e.to_string())?
            .to_string();
        println!("   go-core address vector ({}): {got}", net.as_str());
        if got != want {
            return Err(format!("address for {}: got {got}", net.as_str()));
        }
    }
    let bad = CoreAddress::parse("cb83a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5");
    println!(
        "   address with a wrong checksum: {}",
        if bad.is_err() { "rejected" } else { "ACCEPTED" }
    );
    if bad.is_ok() {
        return Err("bad checksum accepted".into());
    }
    Ok(())
}

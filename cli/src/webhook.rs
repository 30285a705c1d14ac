//! `kycrypt webhook`: verify a provider webhook over its raw body.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use kycrypt::primitives::hmac::HmacKey;
use kycrypt::webhooks::{self, Provider, VerifiedWebhook, WebhookOptions};
use serde_json::{Map, Value};

use crate::output::{UsageError, report};

/// Jumio signs nothing, so `webhooks::verify` reports `not_signed` whatever
/// the key; this stands in for the secret a Jumio check does not need.
const JUMIO_PLACEHOLDER_SECRET: &[u8] = b"no secret: Jumio does not sign";

/// Arguments of `kycrypt webhook`.
#[derive(clap::Args)]
pub(crate) struct Cmd {
    #[command(subcommand)]
    cmd: Sub,
}

#[derive(Subcommand)]
enum Sub {
    /// Verify a webhook; prints `{"valid","coverage","signer","error",...}`, exit 0 valid / 1 not.
    Verify(VerifyArgs),
}

#[derive(clap::Args)]
struct VerifyArgs {
    /// sumsub, onfido, veriff, persona, corepass, zerohash or jumio (any case).
    #[arg(long)]
    provider: String,
    /// The webhook secret (its UTF-8 bytes are the HMAC key).
    #[arg(long)]
    secret: Option<String>,
    /// File with the raw body (`-` for stdin).
    #[arg(long)]
    body: PathBuf,
    /// A request header, `Name: value` (repeat).
    #[arg(long = "header")]
    headers: Vec<String>,
    /// Unix seconds (default: now).
    #[arg(long)]
    now: Option<u64>,
    /// Timestamp leeway in seconds, either direction (default 300, max 3600).
    #[arg(long, alias = "tolerance")]
    leeway: Option<u64>,
    /// Zero Hash only: verify the RSA headers with this public key (PEM file) instead of the secret.
    #[arg(long)]
    public_key: Option<PathBuf>,
    /// Zero Hash only: also accept the legacy, untimestamped signature headers
    /// (replayable: only for accounts that send no timestamps yet).
    #[arg(long)]
    allow_legacy: bool,
}

pub(crate) fn run(cmd: Cmd) -> ExitCode {
    match cmd.cmd {
        Sub::Verify(a) => match verify(&a) {
            Ok(code) => code,
            Err(e) => e.exit(),
        },
    }
}

/// Splits `Name: value` at the first colon.
fn parse_header(s: &str) -> Result<(String, String), UsageError> {
    match s.split_once(':') {
        Some((n, v)) if !n.trim().is_empty() => Ok((n.trim().to_owned(), v.trim().to_owned())),
        _ => Err(UsageError(format!(
            "--header must be 'Name: value', got {s:?}"
        ))),
    }
}

fn verify(a: &VerifyArgs) -> Result<ExitCode, UsageError> {
    let provider = a
        .provider
        .trim()
        .to_ascii_lowercase()
        .parse::<Provider>()
        .map_err(|_| UsageError(format!("unknown provider {:?}", a.provider)))?;
    let headers = a
        .headers
        .iter()
        .map(|h| parse_header(h))
        .collect::<Result<Vec<_>, _>>()?;
    let body = crate::output::read_file(&a.body)?;
    let now = crate::output::now_or(a.now);
    let mut opts = WebhookOptions::default().with_zerohash_allow_legacy(a.allow_legacy);
    if let Some(t) = a.leeway {
        opts = opts.with_leeway_secs(t);
    }
    // A secret given on the command line is checked whatever the provider:
    // an empty one (`--secret "$UNSET_VAR"`) is `invalid_key`, never a check
    // run with `HMAC("", body)`.
    let key = match a
        .secret
        .as_deref()
        .map(|s| HmacKey::from_slice(s.as_bytes()))
    {
        Some(Err(e)) => return Ok(print(provider, &Err(e))),
        Some(Ok(k)) => Some(k),
        None => None,
    };
    let result = match (&a.public_key, provider) {
        (Some(path), Provider::ZeroHash) => {
            let pem = String::from_utf8(crate::output::read_file(path)?)
                .map_err(|_| UsageError("--public-key is not a UTF-8 PEM file".into()))?;
            webhooks::ZeroHashPublicKey::from_pem(&pem)
                .and_then(|k| webhooks::verify_zerohash_rsa(&headers, &body, &k, now, &opts))
        }
        (Some(_), _) => {
            return Err(UsageError(
                "--public-key is only for --provider zerohash".into(),
            ));
        }
        (None, Provider::Jumio) => HmacKey::from_slice(JUMIO_PLACEHOLDER_SECRET)
            .and_then(|k| webhooks::verify(provider, &headers, &body, &k, now, &opts)),
        (None, _) => {
            let key = key
                .as_ref()
                .ok_or_else(|| UsageError("--secret is required".into()))?;
            webhooks::verify(provider, &headers, &body, key, now, &opts)
        }
    };
    Ok(print(provider, &result))
}

fn print(provider: Provider, result: &Result<VerifiedWebhook, kycrypt::Error>) -> ExitCode {
    let mut extra = Map::new();
    extra.insert("provider".into(), Value::String(provider.as_str().into()));
    if let Ok(v) = result {
        extra.insert("scheme".into(), Value::String(v.scheme.as_str().into()));
        extra.insert(
            "timestamp".into(),
            v.timestamp.map_or(Value::Null, Value::from),
        );
        extra.insert(
            "event_id".into(),
            v.event_id.clone().map_or(Value::Null, Value::String),
        );
    }
    report(result.as_ref().map(|_| ()), None, None, extra)
}

/// One embedded sample: what, provider, secret, headers, body, now.
type Sample = (
    &'static str,
    Provider,
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
    u64,
);

const ONFIDO_BODY: &str = r#"{"payload":{"resource_type":"check","action":"check.completed","object":{"id":"check-123","status":"complete","completed_at_iso8601":"2020-01-01T00:00:00Z","href":"https://api.onfido.com/v3/checks/check-123"}}}"#;
const VERIFF_BODY: &str = r#"{"verification":{"callback":"https://veriff.com","person":{"firstName":"John","lastName":"Smith"},"document":{"type":"PASSPORT","country":"EE"},"vendorData":"unique id of a user","timestamp":"2016-05-19T08:30:25.597Z"}}"#;
const SUMSUB_BODY: &str = r#"{"applicantId":"5cb56e8e0a975a35f333cb83","type":"applicantReviewed","reviewResult":{"reviewAnswer":"GREEN"},"reviewStatus":"completed"}"#;
const PERSONA_BODY: &str =
    r#"{"data":{"type":"event","id":"evt_123","attributes":{"name":"inquiry.completed"}}}"#;
const ZH_BODY: &str =
    r#"{"participant_code":"ABC123","participant_status":"approved","timestamp":1670958435349}"#;
/// CorePass v2 sample (no upstream sample exists): key `whsec_corepass_demo`,
/// signature computed with Python hmac.
const COREPASS_BODY: &str = r#"{"event":"kyc.completed","id":"evt_demo"}"#;

/// Provider samples: auth-public.json (Onfido SDK constant, Veriff docs digest,
/// Sumsub/Persona/Zero Hash recipes) and a CorePass v2 webhook.
const SAMPLES: &[Sample] = &[
    (
        "Onfido SDK sample",
        Provider::Onfido,
        "_ABC123abc123ABC123abc123ABC123_",
        &[(
            "X-SHA2-Signature",
            "a0082d7481f9f0a2907583dbe1f344d6d4c0d9989df2fd804f98479f60cd760e",
        )],
        ONFIDO_BODY,
        0,
    ),
    (
        "Veriff docs sample",
        Provider::Veriff,
        "abcdef12-abcd-abcd-abcd-abcdef012345",
        &[(
            "X-HMAC-SIGNATURE",
            "6af6d95822e19e9cc707aec55395d8d363ba2c7bc4625bc04ebeca0c7bf8cd67",
        )],
        VERIFF_BODY,
        0,
    ),
    (
        "Sumsub HMAC_SHA512_HEX sample",
        Provider::Sumsub,
        "sumsub-webhook-secret",
        &[
            (
                "X-Payload-Digest",
                "4c64151c157e41ce6b31f0a2e17243453a7b4d8f12d0356e8b7d19cd64a4bd7fe7d0bbc0d24a5d73e8c49c0d56f520666f91c241350c438cdf1baf2b2b2a1e23",
            ),
            ("X-Payload-Digest-Alg", "HMAC_SHA512_HEX"),
        ],
        SUMSUB_BODY,
        0,
    ),
    (
        "Persona sample",
        Provider::Persona,
        "wbhsec_test",
        &[(
            "Persona-Signature",
            "t=1700000000,v1=69f4a9974b44c81a581202cfbf217c92edd905cd1909c5d5dc43437ab0b9f52b",
        )],
        PERSONA_BODY,
        1_700_000_060,
    ),
    (
        "Persona rotation (only the second set matches)",
        Provider::Persona,
        "wbhsec_test",
        &[(
            "Persona-Signature",
            "t=1700000000,v1=0000000000000000000000000000000000000000000000000000000000000000 t=1700000000,v1=69f4a9974b44c81a581202cfbf217c92edd905cd1909c5d5dc43437ab0b9f52b",
        )],
        PERSONA_BODY,
        1_700_000_060,
    ),
    (
        "CorePass v2",
        Provider::CorePass,
        "whsec_corepass_demo",
        &[(
            "Corepass-Signature",
            "t=1750000000,s=be6ef20820388c5243acba53a01312baa41e89c0c63e07904e26b5f22afad9f4",
        )],
        COREPASS_BODY,
        1_750_000_030,
    ),
    (
        "Zero Hash legacy",
        Provider::ZeroHash,
        "zh-webhook-secret",
        &[(
            "x-zh-hook-signature-256",
            "bf141203d3b4e57cde558bf919c4ae1d212734ac3f755f10ef28a3276f2477c4",
        )],
        ZH_BODY,
        0,
    ),
    (
        "Zero Hash current",
        Provider::ZeroHash,
        "zh-webhook-secret",
        &[
            ("x-zh-hook-timestamp", "1670958435349"),
            (
                "x-zh-hook-signature",
                "44ca74c5e707b3f08e01795597ed950bfcce39a5cbb5483bed9a33f66a17cf33",
            ),
            ("x-zh-hook-notification-id", "demo-notification-1"),
        ],
        ZH_BODY,
        1_670_958_440,
    ),
];

fn run_sample(x: &Sample, body: &[u8], now: u64) -> Result<VerifiedWebhook, kycrypt::Error> {
    let key = HmacKey::from_slice(x.2.as_bytes())?;
    // The demo's Zero Hash legacy sample needs the explicit opt-in.
    let opts = WebhookOptions::default().with_zerohash_allow_legacy(x.1 == Provider::ZeroHash);
    webhooks::verify(x.1, x.3, body, &key, now, &opts)
}

/// Checks one sample: valid as is, rejected tampered, and (timestamped
/// schemes) rejected an hour later.
fn check_sample(x: &Sample) -> Result<(), String> {
    let (what, provider, body, now) = (x.0, x.1, x.4, x.5);
    let v =
        run_sample(x, body.as_bytes(), now).map_err(|e| format!("{what}: {e} ({})", e.code()))?;
    println!(
        "   ok: {what} verifies (scheme {}, timestamp {:?}, event id {:?})",
        v.scheme, v.timestamp, v.event_id
    );
    let tampered = body.replacen('"', "'", 1);
    match run_sample(x, tampered.as_bytes(), now) {
        Err(e) if e.code() == "signature_invalid" => {
            println!("   ok: {what} with a tampered body rejected ({})", e.code())
        }
        other => return Err(format!("{what}: tampered body not rejected: {other:?}")),
    }
    if matches!(provider, Provider::Persona | Provider::CorePass) || v.timestamp.is_some() {
        match run_sample(x, body.as_bytes(), now + 3600) {
            Err(e) if e.code() == "timestamp_out_of_window" => {
                println!("   ok: {what} an hour later rejected ({})", e.code())
            }
            other => return Err(format!("{what}: stale webhook not rejected: {other:?}")),
        }
    }
    Ok(())
}

/// The demo section of this command group: runs the real flow on embedded
/// samples, printing what was checked. Err(message) fails the demo.
pub(crate) fn demo() -> Result<(), String> {
    for x in SAMPLES {
        check_sample(x)?;
    }
    let none: [(&str, &str); 0] = [];
    let any_key = HmacKey::from_slice(JUMIO_PLACEHOLDER_SECRET).map_err(|e| e.to_string())?;
    match webhooks::verify(
        Provider::Jumio,
        &none,
        b"{}",
        &any_key,
        0,
        &WebhookOptions::default(),
    ) {
        Err(e) if e.code() == "not_signed" => {
            println!("   ok: Jumio reported as not signed ({})", e.code())
        }
        other => return Err(format!("Jumio not reported as unsigned: {other:?}")),
    }
    Ok(())
}

//! `kycrypt zerohash`: sign Zero Hash API requests.

use std::process::ExitCode;

use clap::Subcommand;
use serde_json::{Map, Value};

/// Arguments of `kycrypt zerohash`.
#[derive(clap::Args)]
pub(crate) struct Cmd {
    #[command(subcommand)]
    cmd: Sub,
}

#[derive(Subcommand)]
enum Sub {
    /// Sign a request; prints the X-SCX-* headers as a JSON object.
    Sign(SignArgs),
}

#[derive(clap::Args)]
struct SignArgs {
    /// The API secret (standard base64, as Zero Hash issues it).
    #[arg(long)]
    secret: String,
    /// HTTP method (upper-cased before signing).
    #[arg(long)]
    method: String,
    /// Path with query string, e.g. `/accounts?account_owner=00SCXM`.
    #[arg(long)]
    route: String,
    /// The exact body sent (empty GET/DELETE bodies are signed as `{}`).
    #[arg(long, default_value = "")]
    body: String,
    /// Unix seconds (default: now).
    #[arg(long)]
    timestamp: Option<u64>,
    /// Public API key, printed as X-SCX-API-KEY.
    #[arg(long)]
    api_key: Option<String>,
    /// Passphrase, printed as X-SCX-PASSPHRASE.
    #[arg(long)]
    passphrase: Option<String>,
}

pub(crate) fn run(cmd: Cmd) -> ExitCode {
    match cmd.cmd {
        Sub::Sign(a) => sign(&a),
    }
}

/// The headers as the JSON object the CLI prints.
fn headers_json(a: &SignArgs, ts: u64) -> Result<Value, kycrypt::Error> {
    let key = kycrypt::zerohash::secret_from_base64(&a.secret)?;
    let signed = kycrypt::zerohash::sign(&a.method, &a.route, &a.body, &key, ts)?;
    let mut obj = Map::new();
    if let Some(k) = &a.api_key {
        obj.insert("X-SCX-API-KEY".into(), Value::String(k.clone()));
    }
    obj.insert("X-SCX-SIGNED".into(), Value::String(signed));
    obj.insert("X-SCX-TIMESTAMP".into(), Value::String(ts.to_string()));
    if let Some(p) = &a.passphrase {
        obj.insert("X-SCX-PASSPHRASE".into(), Value::String(p.clone()));
    }
    Ok(Value::Object(obj))
}

fn sign(a: &SignArgs) -> ExitCode {
    match headers_json(a, crate::output::now_or(a.timestamp)) {
        Ok(v) => {
            println!("{v}");
            ExitCode::SUCCESS
        }
        Err(e) => crate::output::fail(&e),
    }
}

/// The demo section of this command group: runs the real flow on embedded
/// samples, printing what was checked. Err(message) fails the demo.
pub(crate) fn demo() -> Result<(), String> {
    use kycrypt::zerohash::{self, RequestOptions, ZeroHashCredentials};
    const SECRET: &str = "2mC4ZvVd4goRkuJm+rjr9byUiaUW1b6tVN4xy9QXNSE=";
    const ROUTE: &str = "/accounts?account_owner=00SCXM&account_group=BBLGTW";
    const WANT: &str = "nvY/lGZoaom8x6eHeMWlzF4NnGvGA3YPtrbCmyUSplo=";
    let creds =
        ZeroHashCredentials::new("public_key", SECRET, "passphrase").map_err(|e| e.to_string())?;
    let h = creds
        .sign_request("GET", ROUTE, "", 1_714_445_421)
        .map_err(|e| e.to_string())?;
    for (name, value) in h.to_pairs() {
        let shown = if name == "X-SCX-PASSPHRASE" {
            "<redacted>".to_owned()
        } else {
            value
        };
        println!("   {name}: {shown}");
    }
    if h.x_scx_signed != WANT {
        return Err("docs GET request: X-SCX-SIGNED differs from the worked vector".into());
    }
    println!("   ok: docs GET {ROUTE} (empty body signed as {{}}) matches the worked vector");
    let key = zerohash::secret_from_base64(SECRET).map_err(|e| e.to_string())?;
    let pairs = h.to_pairs();
    let opts = RequestOptions::default();
    let fresh = zerohash::verify_request(&pairs, "GET", ROUTE, "", &key, 1_714_445_450, &opts);
    if fresh.is_err() {
        return Err("server-side check rejected a fresh signed request".into());
    }
    println!("   ok: server-side check accepts it 29 s later");
    match zerohash::verify_request(&pairs, "GET", ROUTE, "", &key, 1_714_445_500, &opts) {
        Err(e) if e.code() == "timestamp_out_of_window" => {
            println!("   ok: rejected 79 s later ({})", e.code())
        }
        other => return Err(format!("stale request not rejected as stale: {other:?}")),
    }
    match zerohash::verify_request(&pairs, "GET", "/accounts", "", &key, 1_714_445_421, &opts) {
        Err(e) if e.code() == "signature_invalid" => {
            println!("   ok: altered route rejected ({})", e.code())
        }
        other => return Err(format!("altered route not rejected: {other:?}")),
    }
    Ok(())
}

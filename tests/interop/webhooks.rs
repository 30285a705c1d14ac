//! Webhooks and Zero Hash request signing against the real clients (issue 14, item 4).
//!
//! - **Onfido**: `@onfido/api`'s and onfido-python's `WebhookEventVerifier` agree with
//!   `kycrypt::webhooks::verify(Provider::Onfido, ..)` on fresh tokens (ASCII, non-ASCII,
//!   longer than the hash block) and bodies (0 B to 1 MiB, binary, non-ASCII, Onfido
//!   events): signatures made by kycrypt and by the peer's HMAC (node:crypto, Python
//!   `hmac`, as Onfido documents it) are accepted by both sides, a tampered body, a wrong
//!   token, a truncated or empty signature by all. Where a library takes a form kycrypt
//!   refuses (or the reverse, for the case of the hex) the test prints a note and holds
//!   kycrypt to its rule.
//! - **Zero Hash**: the `X-SCX-SIGNED` that kycrypt computes equals the one of Zero Hash's
//!   documented Node sample (re-typed in `node/webhooks.js`) and of zerohash-python's own
//!   request path (`python/webhooks.py`, HTTP client replaced by a capturing fake) for the
//!   same timestamp, over the exact bytes each sends; `zerohash::verify_request` accepts
//!   their headers and refuses them on a changed body, route or clock.

use kycrypt::primitives::hmac::HmacKey;
use kycrypt::webhooks::{self, Provider, WebhookOptions};
use kycrypt::zerohash::{self, RequestOptions, ZeroHashCredentials};
use serde_json::{Value, json};

use crate::common::{Peer, Tally, hx, now, payloads, random};

const ONFIDO_NODE: &str = "@onfido/api";
const ONFIDO_PY: &str = "onfido-python";
const ZH_DOCS: &str = "zerohash docs sample (node)";
const ZH_PY: &str = "zerohash-python";

pub fn run() {
    let mut t = Tally::new("webhooks");
    let node = Peer::node("webhooks.js");
    let python = Peer::python("webhooks.py");

    let variants = onfido_variants();
    let signs = onfido_sign_cases();
    let docs = zh_docs_cases();
    let sdk = zh_sdk_cases();

    if let Some(node) = &node {
        let mut tasks = Vec::new();
        for v in &variants {
            tasks.push(v.task());
        }
        for (token, body) in &signs {
            tasks.push(json!({"op": "onfido_sign", "token": token, "body": hx(body)}));
        }
        for c in &docs {
            tasks.push(c.task.clone());
        }
        let results = node.call(tasks);
        let (verified, rest) = results.split_at(variants.len());
        let (signed, rest) = rest.split_at(signs.len());
        for (v, r) in variants.iter().zip(verified) {
            // readPayload checks the signature, then returns JSON.parse(body): a
            // SyntaxError is the one error that follows an accepted signature.
            let accepted = r["returned"] == json!(true) || error_of(r).starts_with("SyntaxError:");
            v.judge(&mut t, ONFIDO_NODE, r, accepted);
            if error_of(r).starts_with("RangeError:") {
                t.note(
                    ONFIDO_NODE,
                    "a signature that does not decode to 32 bytes makes readPayload throw \
                     RangeError (crypto.timingSafeEqual), not OnfidoInvalidSignatureError",
                );
            }
        }
        for ((token, body), r) in signs.iter().zip(signed) {
            peer_signature(&mut t, ONFIDO_NODE, token, body, r);
        }
        for (c, r) in docs.iter().zip(rest) {
            zh_docs_check(&mut t, c, r);
        }
        zh_secret_forms(&mut t);
    }

    if let Some(python) = &python {
        // onfido-python takes the body as `str`: only UTF-8 bodies can be given to it.
        let utf8 = |b: &[u8]| std::str::from_utf8(b).is_ok();
        let variants: Vec<&Variant> = variants.iter().filter(|v| utf8(&v.body)).collect();
        let signs: Vec<&(String, Vec<u8>)> = signs.iter().filter(|(_, b)| utf8(b)).collect();
        t.note(
            ONFIDO_PY,
            "read_payload takes the body as str (encoded as UTF-8): bodies that are not UTF-8 \
             cannot be given to it and are checked with @onfido/api only",
        );
        let mut tasks = Vec::new();
        for v in &variants {
            tasks.push(v.task());
        }
        for (token, body) in &signs {
            tasks.push(json!({"op": "onfido_sign", "token": token, "body": hx(body)}));
        }
        for c in &sdk {
            tasks.push(c.clone());
        }
        let results = python.call(tasks);
        let (verified, rest) = results.split_at(variants.len());
        let (signed, rest) = rest.split_at(signs.len());
        for (v, r) in variants.iter().zip(verified) {
            // read_payload compares the signatures, then parses the body into a
            // WebhookEvent: a JSON or model error follows an accepted signature.
            let e = error_of(r);
            let accepted = r["returned"] == json!(true)
                || e.starts_with("JSONDecodeError:")
                || e.starts_with("ValidationError:");
            v.judge(&mut t, ONFIDO_PY, r, accepted);
        }
        for ((token, body), r) in signs.iter().zip(signed) {
            peer_signature(&mut t, ONFIDO_PY, token, body, r);
        }
        for (c, r) in sdk.iter().zip(rest) {
            zh_sdk_check(&mut t, c, r);
        }
    }
    t.finish();
}

fn error_of(r: &Value) -> &str {
    r["error"].as_str().unwrap_or_default()
}

// ---------------------------------------------------------------- Onfido

/// A fresh random token of `n` characters from Onfido's alphabet (letters, digits, `_-`).
fn token(n: usize) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    random(n)
        .iter()
        .map(|b| char::from(A[usize::from(b % 64)]))
        .collect()
}

/// An Onfido `check.completed` event with fresh ids and non-ASCII, HTML and U+2028 text.
fn onfido_event() -> Vec<u8> {
    let id = uuid_like();
    serde_json::to_vec(&json!({
        "payload": {
            "resource_type": "check",
            "action": "check.completed",
            "object": {
                "id": id,
                "status": "complete",
                "completed_at_iso8601": "2026-12-03T08:00:00Z",
                "href": format!("https://api.eu.onfido.com/v3.6/checks/{id}"),
            },
        },
        "note": "Zoë Łukasiewicz, 東京, ☃ <b>&amp;</b> \u{2028}\u{2029} 😀 \"quoted\" \\",
    }))
    .unwrap()
}

fn uuid_like() -> String {
    let h = hx(&random(16));
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// kycrypt's Onfido signature: hex(HMAC-SHA256(token, body)).
fn kycrypt_sign(token: &str, body: &[u8]) -> String {
    let key = HmacKey::from_slice(token.as_bytes()).unwrap();
    hx(&key.sign(kycrypt::primitives::hmac::HmacAlg::Sha256, &[body]))
}

/// kycrypt's check of an Onfido webhook; the error code on refusal.
fn kycrypt_verify(token: &str, body: &[u8], signature: &str) -> Result<(), &'static str> {
    let key = HmacKey::from_slice(token.as_bytes()).map_err(|e| e.code())?;
    let headers = [("X-SHA2-Signature", signature)];
    webhooks::verify(
        Provider::Onfido,
        &headers,
        body,
        &key,
        now(),
        &WebhookOptions::default(),
    )
    .map(|_| ())
    .map_err(|e| e.code())
}

/// What kycrypt and the libraries must do with a variant.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Want {
    /// Everyone accepts.
    Accept,
    /// Everyone refuses; kycrypt with this code.
    Refuse(&'static str),
    /// kycrypt refuses with this code (a non-canonical form, or an empty token); a
    /// library that accepts is noted.
    KycryptRefuses(&'static str),
    /// kycrypt accepts (hex in either case); a library that refuses is noted.
    KycryptAccepts,
}

/// One Onfido check both kycrypt and a library make.
struct Variant {
    case: String,
    name: &'static str,
    token: String,
    body: Vec<u8>,
    signature: String,
    want: Want,
}

impl Variant {
    fn task(&self) -> Value {
        json!({"op": "onfido_verify", "token": self.token, "body": hx(&self.body), "signature": self.signature})
    }

    fn judge(&self, t: &mut Tally, lib: &str, r: &Value, lib_accepts: bool) {
        assert_eq!(r["ok"], json!(true), "{lib}: {r}");
        let kyc = kycrypt_verify(&self.token, &self.body, &self.signature);
        let what = format!(
            "onfido {} / {}: kycrypt {kyc:?}, {lib} accepted={lib_accepts} ({})",
            self.case,
            self.name,
            error_of(r)
        );
        match self.want {
            Want::Accept => t.check(lib, kyc.is_ok() && lib_accepts, what),
            Want::Refuse(code) => t.check(lib, kyc == Err(code) && !lib_accepts, what),
            Want::KycryptRefuses(code) => {
                t.check(lib, kyc == Err(code), what);
                if lib_accepts {
                    t.note(
                        lib,
                        format!("accepts {}; kycrypt refuses it ({code})", self.name),
                    );
                }
            }
            Want::KycryptAccepts => {
                t.check(lib, kyc.is_ok(), what);
                if !lib_accepts {
                    t.note(
                        lib,
                        format!(
                            "refuses {} ({}); kycrypt accepts hex in either case",
                            self.name,
                            error_of(r)
                        ),
                    );
                }
            }
        }
    }
}

/// (token, body) cases: every payload with a fresh ASCII token, a few with a non-ASCII
/// token and with one longer than SHA-256's block (hashed first by HMAC).
fn onfido_cases() -> Vec<(String, String, Vec<u8>)> {
    let mut cases = Vec::new();
    let ascii = token(32);
    for (label, body) in payloads() {
        cases.push((format!("{label} body"), ascii.clone(), body));
    }
    cases.push(("event body".into(), ascii, onfido_event()));
    let non_ascii = format!("tök€n-東京-{}", token(16));
    let long = token(100);
    for (tlabel, tok) in [("non-ASCII token", non_ascii), ("100-char token", long)] {
        cases.push((format!("{tlabel}, event body"), tok.clone(), onfido_event()));
        cases.push((format!("{tlabel}, 0 B body"), tok.clone(), Vec::new()));
        cases.push((
            format!("{tlabel}, non-ASCII body"),
            tok,
            "Zoë Łukasiewicz, 東京, ☃ \u{2028}".as_bytes().to_vec(),
        ));
    }
    cases
}

fn onfido_variants() -> Vec<Variant> {
    let mut out = Vec::new();
    for (case, tok, body) in onfido_cases() {
        let sig = kycrypt_sign(&tok, &body);
        let mut tampered = body.clone();
        match tampered.last_mut() {
            Some(b) => *b ^= 0x01,
            None => tampered.push(b'{'),
        }
        if std::str::from_utf8(&tampered).is_err() && std::str::from_utf8(&body).is_ok() {
            // Keep a UTF-8 body UTF-8 (so that onfido-python can take the tampered one).
            tampered = body.clone();
            tampered.extend_from_slice(b" ");
        }
        let v = |name, token: &str, body: &[u8], signature: String, want| Variant {
            case: case.clone(),
            name,
            token: token.to_owned(),
            body: body.to_vec(),
            signature,
            want,
        };
        out.extend([
            v(
                "kycrypt's signature",
                &tok,
                &body,
                sig.clone(),
                Want::Accept,
            ),
            v(
                "a tampered body",
                &tok,
                &tampered,
                sig.clone(),
                Want::Refuse("signature_invalid"),
            ),
            v(
                "another token",
                &format!("{tok}x"),
                &body,
                sig.clone(),
                Want::Refuse("signature_invalid"),
            ),
            v(
                "a signature truncated to 62 hex digits",
                &tok,
                &body,
                sig[..62].to_owned(),
                Want::Refuse("signature_invalid"),
            ),
            v(
                "an empty signature",
                &tok,
                &body,
                String::new(),
                Want::Refuse("missing_header"),
            ),
            v(
                "a signature in uppercase hex",
                &tok,
                &body,
                sig.to_uppercase(),
                Want::KycryptAccepts,
            ),
            v(
                "a signature followed by non-hex characters (\"zz\")",
                &tok,
                &body,
                format!("{sig}zz"),
                Want::KycryptRefuses("signature_invalid"),
            ),
            v(
                "a signature with a 65th hex digit",
                &tok,
                &body,
                format!("{sig}0"),
                Want::KycryptRefuses("signature_invalid"),
            ),
            v(
                "an empty webhook token (with HMAC under the empty key)",
                "",
                &body,
                hx(&hmac_sha256(b"", &body)),
                Want::KycryptRefuses("invalid_key"),
            ),
        ]);
    }
    out
}

/// The (token, body) pairs the peers sign with their own HMAC.
fn onfido_sign_cases() -> Vec<(String, Vec<u8>)> {
    onfido_cases().into_iter().map(|(_, t, b)| (t, b)).collect()
}

/// kycrypt accepts the library's signature and computes the same one.
fn peer_signature(t: &mut Tally, lib: &str, token: &str, body: &[u8], r: &Value) {
    assert_eq!(r["ok"], json!(true), "{lib}: {r}");
    let sig = r["signature"].as_str().unwrap();
    t.eq(
        lib,
        sig.to_owned(),
        kycrypt_sign(token, body),
        &format!(
            "onfido: the library's HMAC equals kycrypt's ({} B body)",
            body.len()
        ),
    );
    let kyc = kycrypt_verify(token, body, sig);
    t.check(
        lib,
        kyc.is_ok(),
        format!(
            "onfido: kycrypt accepts the library's signature ({} B body): {kyc:?}",
            body.len()
        ),
    );
}

/// HMAC-SHA256 written out (RFC 2104), for the empty key kycrypt refuses to hold.
fn hmac_sha256(key: &[u8], msg: &[u8]) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    assert!(key.len() <= 64);
    let mut k = [0u8; 64];
    k[..key.len()].copy_from_slice(key);
    let pad = |p: u8| k.iter().map(|b| b ^ p).collect::<Vec<u8>>();
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(msg)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .to_vec()
}

// ---------------------------------------------------------------- Zero Hash

/// A fresh Zero Hash API secret: standard padded base64 of `n` random bytes.
fn zh_secret(n: usize) -> String {
    kycrypt::encoding::b64_encode(&random(n))
}

/// Text that exercises escaping: non-ASCII, astral, U+2028/9, HTML, quotes, controls.
const TRICKY: &str = "Zoë Łukasiewicz, 東京 ☃ 😀 \u{2028}\u{2029} <b>&</b> \"q\" \\ \t/";

struct DocsCase {
    label: &'static str,
    secret: String,
    method: &'static str,
    route: String,
    task: Value,
    /// The sample took its own clock (no timestamp given).
    own_clock: bool,
}

fn zh_docs_cases() -> Vec<DocsCase> {
    let n = now();
    let email = format!("zoë.{}@example.com", token(6));
    let cases = [
        (
            "the docs' request (POST /participants/onboarding_token), the sample's own clock",
            zh_secret(32),
            "POST",
            "/participants/onboarding_token".to_owned(),
            json!({"email": email, "phone_number": "33512345678"}),
            None,
        ),
        (
            "POST, route with a query string, non-ASCII body",
            zh_secret(32),
            "POST",
            "/participants/onboarding_token?email=zo%C3%AB%40example.com&x=a+b".to_owned(),
            json!({"email": email, "note": TRICKY, "n": [1, 2.5, -0.0, 1e21, null, true], "o": {}}),
            Some(n),
        ),
        (
            "GET with a query string (body {})",
            zh_secret(32),
            "GET",
            format!("/accounts?account_owner={}&account_group=BBLGTW", token(6)),
            json!({}),
            Some(n),
        ),
        (
            "DELETE (body {})",
            zh_secret(32),
            "DELETE",
            format!("/orders/{}", uuid_like()),
            json!({}),
            Some(n),
        ),
        (
            "POST, empty object, 64-byte secret",
            zh_secret(64),
            "POST",
            "/liquidity/execute".to_owned(),
            json!({}),
            Some(n),
        ),
        (
            "POST, 16-byte secret, large body",
            zh_secret(16),
            "POST",
            "/trades".to_owned(),
            json!({"blob": hx(&random(64 * 1024)), "note": TRICKY}),
            Some(n),
        ),
    ];
    cases
        .into_iter()
        .map(|(label, secret, method, route, body, ts)| {
            let mut task = json!({"op": "zh_docs_sign", "secret": secret, "method": method,
                                  "route": route, "body": body});
            if let Some(ts) = ts {
                task["timestamp"] = json!(ts);
            }
            DocsCase {
                label,
                secret,
                method,
                route,
                task,
                own_clock: ts.is_none(),
            }
        })
        .collect()
}

/// Header name/value pairs as received (numbers as decimal text).
fn header_pairs(h: &Value) -> Vec<(String, String)> {
    h.as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            let v = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            (k.clone(), v)
        })
        .collect()
}

fn header<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} header"))
}

/// The checks of one signed request (either peer): kycrypt's signature for the same
/// timestamp, its acceptance of the headers, and refusals of altered requests.
#[allow(clippy::too_many_arguments)]
fn zh_request_checks(
    t: &mut Tally,
    lib: &str,
    label: &str,
    secret: &str,
    method: &str,
    route: &str,
    body: &str,
    headers: &[(String, String)],
) {
    let ts: u64 = header(headers, "X-SCX-TIMESTAMP").parse().unwrap();
    let creds = ZeroHashCredentials::new("public_key", secret, "passphrase").unwrap();
    let mine = creds.sign_request(method, route, body, ts).unwrap();
    t.eq(
        lib,
        header(headers, "X-SCX-SIGNED"),
        mine.x_scx_signed.as_str(),
        &format!("zerohash {label}: kycrypt's X-SCX-SIGNED for the same timestamp"),
    );
    t.eq(
        lib,
        header(headers, "X-SCX-TIMESTAMP"),
        mine.x_scx_timestamp.as_str(),
        &format!("zerohash {label}: X-SCX-TIMESTAMP"),
    );
    let key = zerohash::secret_from_base64(secret).unwrap();
    let n = now();
    let verify = |m: &str, r: &str, b: &str, at: u64| {
        zerohash::verify_request(headers, m, r, b, &key, at, &RequestOptions::default())
            .map(|v| v.timestamp)
            .map_err(|e| e.code())
    };
    let got = verify(method, route, body, n);
    t.check(
        lib,
        got == Ok(ts),
        format!("zerohash {label}: verify_request accepts the headers: {got:?}"),
    );
    if body == "{}" && matches!(method.to_ascii_uppercase().as_str(), "GET" | "DELETE") {
        let got = verify(method, route, "", n);
        t.check(
            lib,
            got == Ok(ts),
            format!("zerohash {label}: an empty {method} body verifies as {{}}: {got:?}"),
        );
    }
    let altered_body = format!("{body} ");
    let altered_route = format!("{route}{}x=1", if route.contains('?') { '&' } else { '?' });
    let other_method = if method.eq_ignore_ascii_case("POST") {
        "PUT"
    } else {
        "POST"
    };
    for (what, m, r, b, at, code) in [
        (
            "a changed body",
            method,
            route,
            altered_body.as_str(),
            n,
            "signature_invalid",
        ),
        (
            "a changed route",
            method,
            altered_route.as_str(),
            body,
            n,
            "signature_invalid",
        ),
        (
            "another method",
            other_method,
            route,
            body,
            n,
            "signature_invalid",
        ),
        (
            "a clock 61 s later",
            method,
            route,
            body,
            ts + 61,
            "timestamp_out_of_window",
        ),
    ] {
        let got = verify(m, r, b, at);
        t.check(
            lib,
            got == Err(code),
            format!("zerohash {label}: verify_request refuses {what} ({code}): {got:?}"),
        );
    }
}

fn zh_docs_check(t: &mut Tally, c: &DocsCase, r: &Value) {
    assert_eq!(r["ok"], json!(true), "{ZH_DOCS}: {r}");
    let headers = header_pairs(&r["headers"]);
    let body = r["sent_body"].as_str().unwrap();
    if c.own_clock {
        let ts: u64 = header(&headers, "X-SCX-TIMESTAMP").parse().unwrap();
        t.check(
            ZH_DOCS,
            ts.abs_diff(now()) <= 5,
            format!(
                "zerohash {}: the sample's clock is unix seconds: {ts}",
                c.label
            ),
        );
    }
    zh_request_checks(
        t, ZH_DOCS, c.label, &c.secret, c.method, &c.route, body, &headers,
    );
    if !body.is_ascii() {
        t.note(
            ZH_DOCS,
            "sends and signs the body as JSON.stringify writes it (non-ASCII and U+2028 as raw \
             UTF-8); kycrypt signs the bytes it is given",
        );
    }
}

/// Lenient decodings of the docs sample's secret (Buffer.from(s, "base64")) that kycrypt's
/// strict base64 refuses: checked here, where no library is needed.
fn zh_secret_forms(t: &mut Tally) {
    let raw = random(32);
    let std = kycrypt::encoding::b64_encode(&raw);
    let unpadded = std.trim_end_matches('=').to_owned();
    let url = std.replace('+', "-").replace('/', "_");
    for (what, s) in [("unpadded", unpadded), ("base64url", url)] {
        if s == std {
            continue; // no padding or no +/ in this draw: nothing differs
        }
        let got = ZeroHashCredentials::new("k", &s, "p")
            .map(|_| ())
            .map_err(|e| e.code());
        t.check(
            ZH_DOCS,
            got == Err("malformed_input"),
            format!("zerohash: kycrypt refuses a {what} API secret: {got:?}"),
        );
        t.note(
            ZH_DOCS,
            "Buffer.from(apiSecret, 'base64') also decodes unpadded and base64url secrets; \
             kycrypt takes the secret as Zero Hash issues it (standard, padded) and refuses \
             other forms (malformed_input)",
        );
    }
    let got = ZeroHashCredentials::new("k", "", "p")
        .map(|_| ())
        .map_err(|e| e.code());
    t.check(
        ZH_DOCS,
        got == Err("invalid_key"),
        format!("zerohash: kycrypt refuses an empty API secret: {got:?}"),
    );
}

fn zh_sdk_cases() -> Vec<Value> {
    let sdk = |call: &str, params: Value| {
        json!({"op": "zh_sdk", "secret": zh_secret(32), "public_key": token(16),
               "passphrase": token(12), "call": call, "params": params})
    };
    let owner = token(6);
    let ascii_email = format!("{}@example.com", token(8).to_lowercase());
    let mut requestor_post = sdk(
        "requestor",
        json!({"email": ascii_email, "phone_number": "33512345678", "note": TRICKY}),
    );
    requestor_post["method"] = json!("POST");
    requestor_post["url"] = json!(format!(
        "/participants/onboarding_token?email={}",
        ascii_email.replace('@', "%40")
    ));
    let mut requestor_delete = sdk("requestor", json!({"reason": "Zoë & co"}));
    requestor_delete["method"] = json!("DELETE");
    requestor_delete["url"] = json!(format!("/orders/{}", uuid_like()));
    let mut secret64 = sdk("accounts.list", json!({}));
    secret64["secret"] = json!(zh_secret(64));
    vec![
        sdk(
            "accounts.list",
            json!({"account_owner": owner, "account_group": "BBLGTW"}),
        ),
        sdk(
            "accounts.list",
            json!({"account_owner": "Zoë Łukasiewicz & 東京", "q": "a=b&c?d/e+f 😀"}),
        ),
        secret64,
        sdk("participants.retrieve", json!({"email": ascii_email})),
        sdk(
            "participants.retrieve",
            json!({"email": format!("zoë.{}@example.com", token(4))}),
        ),
        sdk(
            "customers_new.create",
            json!({"first_name": "Zoë", "last_name": "Łukasiewicz", "city": "東京",
                   "note": TRICKY, "n": [1, 2.5, null, true], "nested": {"a": {"b": []}}}),
        ),
        sdk("customers_new.create", json!({})),
        requestor_post,
        requestor_delete,
    ]
}

/// Python's `json.dumps(v, separators=(",", ":"))` (ensure_ascii) for the values used
/// here: serde_json's compact form with every non-ASCII character as UTF-16 `\uXXXX`.
fn py_json_dumps(v: &Value) -> String {
    let mut out = String::new();
    for ch in serde_json::to_string(v).unwrap().chars() {
        if ch.is_ascii() {
            out.push(ch);
        } else {
            for u in ch.encode_utf16(&mut [0u16; 2]) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        }
    }
    out
}

fn zh_sdk_check(t: &mut Tally, task: &Value, r: &Value) {
    assert_eq!(r["ok"], json!(true), "{ZH_PY}: {r}");
    let sent = r["requests"].as_array().unwrap();
    t.eq(
        ZH_PY,
        sent.len(),
        1,
        "zerohash: the SDK made one request per call",
    );
    let Some(req) = sent.first() else { return };
    let method = req["method"].as_str().unwrap();
    let url = req["url"].as_str().unwrap();
    let route = url.strip_prefix(req["api_base"].as_str().unwrap()).unwrap();
    let body = req["body"].as_str().unwrap();
    let headers = header_pairs(&req["headers"]);
    let label = format!("SDK {} {method} {route}", task["call"].as_str().unwrap());
    t.eq(
        ZH_PY,
        header(&headers, "X-SCX-API-KEY"),
        task["public_key"].as_str().unwrap(),
        "zerohash: X-SCX-API-KEY",
    );
    t.eq(
        ZH_PY,
        header(&headers, "X-SCX-PASSPHRASE"),
        task["passphrase"].as_str().unwrap(),
        "zerohash: X-SCX-PASSPHRASE",
    );
    zh_request_checks(
        t,
        ZH_PY,
        &label,
        task["secret"].as_str().unwrap(),
        method,
        route,
        body,
        &headers,
    );
    // How the SDK builds the body it signs and sends.
    let params = &task["params"];
    let upper = method.to_ascii_uppercase();
    if upper == "GET" || upper == "DELETE" {
        t.eq(
            ZH_PY,
            body,
            "{}",
            &format!("zerohash {label}: the body sent is {{}}"),
        );
        t.note(
            ZH_PY,
            "GET/DELETE send and sign the body {} and move params into the query string \
             (urllib.parse.urlencode)",
        );
    } else {
        let parsed: Value = serde_json::from_str(body).unwrap();
        t.eq(
            ZH_PY,
            &parsed,
            params,
            &format!("zerohash {label}: the body holds the params"),
        );
        t.eq(
            ZH_PY,
            body,
            py_json_dumps(params).as_str(),
            &format!("zerohash {label}: json.dumps(params, separators=(',', ':')), ASCII"),
        );
        if serde_json::to_string(params).unwrap() != body {
            t.note(
                ZH_PY,
                "signs and sends json.dumps(params, separators=(',', ':')) with ensure_ascii: \
                 non-ASCII as \\uXXXX escapes, not the raw UTF-8 JSON.stringify sends; each \
                 signature covers its own bytes, and kycrypt signs the bytes it is given",
            );
        }
    }
    if req["header_types"]["X-SCX-SIGNED"] == json!("bytes") {
        t.note(
            ZH_PY,
            "X-SCX-SIGNED is handed to the HTTP client as bytes (b64encode's result), the \
             other headers as str",
        );
    }
    if method != upper {
        t.note(
            ZH_PY,
            format!(
                "Participants.retrieve passes the method as \"{method}\" (signed upper-cased); \
                 kycrypt upper-cases it too"
            ),
        );
    }
    if !route.is_ascii() {
        t.note(
            ZH_PY,
            "Participants.retrieve signs the email unencoded in the path (/participants/zoë@…), \
             which requests percent-encodes on the wire: the server would see another route. \
             kycrypt signs the route it is given, so it matches the SDK here",
        );
    }
}

#!/usr/bin/env python3
"""Generates test-vectors/zerohash.json (Zero Hash request signing and checking).

Independent implementation: Python stdlib hmac/hashlib/base64 only. The four
vectors of test-vectors/sources/auth-public.json (docs example strings and a third-party
vector) are embedded and re-computed here as a cross-check. Deterministic: re-running
reproduces the file byte for byte.

    python3 -P scripts/gen-vectors/zerohash.py > test-vectors/zerohash.json
"""
import base64
import hashlib
import hmac
import json
import sys

DOC_SECRET = "2mC4ZvVd4goRkuJm+rjr9byUiaUW1b6tVN4xy9QXNSE="
GEN_SECRET = base64.b64encode(hashlib.sha256(b"kycrypt zerohash test secret").digest()).decode()
OTHER_SECRET = base64.b64encode(hashlib.sha256(b"kycrypt zerohash other secret").digest()).decode()

# (timestamp, method, route, body, x_scx_signed) from auth-public.json
AUTH_PUBLIC = [
    (1714445421, "GET", "/accounts?account_owner=00SCXM&account_group=BBLGTW", "{}",
     "nvY/lGZoaom8x6eHeMWlzF4NnGvGA3YPtrbCmyUSplo=", "docs example string: GET, body {}, query in route"),
    (1714445421, "GET", "/accounts?account_owner=00SCXM&account_group=BBLGTW&account_label=general&account_type=available&asset=USD", "{}",
     "pymOdsOeF7pFtY2bbooowg71Wj7atPAbgLx914sRPbs=", "older docs example string"),
    (1714445704, "POST", "/convert_withdraw/execute", "{\"quote_id\":\"3fc51610-3dd9-409f-b531-38f78de8ca8a\"}",
     "7SwJyWdDvInzNmzKHOC4SVpLuMrops/xG8DbucYpV50=", "docs POST with compact JSON"),
    (1788998400, "POST", "/payments", "{\"amount\":\"25.00\"}",
     "m6O2GTfv+XPb2+/tcS5+lQ2kknFE4e34cGd2d41j5AY=", "third-party implementation's test vector"),
]


def signed_body(method, body):
    m = method.upper()
    return "{}" if body == "" and m in ("GET", "DELETE") else body


def sign(secret_b64, ts, method, route, body):
    msg = f"{ts}{method.upper()}{route}{signed_body(method, body)}".encode("utf-8")
    return base64.b64encode(hmac.new(base64.b64decode(secret_b64), msg, hashlib.sha256).digest()).decode()


cases = []


def case(cid, comment, source, op, inputs, expected="valid", error_code=None, output=None):
    c = {"id": cid, "comment": comment, "source": source, "op": op, "inputs": inputs, "expected": expected}
    if error_code:
        c["error_code"] = error_code
    if output is not None:
        c["output"] = output
    cases.append(c)


def sign_case(cid, comment, source, secret, ts, method, route, body, extra=None):
    inputs = {"secret_b64": secret, "timestamp": ts, "method": method, "route": route, "body": body}
    out = {"x_scx_signed": sign(secret, ts, method, route, body), "x_scx_timestamp": str(ts),
           "prehash": f"{ts}{method.upper()}{route}{signed_body(method, body)}"}
    if extra:
        inputs.update(extra)
        out.update({"x_scx_api_key": extra["api_key"], "x_scx_passphrase": extra["passphrase"]})
    case(cid, comment, source, "zerohash.sign_request", inputs, output=out)


for i, (ts, m, r, b, want, note) in enumerate(AUTH_PUBLIC, 1):
    got = sign(DOC_SECRET, ts, m, r, b)
    assert got == want, (i, got, want)
    case(f"sign-auth-public-{i}", note, "auth-public", "zerohash.sign_request",
         {"secret_b64": DOC_SECRET, "timestamp": ts, "method": m, "route": r, "body": b},
         output={"x_scx_signed": want, "x_scx_timestamp": str(ts)})

sign_case("sign-get-empty-body-signs-braces", "GET with an empty body signs '{}' (same digest as auth-public-1)",
          "py-stdlib", DOC_SECRET, 1714445421, "GET", AUTH_PUBLIC[0][2], "")
sign_case("sign-lowercase-method", "method is upper-cased before signing", "py-stdlib",
          DOC_SECRET, 1714445421, "get", AUTH_PUBLIC[0][2], "")
sign_case("sign-delete-empty-body", "DELETE with an empty body signs '{}'", "py-stdlib",
          GEN_SECRET, 1800000000, "DELETE", "/participants/ABC123/documents/42", "")
sign_case("sign-delete-explicit-braces", "DELETE with '{}' passed explicitly", "py-stdlib",
          GEN_SECRET, 1800000000, "DELETE", "/participants/ABC123/documents/42", "{}")
sign_case("sign-post-empty-body", "POST with an empty body signs the empty string (no '{}' substitution)",
          "py-stdlib", GEN_SECRET, 1800000001, "POST", "/participants/onboarding_token", "")
sign_case("sign-query-encoded", "percent-encoded query string is signed verbatim", "py-stdlib",
          GEN_SECRET, 1800000002, "GET", "/participants?email=jane%2Bkyc%40example.com&page=2&size=50", "")
sign_case("sign-unicode-body", "UTF-8 body (non-ASCII) is signed as its UTF-8 bytes", "py-stdlib",
          GEN_SECRET, 1800000003, "POST", "/participants/customers/new",
          json.dumps({"first_name": "Zoë", "last_name": "Łukasiewicz", "city": "東京"}, ensure_ascii=False, separators=(",", ":")))
sign_case("sign-onboarding-token", "the upstream onboarding-token request shape", "py-stdlib",
          GEN_SECRET, 1800000004, "POST", "/participants/onboarding_token",
          '{"email":"jane@example.com","phone_number":"33512345678"}',
          {"api_key": "public_key", "passphrase": "passphrase"})
case("sign-malformed-secret", "secret that is not base64", "py-stdlib", "zerohash.sign_request",
     {"secret_b64": "not*base64", "timestamp": 1, "method": "GET", "route": "/a", "body": ""},
     "invalid", "malformed_input")
case("sign-empty-secret", "an empty API secret is refused (invalid_key): HMAC('', msg) is computable by anyone",
     "py-stdlib", "zerohash.sign_request",
     {"secret_b64": "", "timestamp": 1, "method": "GET", "route": "/a", "body": ""}, "invalid", "invalid_key")
case("sign-route-without-slash", "a full URL is not a route", "py-stdlib", "zerohash.sign_request",
     {"secret_b64": GEN_SECRET, "timestamp": 1, "method": "GET", "route": "https://api.zerohash.com/accounts", "body": ""},
     "invalid", "malformed_input")


def verify_case(cid, comment, expected, code, secret, headers, method, route, body, now, window=None, out_ts=None):
    inputs = {"secret_b64": secret, "headers": headers, "method": method, "route": route, "body": body, "now": now}
    if window is not None:
        inputs["window_secs"] = window
    case(cid, comment, "py-stdlib", "zerohash.verify_request", inputs, expected, code,
         {"timestamp": out_ts} if out_ts is not None else None)


TS = 1800000100
ROUTE, BODY = "/convert_withdraw/execute", '{"quote_id":"3fc51610-3dd9-409f-b531-38f78de8ca8a"}'
SIG = sign(GEN_SECRET, TS, "POST", ROUTE, BODY)
H = [["X-SCX-API-KEY", "public_key"], ["X-SCX-SIGNED", SIG], ["X-SCX-TIMESTAMP", str(TS)], ["X-SCX-PASSPHRASE", "passphrase"]]
verify_case("verify-valid", "fresh signed request", "valid", None, GEN_SECRET, H, "POST", ROUTE, BODY, TS, out_ts=TS)
verify_case("verify-valid-edge-stale", "exactly 60 s old: accepted", "valid", None, GEN_SECRET, H, "POST", ROUTE, BODY, TS + 60, out_ts=TS)
verify_case("verify-stale", "61 s old", "invalid", "timestamp_out_of_window", GEN_SECRET, H, "POST", ROUTE, BODY, TS + 61)
verify_case("verify-future", "61 s in the future", "invalid", "timestamp_out_of_window", GEN_SECRET, H, "POST", ROUTE, BODY, TS - 61)
verify_case("verify-wider-window", "100 s old with window_secs 120", "valid", None, GEN_SECRET, H, "POST", ROUTE, BODY, TS + 100, 120, TS)
verify_case("verify-window-over-max", "window_secs above the 300 s maximum", "invalid", "invalid_argument",
            GEN_SECRET, H, "POST", ROUTE, BODY, TS, 301)
verify_case("verify-wrong-secret", "checked with another secret", "invalid", "signature_invalid", OTHER_SECRET, H, "POST", ROUTE, BODY, TS)
verify_case("verify-tampered-body", "body changed after signing", "invalid", "signature_invalid",
            GEN_SECRET, H, "POST", ROUTE, BODY.replace("3fc5", "3fc6"), TS)
verify_case("verify-other-route", "route changed after signing", "invalid", "signature_invalid", GEN_SECRET, H, "POST", "/withdrawals/execute", BODY, TS)
verify_case("verify-stale-and-wrong", "a bad signature is reported before the window", "invalid", "signature_invalid",
            OTHER_SECRET, H, "POST", ROUTE, BODY, TS + 1000)
verify_case("verify-lowercase-headers", "header names are case-insensitive", "valid", None, GEN_SECRET,
            [["x-scx-signed", SIG], ["x-scx-timestamp", str(TS)]], "post", ROUTE, BODY, TS, out_ts=TS)
verify_case("verify-missing-signed", "no X-SCX-SIGNED", "invalid", "missing_header", GEN_SECRET,
            [["X-SCX-TIMESTAMP", str(TS)]], "POST", ROUTE, BODY, TS)
verify_case("verify-missing-timestamp", "no X-SCX-TIMESTAMP", "invalid", "missing_header", GEN_SECRET,
            [["X-SCX-SIGNED", SIG]], "POST", ROUTE, BODY, TS)
verify_case("verify-timestamp-ms", "timestamp in milliseconds is not decimal seconds of this request (bad signature)", "invalid",
            "signature_invalid", GEN_SECRET, [["X-SCX-SIGNED", SIG], ["X-SCX-TIMESTAMP", str(TS * 1000)]], "POST", ROUTE, BODY, TS)
verify_case("verify-timestamp-not-decimal", "X-SCX-TIMESTAMP is not a number", "invalid", "malformed_input", GEN_SECRET,
            [["X-SCX-SIGNED", SIG], ["X-SCX-TIMESTAMP", "2027-01-15T08:01:40Z"]], "POST", ROUTE, BODY, TS)
verify_case("verify-malformed-secret", "secret that is not base64", "invalid", "malformed_input", "%%%",
            H, "POST", ROUTE, BODY, TS)
verify_case("verify-empty-secret", "a request signed under the empty key (anyone can) is refused: invalid_key",
            "invalid", "invalid_key", "",
            [["X-SCX-SIGNED", base64.b64encode(hmac.new(b"", (str(TS) + "POST" + ROUTE + BODY).encode(), hashlib.sha256).digest()).decode()],
             ["X-SCX-TIMESTAMP", str(TS)]], "POST", ROUTE, BODY, TS)
verify_case("verify-signature-not-base64", "X-SCX-SIGNED is not base64: a bad signature", "invalid", "signature_invalid",
            GEN_SECRET, [["X-SCX-SIGNED", "***"], ["X-SCX-TIMESTAMP", str(TS)]], "POST", ROUTE, BODY, TS)
ts0, m0, r0, b0, s0, _ = AUTH_PUBLIC[0]
verify_case("verify-auth-public-1-empty-body", "docs GET request checked with the body passed empty ('{}' rule)", "valid", None,
            DOC_SECRET, [["X-SCX-SIGNED", s0], ["X-SCX-TIMESTAMP", str(ts0)]], m0, r0, "", ts0 + 30, out_ts=ts0)

doc = {
    "schema": "kycrypt-vectors/1",
    "name": "zerohash",
    "description": (
        "Zero Hash API request signing. Ops: "
        "zerohash.sign_request(inputs: secret_b64 = base64 API secret, timestamp = unix seconds (integer), method, route = path with query, "
        "body = text; optional api_key, passphrase) -> output x_scx_signed (base64), x_scx_timestamp (decimal text), prehash (the signed text), "
        "x_scx_api_key / x_scx_passphrase when given. "
        "zerohash.verify_request(inputs: secret_b64, headers = list of [name, value], method, route, body, now = unix seconds, "
        "optional window_secs (default 60, max 300)) -> output timestamp (unix seconds). "
        "Rule: an empty body of GET/DELETE is signed as '{}'; the method is upper-cased."
    ),
    "sources": {
        "auth-public": "test-vectors/sources/auth-public.json zerohash_request_signing (docs.zerohash.com/docs/authentication example strings; zerohash-python 0.0.9 _sign(); a third-party test vector)",
        "py-stdlib": "generated by scripts/gen-vectors/zerohash.py with Python stdlib hmac/hashlib/base64",
    },
    "cases": cases,
}
json.dump(doc, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")

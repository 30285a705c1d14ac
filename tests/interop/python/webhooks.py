"""Interop peer for kycrypt's webhook checks and Zero Hash request signing (issue 14, item 4).

Drives PyPI `onfido-python`'s WebhookEventVerifier, Python `hmac` as Onfido documents the
signature, and PyPI `zerohash-python`'s own request path (resource classes, APIRequestor,
HttpClient.request_with_retries) down to the HTTP client, which is replaced by a capturing
fake: no request is sent, and sockets are disabled for the whole process.

Reads {"tasks":[...]} on stdin, writes {"results":[...]} on stdout, in task order, and only
reports what the library did; the Rust driver (tests/interop/webhooks.rs) decides.
  {op:"onfido_sign", token, body}              -> {signature}   hmac.new(token, body, sha256)
  {op:"onfido_verify", token, body, signature} -> {returned, error}
        WebhookEventVerifier(token).read_payload(body, signature) returned, or raised error
        ("<class>: <message>")
  {op:"zh_sdk", secret, public_key, passphrase, call, params, [url, method]}
                                               -> {requests:[{method, url, api_base, headers,
                                                   body}]}  what the SDK handed its HTTP client
        call: "accounts.list"          zerohash.Accounts.list(**params)            (GET)
              "participants.retrieve"  zerohash.Participants.retrieve(params["email"]) (GET)
              "customers_new.create"   zerohash.ParticipantCustomerNew.create(credentials, **params) (POST)
              "requestor"              APIRequestor().request(method, url, params)
Bodies travel as hex of UTF-8 text (onfido-python takes str). A failure becomes
{id, ok: false, error: "<class>: <message>"}.
"""

import hmac
import hashlib
import json
import socket
import sys


class _NoNetwork(socket.socket):
    def __init__(self, *args, **kwargs):
        raise RuntimeError("interop peer: network access is disabled")


socket.socket = _NoNetwork
socket.create_connection = _NoNetwork

import zerohash  # noqa: E402  (after the socket guard)
from zerohash import api_requestor, http_client  # noqa: E402
from onfido.webhook_event_verifier import WebhookEventVerifier  # noqa: E402


class CapturingClient(http_client.HttpClient):
    """The SDK's HttpClient with `request` (the only method that would send) replaced:
    request_with_retries, the retry policy and everything above it are the SDK's own."""

    def __init__(self):
        super().__init__()
        self.sent = []

    def request(self, method, url, headers, post_data=None):
        self.sent.append(
            {
                "method": method,
                "url": url,
                "api_base": zerohash.api_base,
                # X-SCX-SIGNED is bytes (b64encode's result): reported with its type.
                "headers": {k: text(v) for k, v in headers.items()},
                "header_types": {k: type(v).__name__ for k, v in headers.items()},
                "body": post_data,
            }
        )
        return b'{"message":{}}', 200, {}


def text(v):
    return v.decode("ascii") if isinstance(v, bytes) else v


def onfido_verify(task):
    verifier = WebhookEventVerifier(task["token"])
    try:
        verifier.read_payload(bytes.fromhex(task["body"]).decode("utf-8"), task["signature"])
        return {"returned": True, "error": None}
    except Exception as e:  # the library's own outcome, reported as is
        return {"returned": False, "error": f"{type(e).__name__}: {e}"}


def zh_sdk(task):
    client = CapturingClient()
    zerohash.default_http_client = client
    creds = zerohash.set_credentials(task["secret"], task["public_key"], task["passphrase"])
    zerohash.credentials = creds
    params = task.get("params") or {}
    call = task["call"]
    if call == "accounts.list":
        zerohash.Accounts.list(**params)
    elif call == "participants.retrieve":
        zerohash.Participants.retrieve(params["email"])
    elif call == "customers_new.create":
        zerohash.ParticipantCustomerNew.create(credentials=creds, **params)
    elif call == "requestor":
        api_requestor.APIRequestor().request(task["method"], task["url"], params)
    else:
        raise ValueError(f"unknown call {call}")
    return {"requests": client.sent}


def run(task):
    op = task["op"]
    if op == "onfido_sign":
        mac = hmac.new(task["token"].encode("utf-8"), bytes.fromhex(task["body"]), hashlib.sha256)
        return {"signature": mac.hexdigest()}
    if op == "onfido_verify":
        return onfido_verify(task)
    if op == "zh_sdk":
        return zh_sdk(task)
    raise ValueError(f"unknown op {op}")


def main():
    tasks = json.load(sys.stdin)["tasks"]
    results = []
    for task in tasks:
        try:
            results.append({"id": task["id"], "ok": True, **run(task)})
        except Exception as e:
            results.append({"id": task["id"], "ok": False, "error": f"{type(e).__name__}: {e}"})
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()

// Interop peer for kycrypt's webhook checks and Zero Hash request signing (issue 14, item 4):
// drives npm `@onfido/api`'s WebhookEventVerifier, node:crypto as Onfido documents its
// signature, and Zero Hash's documented Node request-signing sample.
//
// Reads {"tasks":[...]} on stdin, writes {"results":[...]} on stdout, in task order.
// It only reports what the library did; the Rust driver (tests/interop/webhooks.rs) decides.
//   {op:"onfido_sign", token, body}            -> {signature}  hex HMAC-SHA256(token, body),
//                                                             node:crypto (Onfido's recipe)
//   {op:"onfido_verify", token, body, signature}
//                                              -> {returned, error}  WebhookEventVerifier
//        .readPayload(body, signature) returned, or threw error ("<class>: <message>")
//   {op:"zh_docs_sign", secret, method, route, body, [timestamp]}
//                                              -> {headers, sent_body}  the docs' sample;
//        body is the JSON value the sample JSON.stringify()s; without timestamp the sample's
//        own clock (Math.round(Date.now() / 1000)) is used
// Bodies travel as hex (raw bytes). A peer error becomes {id, ok:false, error}.
"use strict";

const crypto = require("node:crypto");
const { WebhookEventVerifier } = require("@onfido/api");

// Zero Hash's "Sample Request" (POST /participants/onboarding_token, upstream page
// "Acquire an onboarding access token"), re-typed statement for statement. Only the
// inputs became parameters (apiSecret, method, route, body, timestamp) and the request is
// returned instead of sent; a given timestamp replaces the sample's clock.
function zeroHashDocsSample(apiSecret, method, route, body, givenTimestamp) {
  const timestamp = givenTimestamp ?? Math.round(Date.now() / 1000);
  const payload = timestamp + method + route + JSON.stringify(body);
  const decodedSecret = Buffer.from(apiSecret, "base64");
  const hmac = crypto.createHmac("sha256", decodedSecret);
  const signedPayload = hmac.update(payload).digest("base64");

  // SET HEADERS
  const headers = {
    "X-SCX-API-KEY": "public_key",
    "X-SCX-SIGNED": signedPayload,
    "X-SCX-TIMESTAMP": timestamp,
    "X-SCX-PASSPHRASE": "passphrase",
  };
  const options = {
    headers,
    body,
    json: true,
  };
  // request.post(...) serialises options.body with JSON.stringify (json: true).
  return { headers: options.headers, sent_body: JSON.stringify(options.body) };
}

const bytes = (h) => Buffer.from(h, "hex");

function run(task) {
  switch (task.op) {
    case "onfido_sign":
      return {
        signature: crypto.createHmac("sha256", task.token).update(bytes(task.body)).digest("hex"),
      };
    case "onfido_verify": {
      const verifier = new WebhookEventVerifier(task.token);
      try {
        verifier.readPayload(bytes(task.body), task.signature);
        return { returned: true, error: null };
      } catch (e) {
        return { returned: false, error: `${e.constructor.name}: ${e.message}` };
      }
    }
    case "zh_docs_sign":
      return zeroHashDocsSample(task.secret, task.method, task.route, task.body, task.timestamp);
    default:
      throw new Error(`unknown op ${task.op}`);
  }
}

require("./peer.js").main(run);

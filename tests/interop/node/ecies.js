// Interop peer for kycrypt's ECIES (issue 14, item 1): drives npm `eciesjs` (secp256k1).
//
// Reads {"tasks":[...]} on stdin, writes {"results":[...]} on stdout, in task order.
// It only reports what eciesjs did; the Rust driver (tests/interop/ecies.rs) decides.
//   {op:"keygen", curve}                    -> {sk, pk, pk_compressed}       (hex)
//   {op:"encrypt", curve, opts, pk, pt}     -> {ct}                          (hex)
//   {op:"decrypt", curve, opts, sk, ct}     -> {pt}                          (hex)
// opts = {compressed_ephemeral_key, compressed_hkdf_input, nonce_len} (kycrypt's EciesOptions).
// A library error becomes {id, ok:false, error:"<class>: <message>"}.
"use strict";

const { encrypt, decrypt, PrivateKey, ECIES_CONFIG } = require("eciesjs");
const { Config } = require("eciesjs/config");

// The options travel as a per-call Config (eciesjs's `config` parameter), so the global
// ECIES_CONFIG is never touched; the driver's tasks may mix options freely.
function config(opts) {
  const c = new Config();
  c.ellipticCurve = "secp256k1";
  c.isEphemeralKeyCompressed = opts.compressed_ephemeral_key;
  c.isHkdfKeyCompressed = opts.compressed_hkdf_input;
  c.symmetricNonceLength = opts.nonce_len;
  return c;
}

const hex = (b) => Buffer.from(b).toString("hex");
const bytes = (h) => Uint8Array.from(Buffer.from(h, "hex"));

function run(task) {
  if (task.curve !== "secp256k1") throw new Error(`eciesjs peer: no curve ${task.curve}`);
  switch (task.op) {
    case "keygen": {
      const sk = new PrivateKey(undefined, "secp256k1"); // eciesjs's own key generation
      return { sk: sk.toHex(), pk: sk.publicKey.toHex(false), pk_compressed: sk.publicKey.toHex(true) };
    }
    case "encrypt": // the public key goes in as hex, as a client would pass it
      return { ct: hex(encrypt(task.pk, bytes(task.pt), config(task.opts))) };
    case "decrypt":
      return { pt: hex(decrypt(task.sk, bytes(task.ct), config(task.opts))) };
    default:
      throw new Error(`unknown op ${task.op}`);
  }
}

const configBefore = JSON.stringify(ECIES_CONFIG);
require("./peer.js").main(run, {
  // The per-call configs must have left the global one alone.
  after() {
    if (JSON.stringify(ECIES_CONFIG) !== configBefore) throw new Error("ECIES_CONFIG was modified");
  },
});

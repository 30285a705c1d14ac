// Interop peer: npm `did-jwt` with `did-resolver` + `key-did-resolver` for kycrypt's
// DID-JWTs (tests/interop/did_jwt.rs).
//
// Reads {"tasks": [...]} on stdin, writes {"results": [...]} on stdout, one result per task in
// order. It reports what did-jwt did and never decides pass/fail. Ops:
//   genkey {label} -> {seed_hex, public_hex, did}   a fresh Ed25519 key (node:crypto) and its
//                     did:key (did-jwt's bytesToMultibase, codec ed25519-pub)
//   create {key, issuer | issuer_of, alg, payload, expires_in, header}
//          -> {token, header, payload}   createJWT(payload, {issuer, signer: EdDSASigner(seed),
//                                          alg, expiresIn}, header), decoded back with decodeJWT
//   verify {token, audience, documents, proof_purpose}
//          -> {payload, issuer, signer, document_id}   verifyJWT(token, {resolver, audience,
//                                                        proofPurpose})
// A key is {ref: label} or {seed_hex}; `issuer_of: label` is the did:key of a genkey key.
// The resolver is did-resolver's Resolver over key-did-resolver (did:key) and a local `hid`
// method answering from `documents` (DID -> the document JSON text, bare or a resolution
// result, as built by the Rust side).
'use strict';

const crypto = require('node:crypto');
const { pathToFileURL } = require('node:url');
const didJwt = require('did-jwt');
const { Resolver } = require('did-resolver');

let keyDidResolver; // ESM-only: loaded with import() from the path NODE_PATH resolves.

const seeds = new Map();
const dids = new Map();

function genkey(t) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d, 'base64url');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  const did = `did:key:${didJwt.bytesToMultibase(pub, 'base58btc', 'ed25519-pub')}`;
  seeds.set(t.label, seed);
  dids.set(t.label, did);
  return { seed_hex: seed.toString('hex'), public_hex: pub.toString('hex'), did };
}

function seedOf(spec) {
  if (spec.ref !== undefined) return seeds.get(spec.ref);
  return Buffer.from(spec.seed_hex, 'hex');
}

async function create(t) {
  const signer = didJwt.EdDSASigner(new Uint8Array(seedOf(t.key)));
  const issuer = t.issuer_of !== undefined ? dids.get(t.issuer_of) : t.issuer;
  const options = { issuer, signer, alg: t.alg, expiresIn: t.expires_in };
  const token = await didJwt.createJWT(t.payload, options, t.header || {});
  const d = didJwt.decodeJWT(token);
  return { token, header: d.header, payload: d.payload };
}

function resolver(documents) {
  const hid = async (did) => {
    const text = documents[did];
    if (text === undefined) {
      return { didResolutionMetadata: { error: 'notFound' }, didDocument: null, didDocumentMetadata: {} };
    }
    const doc = JSON.parse(text);
    if (doc.didDocument !== undefined) {
      return { didResolutionMetadata: { contentType: 'application/did+ld+json' }, didDocumentMetadata: {}, ...doc };
    }
    return {
      didResolutionMetadata: { contentType: 'application/did+ld+json' },
      didDocument: doc,
      didDocumentMetadata: {},
    };
  };
  return new Resolver({ ...keyDidResolver.getResolver(), hid });
}

async function verify(t) {
  const options = { resolver: resolver(t.documents || {}), audience: t.audience };
  if (t.proof_purpose) options.proofPurpose = t.proof_purpose;
  const r = await didJwt.verifyJWT(t.token, options);
  return {
    payload: r.payload,
    issuer: r.issuer,
    signer: r.signer && r.signer.id,
    document_id: r.didResolutionResult.didDocument && r.didResolutionResult.didDocument.id,
  };
}

async function run(t) {
  switch (t.op) {
    case 'genkey':
      return genkey(t);
    case 'create':
      return create(t);
    case 'verify':
      return verify(t);
    default:
      throw new Error(`unknown op ${t.op}`);
  }
}

require('./peer.js').main(run, {
  async before() {
    keyDidResolver = await import(pathToFileURL(require.resolve('key-did-resolver')).href);
  },
  describe: (e) => `${e.name || 'Error'}: ${e.message}`,
});

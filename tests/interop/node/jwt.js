// Interop peer: npm `jsonwebtoken` and `jose` for kycrypt's partner JWTs (tests/interop/jwt.rs).
//
// Reads {"tasks": [...]} on stdin, writes {"results": [...]} on stdout, one result per task in
// order. It reports what the libraries did and never decides pass/fail. Ops:
//   genkey     {label, kind: rsa2048|rsa3072|p256, form: pkcs1|pkcs8|sec1}
//              -> {pem, public_pem, jwk (public, from KeyObject.export), thumbprint (jose)}
//   thumbprint {jwk} -> {thumbprint}  (jose calculateJwkThumbprint, SHA-256)
//   sign       {lib: jsonwebtoken, key, payload, options}        -> {token}   jwt.sign(payload, key, options)
//              {lib: jose, key, protected, payload, iat, exp, crit} -> {token} new SignJWT(...)...sign(key)
//              {lib: jose-unsecured, payload}                     -> {token}   new UnsecuredJWT(payload).encode()
//   verify     {lib: jsonwebtoken, token, key, options}   -> {payload, header}  jwt.verify(token, key, {complete})
//              {lib: jose, token, key, options}           -> {payload, header}  jwtVerify(token, key, options)
// A key is {ref: label} (a genkey result), {pem}, {jwk}, {jwks} (jose: createLocalJWKSet),
// {secret: text} (UTF-8 bytes), or {public_pem_of: key} (the SPKI PEM text, as a secret).
'use strict';

const crypto = require('node:crypto');
const { pathToFileURL } = require('node:url');
const jsonwebtoken = require('jsonwebtoken');

let jose; // ESM-only: loaded with import() from the path NODE_PATH resolves.

const keys = new Map();

function genkey(t) {
  const [type, opts] =
    t.kind === 'p256'
      ? ['ec', { namedCurve: 'P-256' }]
      : ['rsa', { modulusLength: t.kind === 'rsa3072' ? 3072 : 2048, publicExponent: 0x10001 }];
  const { privateKey, publicKey } = crypto.generateKeyPairSync(type, opts);
  const pem = privateKey.export({ type: t.form, format: 'pem' });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' });
  keys.set(t.label, { privateKey, publicKey, publicPem });
  return { pem, public_pem: publicPem, jwk: publicKey.export({ format: 'jwk' }) };
}

function resolveKey(spec, wantPrivate) {
  if (spec.ref !== undefined) {
    const k = keys.get(spec.ref);
    if (!k) throw new Error(`no key ${spec.ref}`);
    return wantPrivate ? k.privateKey : k.publicKey;
  }
  if (spec.pem !== undefined) {
    return spec.pem.includes('PRIVATE KEY') && wantPrivate
      ? crypto.createPrivateKey(spec.pem)
      : crypto.createPublicKey(spec.pem);
  }
  if (spec.jwk !== undefined) return crypto.createPublicKey({ key: spec.jwk, format: 'jwk' });
  if (spec.secret !== undefined) return spec.secret;
  if (spec.public_pem_of !== undefined) {
    const inner = spec.public_pem_of;
    if (inner.ref !== undefined) return keys.get(inner.ref).publicPem;
    return crypto.createPublicKey(inner.pem).export({ type: 'spki', format: 'pem' });
  }
  if (spec.jwks !== undefined) return jose.createLocalJWKSet(spec.jwks);
  throw new Error('unknown key spec');
}

async function sign(t) {
  switch (t.lib) {
    case 'jsonwebtoken':
      return { token: jsonwebtoken.sign(t.payload, resolveKey(t.key, true), t.options) };
    case 'jose': {
      let key = resolveKey(t.key, true);
      if (typeof key === 'string') key = new TextEncoder().encode(key); // an HMAC secret
      let b = new jose.SignJWT(t.payload).setProtectedHeader(t.protected);
      if (t.iat !== undefined) b = t.iat === 'now' ? b.setIssuedAt() : b.setIssuedAt(t.iat);
      if (t.exp !== undefined) b = b.setExpirationTime(t.exp);
      return { token: await b.sign(key, t.crit ? { crit: t.crit } : undefined) };
    }
    case 'jose-unsecured':
      return { token: new jose.UnsecuredJWT(t.payload).encode() };
    default:
      throw new Error(`unknown lib ${t.lib}`);
  }
}

async function verify(t) {
  switch (t.lib) {
    case 'jsonwebtoken': {
      const r = jsonwebtoken.verify(t.token, resolveKey(t.key, false), { ...t.options, complete: true });
      return { payload: r.payload, header: r.header };
    }
    case 'jose': {
      let key = resolveKey(t.key, false);
      if (typeof key === 'string') key = new TextEncoder().encode(key);
      const r = await jose.jwtVerify(t.token, key, t.options);
      return { payload: r.payload, header: r.protectedHeader };
    }
    default:
      throw new Error(`unknown lib ${t.lib}`);
  }
}

async function run(t) {
  switch (t.op) {
    case 'genkey': {
      const r = genkey(t);
      return { ...r, thumbprint: await jose.calculateJwkThumbprint(r.jwk, 'sha256') };
    }
    case 'thumbprint':
      return { thumbprint: await jose.calculateJwkThumbprint(t.jwk, 'sha256') };
    case 'sign':
      return sign(t);
    case 'verify':
      return verify(t);
    default:
      throw new Error(`unknown op ${t.op}`);
  }
}

require('./peer.js').main(run, {
  async before() {
    jose = await import(pathToFileURL(require.resolve('jose')).href);
  },
  describe: (e) => `${e.name || 'Error'}: ${e.message}`,
});

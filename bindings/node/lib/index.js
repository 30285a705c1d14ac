'use strict'
// kycrypt for Node: a thin, idiomatic layer over the napi-rs addon (../index.js).
//
// It adds exactly four things to the raw addon: errors thrown by the addon become
// KycryptError subclasses (with the stable `code`); key objects hide their native
// handle; result objects carrying secrets or personal data print and serialize redacted
// (see `redacted`); and times (unix seconds) must be safe integers (the addon would
// silently truncate 1.5 or read NaN as 0). Bytes go in as Uint8Array (a Buffer is one) and come
// out as Buffer. The exports are one-to-one with the addon, in the order of
// bindings/ffi: common, corepass, ecies, eddsa, hmac, hypersign, keys, moca, webhooks,
// zerohash.
//
// To bind a new op: wrap the addon function with `call` below (same name, same
// arguments), and add its type to index.d.ts.

const { inspect } = require('node:util')
const native = require('../index.js')
const errors = require('./errors.js')

// napi's own statuses for a JS argument of the wrong type or shape (a caller bug).
const NAPI_ARGUMENT_STATUSES = new Set([
  'InvalidArg', 'ObjectExpected', 'StringExpected', 'NameExpected', 'FunctionExpected',
  'NumberExpected', 'BooleanExpected', 'ArrayExpected', 'BigintExpected', 'DateExpected',
  'ArrayBufferExpected', 'DetachableArraybufferExpected',
])

/** Turns an error thrown by the addon into a KycryptError subclass (or a TypeError). */
function translate(e) {
  if (e instanceof Error && typeof e.code === 'string') {
    if (e.code in errors.ERRORS_BY_CODE) return errors.errorFor(e.code, e.message)
    if (NAPI_ARGUMENT_STATUSES.has(e.code)) {
      const t = new TypeError(e.message)
      t.code = e.code
      return t
    }
  }
  return e
}

/** Runs `fn`, rethrowing addon errors as kycrypt errors (stack starts at the caller). */
function call(fn) {
  try {
    return fn()
  } catch (e) {
    throw translate(e)
  }
}

/** Checks that a time or duration argument is an integer JS number (the addon checks the sign). */
function secs(value, name) {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new TypeError(`${name} must be an integer number of seconds`)
  }
  return value
}

/** Applies `secs` to the named members of an options object (other values pass to the addon). */
function secsIn(options, ...names) {
  if (options !== null && typeof options === 'object') {
    for (const n of names) if (options[n] !== undefined) secs(options[n], n)
  }
  return options
}

// ---- opaque classes -------------------------------------------------------------------

const FROM_NATIVE = Symbol('kycrypt.fromNative')
let nativeOf
let hasNative

/**
 * Base of the key and verifier classes: the native handle lives in a private field,
 * so it is unreachable from outside; no class prints or serializes key material.
 */
class Opaque {
  #native

  constructor(token, handle) {
    if (token !== FROM_NATIVE) {
      throw new TypeError(`${new.target.name} has no public constructor; use one of its static factories`)
    }
    this.#native = handle
  }

  static {
    nativeOf = (o) => o.#native
    hasNative = (o) => o !== null && typeof o === 'object' && #native in o
  }

  toString() {
    return `[${this.constructor.name}]`
  }

  toJSON() {
    return `[${this.constructor.name}]`
  }

  [inspect.custom]() {
    return `${this.constructor.name} {}`
  }
}

/** The native handle of `value`, which must be a `Cls`; otherwise a TypeError naming `what`. */
function handle(Cls, value, what) {
  if (!(value instanceof Cls) || !hasNative(value)) throw new TypeError(`${what} must be a ${Cls.name}`)
  return nativeOf(value)
}

/** Wraps a native handle returned by the addon. */
function wrap(Cls, h) {
  return new Cls(FROM_NATIVE, h)
}

// ---- redaction ------------------------------------------------------------------------
// Result objects that carry secrets or personal data (SignedHeaders, DataInfo, VerifiedJwt,
// VerifiedJws, VerifiedDidJwt, PartnerClaims) stay plain objects whose values are read as
// properties, but print and serialize without them: util.inspect / console.log /
// util.format('%o') show `<redacted>`, and JSON.stringify omits them.

/** Printed by util.inspect in place of a hidden value. */
const REDACTED = Object.freeze({ [inspect.custom]: () => '<redacted>' })

/**
 * Gives `obj` (a result object of the addon) a redacting `[util.inspect.custom]` and a
 * `toJSON` without the `secret` members. Both are non-enumerable, so `Object.keys`, spread
 * and deep equality see only the data (a spread copy is a plain object again).
 */
function redacted(name, secret, obj) {
  if (obj === null || typeof obj !== 'object') return obj
  Object.defineProperties(obj, {
    [inspect.custom]: {
      value: function inspectRedacted(depth, options) {
        if (depth < 0) return `[${name}]`
        const view = {}
        for (const key of Object.keys(this)) view[key] = secret.includes(key) ? REDACTED : this[key]
        // `depth` is what is left for this object (null: unlimited), so the view prints at its level.
        return `${name} ${inspect(view, { ...options, depth })}`
      },
      configurable: true,
      writable: true,
    },
    toJSON: {
      value: function toJSON() {
        const out = {}
        for (const key of Object.keys(this)) if (!secret.includes(key)) out[key] = this[key]
        return out
      },
      configurable: true,
      writable: true,
    },
  })
  return obj
}

/** A verified callback with its data-callback values and peppers redacted. */
function redactedCallback(cb) {
  if (cb !== null && typeof cb === 'object' && Array.isArray(cb.infos)) {
    for (const info of cb.infos) redacted('DataInfo', ['fieldValue', 'pepper'], info)
  }
  return cb
}

// ---- common ---------------------------------------------------------------------------
// HttpHeader is a plain object { name, value }.

// ---- corepass -------------------------------------------------------------------------

/** The connector's pinned public key (its Core address), parsed once. */
class PinnedConnector extends Opaque {
  /** Parses the connector's Core address (e.g. `cb82…`) or its 57-byte Ed448 public key in hex. */
  static parse(connector) {
    return wrap(PinnedConnector, call(() => native.PinnedConnector.parse(connector)))
  }

  /** The pinned Core address. */
  address() {
    return call(() => nativeOf(this).address())
  }
}

/**
 * Verifies a status callback over its raw `body` bytes at `now` (unix seconds). Use only the
 * returned values, never the raw body; keep `replayKey` until `replayUntil` (deadline + skew).
 */
function verifyStatusCallback(body, connector, now, options) {
  const c = handle(PinnedConnector, connector, 'connector')
  return redactedCallback(call(() => native.verifyStatusCallback(body, c, secs(now, 'now'), secsIn(options, 'skewSecs'))))
}

/** Verifies a data callback (the shared fields) over its raw `body` bytes. */
function verifyDataCallback(body, connector, now, options) {
  const c = handle(PinnedConnector, connector, 'connector')
  return redactedCallback(call(() => native.verifyDataCallback(body, c, secs(now, 'now'), secsIn(options, 'skewSecs'))))
}

/** Verifies an error callback over its raw `body` bytes. */
function verifyErrorCallback(body, connector, now, options) {
  const c = handle(PinnedConnector, connector, 'connector')
  return redactedCallback(call(() => native.verifyErrorCallback(body, c, secs(now, 'now'), secsIn(options, 'skewSecs'))))
}

/** The Core address of an Ed448 public key (57 bytes) on `network` (`mainnet`, `devin`, `other`). */
function corepassAddressFromPublicKey(publicKey, network) {
  return call(() => native.corepassAddressFromPublicKey(publicKey, network))
}

/** Parses and validates a Core address (checksum, network prefix). */
function corepassParseAddress(address) {
  return call(() => native.corepassParseAddress(address))
}

/** The SHA3-256 (hex) of a CorePass item name, as used in peppers. */
function corepassItemSha3(item) {
  return call(() => native.corepassItemSha3(item))
}

/** Parses a data-callback pepper (hex) and checks it binds `user` and `item`. */
function corepassParsePepper(pepper, user, item) {
  return call(() => native.corepassParsePepper(pepper, user, item))
}

/** Checks a QR code `expiration` (unix seconds) at `now`: 5 to 15 minutes ahead. */
function checkQrcodeExpiration(expiration, now) {
  call(() => native.checkQrcodeExpiration(secs(expiration, 'expiration'), secs(now, 'now')))
}

// ---- ecies ----------------------------------------------------------------------------

/** The curve of an ECIES key (the strings are accepted too). */
const Curve = Object.freeze({ P256: 'p256', Secp256k1: 'secp256k1' })

/** A recipient's public key, parsed once. */
class EciesPublicKey extends Opaque {
  /** Parses hex (SEC1, optional `0x`), base64 SEC1, or an SPKI PEM. */
  static parse(curve, text) {
    return wrap(EciesPublicKey, call(() => native.EciesPublicKey.parse(curve, text)))
  }

  /** From SEC1 bytes (33 or 65). */
  static fromBytes(curve, bytes) {
    return wrap(EciesPublicKey, call(() => native.EciesPublicKey.fromBytes(curve, bytes)))
  }

  /** From an SPKI DER. */
  static fromSpkiDer(curve, der) {
    return wrap(EciesPublicKey, call(() => native.EciesPublicKey.fromSpkiDer(curve, der)))
  }

  /** The curve. */
  curve() {
    return call(() => nativeOf(this).curve())
  }

  /** SEC1 encoding (33 bytes compressed, 65 uncompressed). */
  toSec1Bytes(compressed) {
    return call(() => nativeOf(this).toSec1Bytes(compressed))
  }
}

/** A secret ECIES key, parsed once; zeroized when collected and never shown. */
class EciesSecretKey extends Opaque {
  /** Parses hex (32 bytes, optional `0x`), base64, or a PEM. */
  static parse(curve, text) {
    return wrap(EciesSecretKey, call(() => native.EciesSecretKey.parse(curve, text)))
  }

  /** From the 32-byte scalar. */
  static fromBytes(curve, bytes) {
    return wrap(EciesSecretKey, call(() => native.EciesSecretKey.fromBytes(curve, bytes)))
  }

  /** From a PKCS#8 or SEC1 PEM. */
  static fromPem(curve, pem) {
    return wrap(EciesSecretKey, call(() => native.EciesSecretKey.fromPem(curve, pem)))
  }

  /** A fresh random key (OS CSPRNG). */
  static generate(curve) {
    return wrap(EciesSecretKey, call(() => native.EciesSecretKey.generate(curve)))
  }

  /** The curve. */
  curve() {
    return call(() => nativeOf(this).curve())
  }

  /** The matching public key. */
  publicKey() {
    return wrap(EciesPublicKey, call(() => nativeOf(this).publicKey()))
  }
}

/** Encrypts `plaintext` to `recipient` (raw eciesjs format: ephemeral key, nonce, tag, ciphertext). */
function eciesEncrypt(recipient, plaintext, options) {
  const r = handle(EciesPublicKey, recipient, 'recipient')
  return call(() => native.eciesEncrypt(r, plaintext, options))
}

/** Decrypts a raw eciesjs ciphertext. */
function eciesDecrypt(secret, ciphertext, options) {
  const s = handle(EciesSecretKey, secret, 'secret')
  return call(() => native.eciesDecrypt(s, ciphertext, options))
}

/** HAZMAT, for test vectors only: encrypts with a given ephemeral secret and nonce. Use eciesEncrypt. */
function eciesEncryptWithEphemeral(recipient, plaintext, options, ephemeralSecret, nonce) {
  const r = handle(EciesPublicKey, recipient, 'recipient')
  return call(() => native.eciesEncryptWithEphemeral(r, plaintext, options, ephemeralSecret, nonce))
}

/** Encrypts into a self-describing `KYCE` envelope (curve and options recorded). */
function sealEnvelope(recipient, plaintext, options) {
  const r = handle(EciesPublicKey, recipient, 'recipient')
  return call(() => native.sealEnvelope(r, plaintext, options))
}

/** sealEnvelope as standard base64 text. */
function sealEnvelopeBase64(recipient, plaintext, options) {
  const r = handle(EciesPublicKey, recipient, 'recipient')
  return call(() => native.sealEnvelopeBase64(r, plaintext, options))
}

/** Opens a `KYCE` envelope. */
function openEnvelope(secret, envelope) {
  const s = handle(EciesSecretKey, secret, 'secret')
  return call(() => native.openEnvelope(s, envelope))
}

/** Opens a base64 `KYCE` envelope. */
function openEnvelopeBase64(secret, envelopeB64) {
  const s = handle(EciesSecretKey, secret, 'secret')
  return call(() => native.openEnvelopeBase64(s, envelopeB64))
}

/** Reads an envelope's header without decrypting. */
function envelopeInfo(envelope) {
  return call(() => native.envelopeInfo(envelope))
}

// ---- eddsa ----------------------------------------------------------------------------

/** An Ed25519 signing key (e.g. for DID-JWTs), parsed once; zeroized when collected and never shown. */
class Ed25519SigningKey extends Opaque {
  /** From the 32-byte seed. */
  static fromSeed(seed) {
    return wrap(Ed25519SigningKey, call(() => native.Ed25519SigningKey.fromSeed(seed)))
  }

  /** A fresh random key (OS CSPRNG). */
  static generate() {
    return wrap(Ed25519SigningKey, call(() => native.Ed25519SigningKey.generate()))
  }

  /** The 32-byte public key. */
  publicKey() {
    return call(() => nativeOf(this).publicKey())
  }

  /** The 64-byte signature of `msg`. */
  sign(msg) {
    return call(() => nativeOf(this).sign(msg))
  }
}

/** Verifies an Ed25519 `signature` (64 bytes) over `msg` with a 32-byte `publicKey`. */
function ed25519Verify(publicKey, msg, signature) {
  call(() => native.ed25519Verify(publicKey, msg, signature))
}

/** An Ed448 signing key (RFC 8032), parsed once; zeroized when collected and never shown. */
class Ed448SigningKey extends Opaque {
  /** From the 57-byte seed. */
  static fromSeed(seed) {
    return wrap(Ed448SigningKey, call(() => native.Ed448SigningKey.fromSeed(seed)))
  }

  /** The 57-byte public key. */
  publicKey() {
    return call(() => nativeOf(this).publicKey())
  }

  /** The 114-byte signature of `msg` (pure Ed448, empty context). */
  sign(msg) {
    return call(() => nativeOf(this).sign(msg))
  }
}

/** Verifies an Ed448 `signature` (114 bytes) over `msg` with a 57-byte `publicKey`. */
function ed448Verify(publicKey, msg, signature) {
  call(() => native.ed448Verify(publicKey, msg, signature))
}

// ---- hmac -----------------------------------------------------------------------------

/** The hash under the HMAC (the strings are accepted too). */
const HmacAlg = Object.freeze({ Sha256: 'sha256', Sha512: 'sha512', Sha1: 'sha1' })

/** HMAC-SHA256 of `msg` under `key` (RFC 2104; a 32-byte tag). */
function hmacSha256(key, msg) {
  return call(() => native.hmacSha256(key, msg))
}

/** A secret HMAC key, parsed once and reused. It never shows its bytes. */
class HmacKey extends Opaque {
  /** Wraps raw key bytes (any non-zero length); an empty key throws InvalidKeyError. */
  constructor(key, nativeKey = undefined) {
    super(FROM_NATIVE, key === FROM_NATIVE ? nativeKey : call(() => new native.HmacKey(key)))
  }

  /** Decodes a standard-base64 secret; throws MalformedInputError if it is not base64. */
  static fromBase64(secret) {
    return new HmacKey(FROM_NATIVE, call(() => native.HmacKey.fromBase64(secret)))
  }

  /** The tag of `msg` under this key with `alg`. */
  sign(alg, msg) {
    return call(() => nativeOf(this).sign(alg, msg))
  }

  /** Checks `tag` over `msg` in constant time; throws SignatureInvalidError if it differs. */
  verify(alg, msg, tag) {
    call(() => nativeOf(this).verify(alg, msg, tag))
  }
}

// ---- hypersign ------------------------------------------------------------------------

/** Parses a `did:key` or `did:hid` DID. */
function parseDid(did) {
  return call(() => native.parseDid(did))
}

/** A DID document, parsed once. */
class DidDocument extends Opaque {
  /** Parses a DID document (JSON text, e.g. from a resolver). */
  static fromJson(json) {
    return wrap(DidDocument, call(() => native.DidDocument.fromJson(json)))
  }

  /** The methods usable by `iss` (with `kid`, when the token names one) for `purpose`. */
  methodsFor(iss, kid, purpose) {
    return call(() => nativeOf(this).methodsFor(iss, kid, purpose))
  }
}

/** The DID document of a `did:key` (Ed25519), derived locally. */
function resolveDidKey(did) {
  return wrap(DidDocument, call(() => native.resolveDidKey(did)))
}

/** Decodes a multibase (`z…`) Ed25519 public key (multicodec `0xed01`). */
function decodeEd25519Multibase(multibase) {
  return call(() => native.decodeEd25519Multibase(multibase))
}

/** Encodes a 32-byte Ed25519 public key as multibase (`z6Mk…`). */
function encodeEd25519Multibase(publicKey) {
  return call(() => native.encodeEd25519Multibase(publicKey))
}

/** Verifies a DID-JWT at `now`, with the issuer's `document` (required for did:hid; derived for did:key). */
function verifyDidJwt(token, validation, document, now) {
  const d = document === undefined || document === null ? document : handle(DidDocument, document, 'document')
  const v = call(() => native.verifyDidJwt(token, secsIn(validation, 'leeway', 'maxLifetimeSecs'), d, secs(now, 'now')))
  return redacted('VerifiedDidJwt', ['claimsJson'], v)
}

/** Signs a DID-JWT (EdDSA) with `key`. */
function signDidJwt(key, request) {
  const k = handle(Ed25519SigningKey, key, 'key')
  return call(() => native.signDidJwt(k, secsIn(request, 'iat', 'ttl')))
}

// ---- keys -----------------------------------------------------------------------------

/** A private signing key (RS256, ES256, ES256K, EdDSA), parsed once. It never shows its key material. */
class PrivateKey extends Opaque {
  /** Parses a PKCS#8, SEC1 or PKCS#1 PEM. */
  static fromPem(pem) {
    return wrap(PrivateKey, call(() => native.PrivateKey.fromPem(pem)))
  }

  /** Parses a PKCS#8 (or SEC1/PKCS#1) DER. */
  static fromDer(der) {
    return wrap(PrivateKey, call(() => native.PrivateKey.fromDer(der)))
  }

  /** Parses a private JWK (JSON text). */
  static fromJwk(jwk) {
    return wrap(PrivateKey, call(() => native.PrivateKey.fromJwk(jwk)))
  }

  /** The JWS algorithm of this key (`RS256`, `ES256`, `ES256K`, `EdDSA`). */
  algorithm() {
    return call(() => nativeOf(this).algorithm())
  }

  /** The matching public key. */
  publicKey() {
    return wrap(PublicKey, call(() => nativeOf(this).publicKey()))
  }

  /** Signs `msg` with this key's algorithm (JWS signature format). */
  sign(msg) {
    return call(() => nativeOf(this).sign(msg))
  }
}

/** Generates a private key of `keyType` and returns it as a PKCS#8 PEM. */
function generatePrivateKeyPem(keyType) {
  return call(() => native.generatePrivateKeyPem(keyType))
}

/** A public verification key, parsed once. */
class PublicKey extends Opaque {
  /** Parses an SPKI (or PKCS#1 RSA) PEM. */
  static fromPem(pem) {
    return wrap(PublicKey, call(() => native.PublicKey.fromPem(pem)))
  }

  /** Parses an SPKI DER. */
  static fromDer(der) {
    return wrap(PublicKey, call(() => native.PublicKey.fromDer(der)))
  }

  /** Parses a public JWK (JSON text; private members are refused). */
  static fromJwk(jwk) {
    return wrap(PublicKey, call(() => native.PublicKey.fromJwk(jwk)))
  }

  /** Parses a PEM or a JWK, whichever `text` is. */
  static fromPemOrJwk(text) {
    return wrap(PublicKey, call(() => native.PublicKey.fromPemOrJwk(text)))
  }

  /** The JWS algorithm of this key. */
  algorithm() {
    return call(() => nativeOf(this).algorithm())
  }

  /** The RFC 7638 JWK thumbprint (base64url SHA-256). */
  thumbprint() {
    return call(() => nativeOf(this).thumbprint())
  }

  /** The public JWK as JSON text, with `kid` when given. */
  toJwk(kid) {
    return call(() => nativeOf(this).toJwk(kid))
  }

  /** Verifies a JWS-format `signature` over `msg`. */
  verify(msg, signature) {
    call(() => nativeOf(this).verify(msg, signature))
  }
}

/** A JWKS `{"keys":[...]}` of the public keys; `kids[i]` names `keys[i]` (missing or null: the thumbprint). */
function jwks(keys, kids) {
  const ks = Array.isArray(keys) ? keys.map((k, i) => handle(PublicKey, k, `keys[${i}]`)) : keys
  return call(() => native.jwks(ks, kids))
}

/** The key with `kid` from a JWKS (JSON text). */
function selectFromJwks(jwksText, kid) {
  return wrap(PublicKey, call(() => native.selectFromJwks(jwksText, kid)))
}

/** Verifies a compact JWT with `key`, then its claims at `now` (unix seconds). */
function verifyJwt(token, key, validation, now) {
  const k = handle(PublicKey, key, 'key')
  return redacted('VerifiedJwt', ['claimsJson'], call(() => native.verifyJwt(token, k, secsIn(validation, 'leeway', 'maxLifetimeSecs'), secs(now, 'now'))))
}

/** Verifies a compact JWS with `key` (no claim checks). */
function verifyJws(token, key, validation) {
  const k = handle(PublicKey, key, 'key')
  return redacted('VerifiedJws', ['payload'], call(() => native.verifyJws(token, k, secsIn(validation, 'leeway', 'maxLifetimeSecs'))))
}

// ---- moca -----------------------------------------------------------------------------

/** What a printed PartnerClaims hides (personal data and free-form claims). */
const PARTNER_CLAIMS_SECRET = ['email', 'extraJson']

/** Signs a partner JWT with an RS256 or ES256 key; send it as the `x-partner-auth` header. */
function signPartnerJwt(key, kid, claims, iat, ttl) {
  const k = handle(PrivateKey, key, 'key')
  return call(() => native.signPartnerJwt(k, kid, claims, secs(iat, 'iat'), secs(ttl, 'ttl')))
}

/** Verifies a partner JWT with `key` at `now` (leeway in seconds). */
function verifyPartnerJwt(token, key, now, leeway) {
  const k = handle(PublicKey, key, 'key')
  const claims = call(() => native.verifyPartnerJwt(token, k, secs(now, 'now'), secs(leeway, 'leeway')))
  return redacted('PartnerClaims', PARTNER_CLAIMS_SECRET, claims)
}

/** Verifies a partner JWT with the key named by its `kid` in `jwks` (JSON text). */
function verifyPartnerJwtJwks(token, jwksText, now, leeway) {
  const claims = call(() => native.verifyPartnerJwtJwks(token, jwksText, secs(now, 'now'), secs(leeway, 'leeway')))
  return redacted('PartnerClaims', PARTNER_CLAIMS_SECRET, claims)
}

/** Parses a CAK callback body (no signature check: use CakCallbackVerifier). */
function cakParseCallback(body) {
  return call(() => native.cakParseCallback(body))
}

/** The deduplication key of a callback's three identifiers. */
function cakDedupKey(userId, verifierDid, schemaId) {
  return call(() => native.cakDedupKey(userId, verifierDid, schemaId))
}

/** How CAK callbacks are signed for you: HMAC-SHA256, Ed25519 or ES256. Parsed once. */
class CakCallbackVerifier extends Opaque {
  /** HMAC-SHA256 with a shared `key`, signature sent in the `header` header. */
  static hmacSha256(key, header) {
    return wrap(CakCallbackVerifier, call(() => native.CakCallbackVerifier.hmacSha256(key, header)))
  }

  /** Ed25519 with a 32-byte public key. */
  static ed25519(publicKey) {
    return wrap(CakCallbackVerifier, call(() => native.CakCallbackVerifier.ed25519(publicKey)))
  }

  /** ES256 with a SEC1 P-256 public key. */
  static es256(publicKey) {
    return wrap(CakCallbackVerifier, call(() => native.CakCallbackVerifier.es256(publicKey)))
  }

  /** The signature header name (HMAC only; otherwise null). */
  headerName() {
    return call(() => nativeOf(this).headerName())
  }

  /** Checks `signature` (the header text) over the raw `body`. */
  verify(body, signature) {
    call(() => nativeOf(this).verify(body, signature))
  }

  /** Checks the signature, then parses the callback. */
  verifyCallback(body, signature) {
    return call(() => nativeOf(this).verifyCallback(body, signature))
  }
}

// ---- webhooks -------------------------------------------------------------------------

/** Verifies a KYC provider webhook over the raw `body` bytes, before any JSON parsing. */
function verifyWebhook(provider, secret, headers, body, now, options) {
  return call(() => native.verifyWebhook(provider, secret, headers, body, secs(now, 'now'), secsIn(options, 'toleranceSecs')))
}

// ---- zerohash -------------------------------------------------------------------------

/** Zero Hash API credentials (API key, base64 secret, passphrase). The secret is never shown. */
class ZeroHashCredentials extends Opaque {
  /** Parses the credentials; the secret is standard base64. */
  constructor(apiKey, secretB64, passphrase) {
    super(FROM_NATIVE, call(() => new native.ZeroHashCredentials(apiKey, secretB64, passphrase)))
  }

  /**
   * Signs a request at `timestamp` (unix seconds): the four `X-SCX-*` header values. The
   * signature and passphrase print as `<redacted>` and are left out of JSON.stringify.
   */
  signRequest(timestamp, method, route, body) {
    const h = call(() => nativeOf(this).signRequest(secs(timestamp, 'timestamp'), method, route, body))
    return redacted('SignedHeaders', ['xScxSigned', 'xScxPassphrase'], h)
  }

  /** The public API key. */
  apiKey() {
    return call(() => nativeOf(this).apiKey())
  }
}

/** Decodes a Zero Hash API secret (standard base64) into an HmacKey. */
function zerohashSecretFromBase64(secretB64) {
  return new HmacKey(FROM_NATIVE, call(() => native.zerohashSecretFromBase64(secretB64)))
}

/** The prehash string `timestamp + METHOD + route + body` that is signed. */
function zerohashSigningMessage(timestamp, method, route, body) {
  return call(() => native.zerohashSigningMessage(secs(timestamp, 'timestamp'), method, route, body))
}

/** `X-SCX-SIGNED` for a request (base64 HMAC-SHA256 under `secret`). */
function zerohashSign(secret, timestamp, method, route, body) {
  const s = handle(HmacKey, secret, 'secret')
  return call(() => native.zerohashSign(s, secs(timestamp, 'timestamp'), method, route, body))
}

/** Server side: verifies the `X-SCX-SIGNED` / `X-SCX-TIMESTAMP` headers of a request at `now`. */
function zerohashVerifyRequest(secret, headers, method, route, body, now, windowSecs) {
  const s = handle(HmacKey, secret, 'secret')
  const w = windowSecs === undefined || windowSecs === null ? windowSecs : secs(windowSecs, 'windowSecs')
  return call(() => native.zerohashVerifyRequest(s, headers, method, route, body, secs(now, 'now'), w))
}

/** A Zero Hash webhook RSA public key (PEM), parsed once. */
class ZeroHashPublicKey extends Opaque {
  /** Parses an RSA public key PEM (SPKI or PKCS#1). */
  static fromPem(pem) {
    return wrap(ZeroHashPublicKey, call(() => native.ZeroHashPublicKey.fromPem(pem)))
  }
}

/** Verifies a Zero Hash webhook signed with RSA (`x-zh-hook-rsa-signature`). */
function zerohashVerifyWebhookRsa(key, headers, body, now, options) {
  const k = handle(ZeroHashPublicKey, key, 'key')
  return call(() => native.zerohashVerifyWebhookRsa(k, headers, body, secs(now, 'now'), secsIn(options, 'toleranceSecs')))
}

// ---- library --------------------------------------------------------------------------

/** Every error code the library can raise, in a stable order. */
function errorCodes() {
  return call(() => native.errorCodes())
}

/** The kycrypt version these bindings were built from. */
function version() {
  return call(() => native.version())
}

module.exports = {
  ...errors,
  // corepass
  PinnedConnector,
  verifyStatusCallback,
  verifyDataCallback,
  verifyErrorCallback,
  corepassAddressFromPublicKey,
  corepassParseAddress,
  corepassItemSha3,
  corepassParsePepper,
  checkQrcodeExpiration,
  // ecies
  Curve,
  EciesPublicKey,
  EciesSecretKey,
  eciesEncrypt,
  eciesDecrypt,
  eciesEncryptWithEphemeral,
  sealEnvelope,
  sealEnvelopeBase64,
  openEnvelope,
  openEnvelopeBase64,
  envelopeInfo,
  // eddsa
  Ed25519SigningKey,
  ed25519Verify,
  Ed448SigningKey,
  ed448Verify,
  // hmac
  HmacAlg,
  HmacKey,
  hmacSha256,
  // hypersign
  parseDid,
  DidDocument,
  resolveDidKey,
  decodeEd25519Multibase,
  encodeEd25519Multibase,
  verifyDidJwt,
  signDidJwt,
  // keys
  PrivateKey,
  generatePrivateKeyPem,
  PublicKey,
  jwks,
  selectFromJwks,
  verifyJwt,
  verifyJws,
  // moca
  signPartnerJwt,
  verifyPartnerJwt,
  verifyPartnerJwtJwks,
  cakParseCallback,
  cakDedupKey,
  CakCallbackVerifier,
  // webhooks
  verifyWebhook,
  // zerohash
  ZeroHashCredentials,
  zerohashSecretFromBase64,
  zerohashSigningMessage,
  zerohashSign,
  zerohashVerifyRequest,
  ZeroHashPublicKey,
  zerohashVerifyWebhookRsa,
  // library
  errorCodes,
  version,
}

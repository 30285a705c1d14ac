'use strict'
// kycrypt for Node: a thin, idiomatic layer over the napi-rs addon (../index.js).
//
// It adds exactly two things to the raw addon: errors thrown by the addon become
// KycryptError subclasses (with the stable `code`), and key objects hide their
// native handle. Bytes go in as Uint8Array (a Buffer is one) and come out as Buffer.
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

/** The hash under the HMAC (the strings are accepted too). */
const HmacAlg = Object.freeze({ Sha256: 'sha256', Sha512: 'sha512', Sha1: 'sha1' })

/** HMAC-SHA256 of `msg` under `key` (RFC 2104; a 32-byte tag). */
function hmacSha256(key, msg) {
  return call(() => native.hmacSha256(key, msg))
}

const FROM_NATIVE = Symbol('kycrypt.fromNative')

/** A secret HMAC key, parsed once and reused. It never shows its bytes. */
class HmacKey {
  #native

  /** Wraps raw key bytes (any length, as RFC 2104 allows). */
  constructor(key, nativeKey = undefined) {
    this.#native = key === FROM_NATIVE ? nativeKey : call(() => new native.HmacKey(key))
  }

  /** Decodes a standard-base64 secret; throws MalformedInputError if it is not base64. */
  static fromBase64(secret) {
    return new HmacKey(FROM_NATIVE, call(() => native.HmacKey.fromBase64(secret)))
  }

  /** The tag of `msg` under this key with `alg`. */
  sign(alg, msg) {
    return call(() => this.#native.sign(alg, msg))
  }

  /** Checks `tag` over `msg` in constant time; throws SignatureInvalidError if it differs. */
  verify(alg, msg, tag) {
    call(() => this.#native.verify(alg, msg, tag))
  }

  toString() {
    return '[HmacKey]'
  }

  toJSON() {
    return '[HmacKey]'
  }

  [inspect.custom]() {
    return 'HmacKey {}'
  }
}

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
  HmacAlg,
  HmacKey,
  hmacSha256,
  errorCodes,
  version,
}

'use strict'
// The error model across the boundary: every code maps to its own KycryptError
// subclass with `.code`; a panic inside Rust surfaces as InternalError, not an abort;
// bad input raises the stable code; keys never print their bytes.

const test = require('node:test')
const assert = require('node:assert/strict')
const { inspect } = require('node:util')
const { kycrypt, nativeAddon } = require('./helpers.js')

test('error_codes lists every code once, each with its own class', () => {
  const codes = kycrypt.errorCodes()
  assert.equal(codes.length, 24)
  assert.equal(new Set(codes).size, codes.length)
  assert.deepEqual(Object.keys(kycrypt.ERRORS_BY_CODE).sort(), [...codes].sort())
})

test('every code raised in Rust arrives as its subclass with .code', () => {
  const native = nativeAddon()
  for (const code of kycrypt.errorCodes()) {
    let raw
    try {
      native.__testError(code)
    } catch (e) {
      raw = e
    }
    assert.equal(raw.code, code)
    const e = kycrypt.errorFor(raw.code, raw.message)
    assert.ok(e instanceof kycrypt.ERRORS_BY_CODE[code] && e instanceof kycrypt.KycryptError && e instanceof Error)
    assert.equal(e.code, code)
    assert.equal(e.message, `test error ${code}`)
  }
})

test('a panic inside Rust is a catchable error with code internal', () => {
  assert.throws(() => nativeAddon().__testPanic(), (e) => e instanceof Error && e.code === 'internal')
  // The process is still alive and the library still works.
  assert.equal(kycrypt.hmacSha256(Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?')).length, 32)
})

test('malformed input raises MalformedInputError', () => {
  assert.throws(() => kycrypt.HmacKey.fromBase64('not*base64'), (e) =>
    e instanceof kycrypt.MalformedInputError && e.code === 'malformed_input' && !e.message.includes('not*base64'))
})

test('a bad tag raises SignatureInvalidError', () => {
  const key = new kycrypt.HmacKey(Buffer.from('Jefe'))
  assert.throws(() => key.verify(kycrypt.HmacAlg.Sha256, Buffer.from('m'), new Uint8Array(32)),
    kycrypt.SignatureInvalidError)
})

test('a JS argument of the wrong type is a TypeError', () => {
  const key = new kycrypt.HmacKey(Buffer.from('k'))
  assert.throws(() => key.sign('sha3', Buffer.alloc(1)), TypeError)
  assert.throws(() => key.sign('sha256', 'not bytes'), TypeError)
})

test('bytes in and out: Uint8Array and Buffer accepted, Buffer returned', () => {
  const key = new kycrypt.HmacKey(new Uint8Array(Buffer.from('Jefe')))
  const tag = key.sign('sha256', new TextEncoder().encode('what do ya want for nothing?'))
  assert.ok(Buffer.isBuffer(tag))
  assert.equal(tag.toString('hex'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
})

test('a key never shows its bytes', () => {
  const key = new kycrypt.HmacKey(Buffer.from('super-secret-value'))
  for (const s of [String(key), inspect(key), JSON.stringify({ key }), `${key}`]) {
    assert.ok(!s.includes('super') && !s.includes('7375706572'), s)
  }
  assert.deepEqual(Object.keys(key), [])
})

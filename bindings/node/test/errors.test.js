'use strict'
// The error model across the boundary: every code raised in Rust arrives as its own
// KycryptError subclass with `code`; a panic is InternalError (never an abort); a
// rejected Promise is mapped the same way; a JS argument of the wrong type is a TypeError.

const test = require('node:test')
const assert = require('node:assert/strict')
const { kycrypt: k, isCode } = require('./helpers.js')

test('errorCodes lists every code once, each with its own class', () => {
  const codes = k.errorCodes()
  assert.equal(codes.length, 24)
  assert.equal(new Set(codes).size, codes.length)
  assert.deepEqual(Object.keys(k.ERRORS_BY_CODE).sort(), [...codes].sort())
  for (const code of codes) {
    const Cls = k.ERRORS_BY_CODE[code]
    const name = `${code.replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase())}Error`
    assert.equal(Cls.name, name)
    assert.equal(k[name], Cls, `${name} is exported`)
    assert.ok(Cls.prototype instanceof k.KycryptError)
  }
})

test('every code raised in Rust (hazmat.testError) arrives as its subclass', () => {
  for (const code of k.errorCodes()) {
    assert.throws(() => k.hazmat.testError(code), (e) => {
      assert.ok(isCode(code)(e), `${code}: ${e}`)
      assert.ok(e instanceof Error)
      assert.equal(e.name, k.ERRORS_BY_CODE[code].name)
      assert.equal(e.message, `test error ${code}`)
      return true
    })
  }
  assert.throws(() => k.hazmat.testError('no_such_code'), isCode('internal'))
})

test('a panic inside Rust is InternalError, and the process lives on', () => {
  assert.throws(() => k.hazmat.testPanic(), (e) => isCode('internal')(e) && e instanceof k.InternalError)
  assert.equal(k.hmacSha256(Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?')).length, 32)
})

test('constructors, statics and methods map their errors; instanceof still works', () => {
  assert.throws(() => new k.HmacKey(new Uint8Array(0)), isCode('invalid_key'))
  assert.throws(() => k.HmacKey.fromBase64('not*base64'), (e) => isCode('malformed_input')(e) && !e.message.includes('not*base64'))
  const key = new k.HmacKey(Buffer.from('Jefe'))
  assert.ok(key instanceof k.HmacKey && k.HmacKey.fromBase64('SmVmZQ==') instanceof k.HmacKey)
  assert.equal(key.constructor, k.HmacKey)
  assert.throws(() => key.verify('sha256', Buffer.from('m'), new Uint8Array(32)), k.SignatureInvalidError)
  assert.ok(k.zerohashSecretFromBase64('SmVmZQ==') instanceof k.HmacKey)
})

test('a JS argument of the wrong type is a TypeError', () => {
  const key = new k.HmacKey(Buffer.from('k'))
  assert.throws(() => key.sign('sha3', Buffer.alloc(1)), TypeError)
  assert.throws(() => key.sign('sha256', 'not bytes'), TypeError)
  assert.throws(() => k.hmacSha256('key', Buffer.alloc(1)), TypeError)
})

test('times are checked once, in Rust: a negative time is MalformedInputError', () => {
  assert.throws(() => k.zerohashSigningMessage('GET', '/', '', -5), isCode('malformed_input'))
  const secret = new k.HmacKey(Buffer.from('s'))
  assert.throws(() => k.verifyWebhook('sumsub', [], Buffer.alloc(0), secret, -1), isCode('malformed_input'))
  assert.throws(() => k.verifyWebhook('sumsub', [], Buffer.alloc(0), secret, 0, { leewaySecs: -1 }), isCode('malformed_input'))
  assert.equal(k.zerohashSigningMessage('get', '/x', '', 1_700_000_000), '1700000000GET/x{}')
})

test('a time that is not whole seconds is MalformedInputError, never truncated', () => {
  const secret = new k.HmacKey(Buffer.from('s'))
  for (const bad of [1.5, Date.now() / 1000 + 0.25, NaN, Infinity, -Infinity, 2 ** 53]) {
    assert.throws(() => k.zerohashSigningMessage('GET', '/', '', bad), isCode('malformed_input'), String(bad))
    assert.throws(() => k.verifyWebhook('sumsub', [], Buffer.alloc(0), secret, bad), isCode('malformed_input'), String(bad))
    assert.throws(() => k.verifyWebhook('sumsub', [], Buffer.alloc(0), secret, 0, { leewaySecs: bad }), isCode('malformed_input'), String(bad))
  }
  assert.equal(k.zerohashSigningMessage('GET', '/', '', Math.floor(1_700_000_000.9)), '1700000000GET/{}')
})

test('bytes: Uint8Array and Buffer in, Buffer out', () => {
  const key = new k.HmacKey(new Uint8Array(Buffer.from('Jefe')))
  const tag = key.sign('sha256', new TextEncoder().encode('what do ya want for nothing?'))
  assert.ok(Buffer.isBuffer(tag))
  assert.equal(tag.toString('hex'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
})

test('hazmat operations exist only under kycrypt.hazmat', () => {
  for (const name of Object.keys(k.hazmat)) {
    assert.ok(!(name in k), `hazmat.${name} is also a top-level export`)
  }
  assert.ok(['testError', 'testPanic'].every((n) => typeof k.hazmat[n] === 'function'))
  assert.ok(!Object.keys(k).some((n) => /^(test|hazmat)[A-Z_]/.test(n)), 'a test hook at the top level')
})

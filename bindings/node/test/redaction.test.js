'use strict'
// Records that carry secrets or personal data are napi classes whose values are
// accessors and whose toString()/toJSON() return the redacted text (Rust's Debug, with
// `<redacted>` for each secret); the wrapper makes util.inspect print the same text.
// Every exported class with a toJSON must have a sample here (the test fails otherwise).

const test = require('node:test')
const assert = require('node:assert/strict')
const util = require('node:util')
const { kycrypt: k } = require('./helpers.js')

const PASSPHRASE = 'pass-phrase-secret-9'
const SECRET_B64 = Buffer.from('zero-hash-api-secret').toString('base64')

/** Every redacted class: a sample instance, the secret values it holds, a value it shows. */
const SAMPLES = {
  SignedHeaders() {
    const h = new k.ZeroHashCredentials('api-key-public-1', SECRET_B64, PASSPHRASE).signRequest('POST', '/orders', '{"a":1}', 1_700_000_000)
    return { obj: h, secrets: [PASSPHRASE, h.xScxSigned], shown: ['api-key-public-1', '1700000000'] }
  },
}

/** Every common way an object ends up in text. */
function printed(obj) {
  return [
    util.inspect(obj),
    util.inspect(obj, { depth: Infinity, showHidden: true }),
    util.inspect({ nested: { obj } }),
    util.format('%s', obj),
    util.format('%o', obj),
    util.format('%O', obj),
    util.format('%j', obj),
    String(obj),
    `${obj}`,
    JSON.stringify(obj),
    JSON.stringify({ obj }),
  ]
}

test('every exported class with a toJSON has a redaction sample', () => {
  const redacted = Object.entries(k)
    .filter(([, v]) => typeof v === 'function' && typeof v.prototype?.toJSON === 'function')
    .map(([n]) => n)
  assert.deepEqual(redacted.sort(), Object.keys(SAMPLES).sort())
})

for (const [name, sample] of Object.entries(SAMPLES)) {
  test(`${name} prints redacted everywhere and stays readable as properties`, () => {
    const { obj, secrets, shown } = sample()
    assert.ok(obj instanceof k[name])
    for (const s of printed(obj)) {
      for (const secret of secrets) assert.ok(!s.includes(secret), `${name} leaked in: ${s}`)
      assert.ok(s.includes('<redacted>'), s)
    }
    for (const s of [util.inspect(obj), String(obj), JSON.parse(JSON.stringify(obj))]) {
      assert.ok(s.startsWith(`${name} {`), s)
      for (const v of shown) assert.ok(s.includes(v), s)
    }
    assert.equal(util.inspect(obj), obj.toString())
  })
}

test('SignedHeaders values are readable (that is how the request is sent)', () => {
  const h = new k.ZeroHashCredentials('api', SECRET_B64, PASSPHRASE).signRequest('GET', '/x', '', 1_700_000_000)
  assert.equal(h.xScxPassphrase, PASSPHRASE)
  assert.equal(h.xScxSigned, k.zerohashSign('GET', '/x', '', k.zerohashSecretFromBase64(SECRET_B64), 1_700_000_000))
  assert.equal(h.xScxTimestamp, '1700000000')
  assert.deepEqual(Object.keys(h), [], 'values are accessors, not own properties')
})

test('key objects print no key material', () => {
  const seed = Buffer.alloc(32, 0x42)
  for (const key of [new k.HmacKey(seed), new k.ZeroHashCredentials('api', seed.toString('base64'), 'pass')]) {
    for (const s of [String(key), util.inspect(key, { showHidden: true }), JSON.stringify({ key })]) {
      assert.ok(!s.includes('4242') && !s.includes('QkJC') && !s.includes('pass'), s)
    }
  }
})

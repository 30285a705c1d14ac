'use strict'
// Records that carry secrets or personal data are napi classes whose values are
// accessors and whose toString()/toJSON() return the redacted text (Rust's Debug, with
// `<redacted>` for each secret); the wrapper makes util.inspect print the same text.
// Every exported class with a toJSON must have a sample here (the test fails otherwise).

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const util = require('node:util')
const { kycrypt: k, VECTORS_DIR } = require('./helpers.js')

const PASSPHRASE = 'pass-phrase-secret-9'
const SECRET_B64 = Buffer.from('zero-hash-api-secret').toString('base64')

/** Every redacted class: a sample instance, the secret values it holds, a value it shows. */
const SAMPLES = {
  SignedHeaders() {
    const h = new k.ZeroHashCredentials('api-key-public-1', SECRET_B64, PASSPHRASE).signRequest('POST', '/orders', '{"a":1}', 1_700_000_000)
    return { obj: h, secrets: [PASSPHRASE, h.xScxSigned], shown: ['api-key-public-1', '1700000000'] }
  },
  DataInfo() {
    const doc = JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, 'corepass.json'), 'utf8'))
    const c = doc.cases.find((x) => x.op === 'corepass.verify_data_callback' && x.expected === 'valid')
    const i = c.inputs
    const cb = k.verifyCorepassCallback('data', Buffer.from(i.body), k.PinnedConnector.parse(i.connector), i.now, {
      allowDeadlineOnly: i.allow_deadline_only,
    })
    assert.equal(cb.kind, 'data')
    const [sent] = JSON.parse(i.body).infos
    const [info] = cb.infos
    assert.deepEqual([info.fieldId, info.fieldValue, info.pepper], [sent.fieldID, sent.fieldValue, sent.pepper])
    // The callback object holding it prints it redacted too.
    for (const s of [util.inspect(cb, { depth: Infinity }), JSON.stringify(cb)]) {
      assert.ok(!s.includes(sent.fieldValue) && !s.includes(sent.pepper), s)
    }
    return { obj: info, secrets: [sent.fieldValue, sent.pepper], shown: [sent.fieldID] }
  },
  VerifiedPartnerClaims() {
    const { key, token } = partnerToken()
    const v = k.verifyPartnerJwt(token, key.publicKey(), NOW + 10)
    assert.equal(v.email, EMAIL)
    return { obj: v, secrets: [EMAIL, 'alice'], shown: ['p-1'] }
  },
  VerifiedJwt() {
    const { key, token } = partnerToken()
    const v = k.verifyJwt(token, key.publicKey(), NOW + 10, { algorithms: ['ES256'] })
    assert.equal(JSON.parse(v.claimsJson).email, EMAIL)
    return { obj: v, secrets: ['alice', 'YWxpY2'], shown: ['ES256'] }
  },
  VerifiedJws() {
    const { key, token } = partnerToken()
    const v = k.verifyJws(token, key.publicKey(), { algorithms: ['ES256'] })
    assert.equal(JSON.parse(v.payload.toString('utf8')).email, EMAIL)
    return { obj: v, secrets: ['alice', 'YWxpY2'], shown: ['ES256'] }
  },
  VerifiedDidJwt() {
    const signing = k.Ed25519SigningKey.fromSeed(Buffer.alloc(32, 7))
    const did = `did:key:${k.encodeEd25519Multibase(signing.publicKey())}`
    const token = k.signDidJwt({ issuer: did, audience: 'aud', claimsJson: JSON.stringify({ email: EMAIL }) }, signing, NOW)
    const v = k.verifyDidJwt(token, null, NOW + 10, { audience: 'aud' })
    assert.equal(JSON.parse(v.claimsJson).email, EMAIL)
    return { obj: v, secrets: ['alice', 'YWxpY2'], shown: [did] }
  },
}

const NOW = 1_700_000_000
const EMAIL = 'alice@example.com'
let partner
/** A partner JWT (ES256) with personal data in `email` and the extra claims. */
function partnerToken() {
  if (!partner) {
    const key = k.PrivateKey.fromPem(k.generatePrivateKeyPem('p256'))
    const claims = { partnerId: 'p-1', scope: 'issue', email: EMAIL, extraJson: JSON.stringify({ name: EMAIL }) }
    partner = { key, token: k.signPartnerJwt(claims, key, NOW, { kid: 'kid-1' }) }
  }
  return partner
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

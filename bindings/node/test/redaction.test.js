'use strict'
// Secrets and personal data are redacted when printed or serialized, and stay readable as
// properties: the result objects of lib/index.js carry a redacting [util.inspect.custom] and
// a toJSON without the secrets. Without them these tests fail (the addon returns plain
// objects, which print every member).

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const util = require('node:util')
const { kycrypt: k, VECTORS_DIR } = require('./helpers.js')

const API_KEY = 'api-key-public-1'
const PASSPHRASE = 'pass-phrase-secret-9'
const SECRET_B64 = Buffer.from('zero-hash-api-secret').toString('base64')
const EMAIL = 'alice@example.com'

/** What console.log writes for `args` (captured, not shown). */
function consoleLogged(...args) {
  const lines = []
  const original = console.log
  console.log = (...a) => lines.push(util.format(...a))
  try {
    console.log(...args)
  } finally {
    console.log = original
  }
  return lines.join('\n')
}

/** Every common way an object ends up in text. */
function printed(obj) {
  return [
    util.inspect(obj),
    util.inspect(obj, { depth: Infinity }),
    util.inspect({ nested: { obj } }),
    util.inspect([obj], { showHidden: true }),
    consoleLogged(obj),
    consoleLogged('%s', obj),
    consoleLogged('headers: %o', obj),
    consoleLogged('%j', obj),
    util.format('%o', obj),
    util.format('%O', obj),
    JSON.stringify(obj),
    JSON.stringify({ obj }),
    `${util.inspect(obj)}`,
  ]
}

test('SignedHeaders print and serialize without passphrase and signature', () => {
  const creds = new k.ZeroHashCredentials(API_KEY, SECRET_B64, PASSPHRASE)
  const h = creds.signRequest(1_700_000_000, 'POST', '/orders', '{"a":1}')
  const signature = k.zerohashSign(k.zerohashSecretFromBase64(SECRET_B64), 1_700_000_000, 'POST', '/orders', '{"a":1}')
  // The values stay readable as properties (that is how the request headers are set).
  assert.equal(h.xScxSigned, signature)
  assert.equal(h.xScxPassphrase, PASSPHRASE)
  assert.equal(h.xScxApiKey, API_KEY)
  assert.equal(h.xScxTimestamp, '1700000000')
  assert.deepEqual(Object.keys(h), ['xScxApiKey', 'xScxSigned', 'xScxTimestamp', 'xScxPassphrase'])
  assert.equal({ ...h }.xScxPassphrase, PASSPHRASE)

  for (const s of printed(h)) {
    assert.ok(!s.includes(PASSPHRASE) && !s.includes(signature), s)
    assert.ok(s.includes(API_KEY) && s.includes('1700000000'), s)
  }
  assert.equal(
    util.inspect(h),
    `SignedHeaders {\n  xScxApiKey: '${API_KEY}',\n  xScxSigned: <redacted>,\n  xScxTimestamp: '1700000000',\n  xScxPassphrase: <redacted>\n}`,
  )
  assert.deepEqual(JSON.parse(JSON.stringify(h)), { xScxApiKey: API_KEY, xScxTimestamp: '1700000000' })
})

test('data callback values and peppers print and serialize redacted', () => {
  const doc = JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, 'corepass.json'), 'utf8'))
  const c = doc.cases.find((x) => x.op === 'corepass.verify_data_callback' && x.expected === 'valid')
  const i = c.inputs
  const cb = k.verifyDataCallback(Buffer.from(i.body), k.PinnedConnector.parse(i.connector), i.now, {
    allowDeadlineOnly: i.allow_deadline_only ?? false,
  })
  const sent = JSON.parse(i.body).infos
  assert.deepEqual(
    cb.infos.map((d) => [d.fieldId, d.fieldValue, d.pepper]),
    sent.map((d) => [d.fieldID, d.fieldValue, d.pepper]),
  )
  for (const obj of [cb, cb.infos, cb.infos[0]]) {
    for (const s of printed(obj)) {
      for (const d of sent) assert.ok(!s.includes(d.fieldValue) && !s.includes(d.pepper.slice(0, 16)), s)
    }
    for (const s of [util.inspect(obj, { depth: Infinity }), util.format('%o', obj), JSON.stringify(obj)]) {
      assert.ok(s.includes(sent[0].fieldID), s)
    }
  }
  const shown = util.inspect(cb.infos[0])
  assert.ok(shown.startsWith('DataInfo {') && /fieldValue: <redacted>,\s+pepper: <redacted>/.test(shown), shown)
  assert.deepEqual(JSON.parse(JSON.stringify(cb.infos[0])), { fieldId: sent[0].fieldID })
})

test('JWT claims, JWS payloads and partner claims print and serialize redacted', () => {
  const key = k.PrivateKey.fromPem(k.generatePrivateKeyPem('p256'))
  const claims = { partnerId: 'p-1', scope: 'issue on-behalf', email: EMAIL, extraJson: JSON.stringify({ name: EMAIL }) }
  const token = k.signPartnerJwt(key, 'kid-1', claims, 1_700_000_000, 300)
  const jwksText = k.jwks([key.publicKey()], ['kid-1'])
  const partner = k.verifyPartnerJwt(token, key.publicKey(), 1_700_000_100, 0)
  const partnerJwks = k.verifyPartnerJwtJwks(token, jwksText, 1_700_000_100, 0)
  const jwt = k.verifyJwt(token, key.publicKey(), { algorithms: ['ES256'] }, 1_700_000_100)
  const jws = k.verifyJws(token, key.publicKey(), { algorithms: ['ES256'] })

  const seed = Buffer.alloc(32, 7)
  const signing = k.Ed25519SigningKey.fromSeed(seed)
  const did = `did:key:${k.encodeEd25519Multibase(signing.publicKey())}`
  const didToken = k.signDidJwt(signing, {
    issuer: did, audience: 'aud', claimsJson: JSON.stringify({ email: EMAIL }), iat: 1_700_000_000, ttl: 300,
  })
  const didJwt = k.verifyDidJwt(didToken, { audience: 'aud' }, null, 1_700_000_100)

  for (const obj of [partner, partnerJwks, jwt, jws, didJwt]) {
    for (const s of printed(obj)) assert.ok(!s.includes('alice') && !s.includes('YWxpY2'), s)
    assert.ok(util.inspect(obj).includes('<redacted>'))
  }
  assert.equal(partner.email, EMAIL)
  assert.deepEqual(JSON.parse(partner.extraJson), { name: EMAIL })
  assert.deepEqual(JSON.parse(JSON.stringify(partner)), { partnerId: 'p-1', scope: 'issue on-behalf' })
  assert.equal(JSON.parse(jwt.claimsJson).email, EMAIL)
  assert.equal(JSON.parse(jws.payload.toString('utf8')).email, EMAIL)
  assert.equal(JSON.parse(didJwt.claimsJson).email, EMAIL)
  assert.ok(util.inspect(didJwt).includes(did))
  assert.ok(util.inspect(jwt).includes('ES256'))
})

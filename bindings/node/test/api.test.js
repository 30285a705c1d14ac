'use strict'
// The exports across the boundary: malformed input raises a KycryptError subclass (never
// a crash), a JS argument of the wrong type a TypeError, and the CorePass rules hold.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { kycrypt: k, VECTORS_DIR, isCode } = require('./helpers.js')

function vectorCase(file, id) {
  const c = JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8')).cases.find((x) => x.id === id)
  assert.ok(c, `${file}: no case ${id}`)
  return c
}

test('malformed input raises KycryptError subclasses', () => {
  const cases = [
    [() => k.PrivateKey.fromPem('not a pem'), 'invalid_key'],
    [() => k.PublicKey.fromJwk('{'), 'invalid_key'],
    [() => k.PinnedConnector.parse('zz'), 'malformed_input'],
    [() => k.corepassParseAddress('nope'), 'malformed_input'],
    [() => k.EciesSecretKey.parse('p256', 'zz'), 'malformed_input'],
    [() => k.envelopeInfo(Buffer.from('garbage')), 'malformed_input'],
    [() => k.parseDid('did:web:example.com'), 'malformed_input'],
    [() => k.DidDocument.fromJson('[]'), 'malformed_input'],
    [() => k.encodeEd25519Multibase(new Uint8Array(31)), 'invalid_argument'],
    [() => k.Ed25519SigningKey.fromSeed(new Uint8Array(5)), 'invalid_key'],
    [() => k.cakParseCallback(Buffer.from('{')), 'malformed_input'],
    [() => new k.ZeroHashCredentials('a', 'not*base64', 'p'), 'malformed_input'],
    [() => k.ZeroHashPublicKey.fromPem('-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----'), 'invalid_key'],
    [() => k.generatePrivateKeyPem('dsa'), 'unsupported_algorithm'],
    [() => k.checkQrcodeExpiration(1_700_000_600, -1), 'malformed_input'],
  ]
  for (const [fn, code] of cases) assert.throws(fn, isCode(code), String(fn))
})

test('wrong JS argument types are TypeErrors', () => {
  const sk = k.EciesSecretKey.generate('p256')
  const cases = [
    () => k.PrivateKey.fromPem(42),
    () => k.PublicKey.fromDer('not bytes'),
    () => k.EciesPublicKey.parse('p384', 'aa'),
    () => k.sealEnvelope(Buffer.from('x'), sk), // a secret key where the public one goes
    () => k.sealEnvelope(Buffer.from('x'), {}),
    () => k.sealEnvelope('text', sk.publicKey()),
    () => k.verifyWebhook('sumsub', [], Buffer.alloc(0), new k.HmacKey(Buffer.from('s')), '1700000000'),
    () => k.zerohashSign('GET', '/', '', 'secret', 0),
  ]
  for (const fn of cases) assert.throws(fn, TypeError, String(fn))
})

test('CorePass: replayUntil is deadline + leeway, the last second a callback verifies', () => {
  const c = vectorCase('corepass.json', 'status-accepted-upstream')
  const connector = k.PinnedConnector.parse(c.inputs.connector)
  const body = Buffer.from(c.inputs.body)
  for (const leewaySecs of [undefined, 0, 300]) {
    const options = leewaySecs === undefined ? undefined : { leewaySecs }
    const v = k.verifyCorepassCallback('status', body, connector, c.inputs.now, options)
    assert.equal(v.kind, 'status')
    assert.equal(v.status, 'ACCEPTED')
    assert.equal(v.replayUntil, c.output.deadline + (leewaySecs ?? 30))
    assert.equal(k.verifyCorepassCallback('status', body, connector, v.replayUntil, options).replayKey, v.replayKey)
    assert.throws(() => k.verifyCorepassCallback('status', body, connector, v.replayUntil + 1, options), isCode('expired'))
  }
})

test('CorePass: a case-variant or unknown member is refused, naming the member only', () => {
  const c = vectorCase('corepass.json', 'status-accepted-upstream')
  const connector = k.PinnedConnector.parse(c.inputs.connector)
  const open = c.inputs.body.trimEnd().slice(0, -1)
  for (const [extra, member] of [['"Status": "FINISH_SUCCESS"', 'Status'], ['"note": 1', 'note']]) {
    assert.throws(() => k.verifyCorepassCallback('status', Buffer.from(`${open},${extra}}`), connector, c.inputs.now), (e) =>
      isCode('malformed_input')(e) && e.message.includes(`"${member}"`) && !/FINISH_SUCCESS/.test(e.message))
  }
})

test('partner JWT round-trips through a JWKS', () => {
  const key = k.PrivateKey.fromPem(k.generatePrivateKeyPem('p256'))
  const now = 1_700_000_000
  const token = k.signPartnerJwt({ partnerId: 'acme', scope: 'issue' }, key, now, { kid: 'partner-key-1' })
  const claims = k.verifyPartnerJwtJwks(token, k.jwks([key.publicKey()], ['partner-key-1']), now + 10)
  assert.equal(claims.partnerId, 'acme')
  assert.throws(() => k.verifyPartnerJwt(token, key.publicKey(), now + 3600, { leewaySecs: 0 }), isCode('expired'))
  assert.throws(() => k.signPartnerJwt({ partnerId: 'a', scope: 's', extraJson: '[]' }, key, now), isCode('invalid_argument'))
})

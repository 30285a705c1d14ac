'use strict'
// The new exports across the boundary: malformed input raises a KycryptError subclass
// (never a crash), a JS argument of the wrong type a TypeError, times are checked, the
// key classes print nothing, and the README flows work end to end.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { inspect } = require('node:util')
const { kycrypt, VECTORS_DIR } = require('./helpers.js')

const k = kycrypt
const isKy = (Cls, code) => (e) => e instanceof Cls && e instanceof k.KycryptError && e.code === code

function vectorCase(file, id) {
  const doc = JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8'))
  const c = doc.cases.find((x) => x.id === id)
  assert.ok(c, `${file}: no case ${id}`)
  return c
}

test('malformed input to the new exports raises KycryptError subclasses', () => {
  const cases = [
    [() => k.PrivateKey.fromPem('not a pem'), k.InvalidKeyError, 'invalid_key'],
    [() => k.PublicKey.fromJwk('{'), k.InvalidKeyError, 'invalid_key'],
    [() => k.PinnedConnector.parse('zz'), k.MalformedInputError, 'malformed_input'],
    [() => k.corepassParseAddress('nope'), k.MalformedInputError, 'malformed_input'],
    [() => k.EciesSecretKey.parse('p256', 'zz'), k.MalformedInputError, 'malformed_input'],
    [() => k.envelopeInfo(Buffer.from('garbage')), k.MalformedInputError, 'malformed_input'],
    [() => k.parseDid('did:web:example.com'), k.MalformedInputError, 'malformed_input'],
    [() => k.DidDocument.fromJson('[]'), k.MalformedInputError, 'malformed_input'],
    [() => k.encodeEd25519Multibase(new Uint8Array(31)), k.InvalidArgumentError, 'invalid_argument'],
    [() => k.Ed25519SigningKey.fromSeed(new Uint8Array(5)), k.InvalidKeyError, 'invalid_key'],
    [() => k.ed448Verify(new Uint8Array(57), Buffer.from('m'), new Uint8Array(114)), k.KycryptError, null],
    [() => k.cakParseCallback(Buffer.from('{')), k.MalformedInputError, 'malformed_input'],
    [() => k.verifyWebhook('nosuch', Buffer.from('s'), [], Buffer.alloc(0), 0), k.InvalidArgumentError, 'invalid_argument'],
    [() => new k.ZeroHashCredentials('a', 'not*base64', 'p'), k.MalformedInputError, 'malformed_input'],
    [() => k.ZeroHashPublicKey.fromPem('-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----'), k.InvalidKeyError, 'invalid_key'],
    [() => k.generatePrivateKeyPem('dsa'), k.UnsupportedAlgorithmError, 'unsupported_algorithm'],
  ]
  for (const [fn, Cls, code] of cases) {
    assert.throws(fn, (e) => e instanceof Cls && e instanceof k.KycryptError && (code === null || e.code === code), String(fn))
  }
})

test('a secret never appears in an error message', () => {
  assert.throws(() => new k.ZeroHashCredentials('a', 'c2VjcmV0*', 'p'), (e) => !e.message.includes('c2VjcmV0'))
  assert.throws(() => k.EciesSecretKey.parse('p256', 'deadbeefdeadbeef'), (e) => !e.message.includes('deadbeef'))
})

test('wrong JS argument types are TypeErrors', () => {
  const sk = k.EciesSecretKey.generate('p256')
  const cases = [
    () => k.PrivateKey.fromPem(42),
    () => k.PublicKey.fromDer('not bytes'),
    () => k.EciesPublicKey.parse('p384', 'aa'),
    () => k.sealEnvelope(sk, Buffer.from('x')), // a secret key where the public one goes
    () => k.sealEnvelope({}, Buffer.from('x')),
    () => k.sealEnvelope(sk.publicKey(), 'text'),
    () => k.sealEnvelope(sk.publicKey(), Buffer.from('x'), { nonceLen: 'twelve' }),
    () => k.verifyStatusCallback(Buffer.from('{}'), 'cb82…', 0),
    () => k.verifyWebhook('sumsub', Buffer.from('s'), [['X-Payload-Digest', 'aa']], Buffer.alloc(0), 0),
    () => k.verifyWebhook('sumsub', Buffer.from('s'), [], Buffer.alloc(0), '1700000000'),
    () => k.jwks([k.EciesSecretKey.generate('p256')], []),
    () => k.verifyDidJwt('t', { audience: 'a' }, 'not a document', 0),
    () => k.zerohashSign('secret', 0, 'GET', '/', ''),
    () => k.PrivateKey.prototype.sign.call({}, Buffer.alloc(1)),
  ]
  for (const fn of cases) assert.throws(fn, TypeError, String(fn))
})

test('times: negative is MalformedInputError, fractional or NaN is a TypeError', () => {
  assert.throws(() => k.checkQrcodeExpiration(1_700_000_600, -1), isKy(k.MalformedInputError, 'malformed_input'))
  assert.throws(() => k.zerohashSigningMessage(-5, 'GET', '/', ''), isKy(k.MalformedInputError, 'malformed_input'))
  assert.throws(() => k.verifyWebhook('sumsub', Buffer.from('s'), [], Buffer.alloc(0), 0, { toleranceSecs: -1 }),
    isKy(k.MalformedInputError, 'malformed_input'))
  assert.throws(() => k.checkQrcodeExpiration(1_700_000_600, 1.5), TypeError)
  assert.throws(() => k.checkQrcodeExpiration(1_700_000_600, NaN), TypeError)
  assert.throws(() => k.verifyWebhook('sumsub', Buffer.from('s'), [], Buffer.alloc(0), 0, { toleranceSecs: 0.5 }), TypeError)
  assert.equal(k.zerohashSigningMessage(1_700_000_000, 'get', '/x', ''), '1700000000GET/x{}')
})

test('key classes print and serialize no key material and expose no handle', () => {
  const seed = Buffer.alloc(32, 0x42)
  const keys = [
    k.Ed25519SigningKey.fromSeed(seed),
    k.EciesSecretKey.fromBytes('secp256k1', seed),
    k.PrivateKey.fromPem(k.generatePrivateKeyPem('p256')),
    new k.ZeroHashCredentials('api', seed.toString('base64'), 'pass'),
    k.zerohashSecretFromBase64(seed.toString('base64')),
  ]
  for (const key of keys) {
    const name = key.constructor.name
    for (const s of [String(key), inspect(key), JSON.stringify({ key }), inspect(key, { showHidden: true, depth: 5 })]) {
      assert.ok(!s.includes('4242') && !s.includes('QkJC') && !s.includes('pass'), `${name}: ${s}`)
    }
    assert.equal(String(key), `[${name}]`)
    assert.deepEqual(Object.keys(key), [])
    assert.deepEqual(Object.getOwnPropertySymbols(key), [])
  }
  assert.throws(() => new k.PublicKey(), TypeError)
})

test('ECIES envelope round trip, and a wrong key is DecryptionFailedError', () => {
  const cak = k.EciesSecretKey.generate(k.Curve.P256)
  const pii = Buffer.from('{"dob":"1986-09-06"}')
  const env = k.sealEnvelope(cak.publicKey(), pii)
  assert.deepEqual(k.envelopeInfo(env), {
    curve: 'p256',
    options: { compressedEphemeralKey: false, compressedHkdfInput: false, nonceLen: 16 },
  })
  assert.ok(k.openEnvelope(cak, env).equals(pii))
  const b64 = k.sealEnvelopeBase64(cak.publicKey(), pii, { nonceLen: 12, compressedEphemeralKey: true })
  assert.ok(k.openEnvelopeBase64(cak, b64).equals(pii))
  const other = k.EciesSecretKey.generate('p256')
  assert.throws(() => k.openEnvelope(other, env), isKy(k.DecryptionFailedError, 'decryption_failed'))
  assert.throws(() => k.sealEnvelope(cak.publicKey(), pii, { nonceLen: 300 }), isKy(k.InvalidArgumentError, 'invalid_argument'))
})

test('README: CorePass status callback with a PinnedConnector', () => {
  const c = vectorCase('corepass.json', 'status-accepted-upstream')
  const connector = k.PinnedConnector.parse(c.inputs.connector)
  const v = k.verifyStatusCallback(Buffer.from(c.inputs.body), connector, c.inputs.now)
  assert.equal(v.kind, 'status')
  assert.equal(v.status, 'ACCEPTED')
  assert.equal(v.user, c.output.user)
  assert.equal(typeof v.deadline, 'number')
  const tampered = Buffer.from(c.inputs.body.replace('ACCEPTED', 'REJECTED'))
  assert.throws(() => k.verifyStatusCallback(tampered, connector, c.inputs.now), k.KycryptError)
})

test('CorePass: replayUntil is deadline + skew, the last second a callback verifies', () => {
  const c = vectorCase('corepass.json', 'status-accepted-upstream')
  const connector = k.PinnedConnector.parse(c.inputs.connector)
  const body = Buffer.from(c.inputs.body)
  for (const skewSecs of [undefined, 0, 300]) {
    const options = skewSecs === undefined ? undefined : { skewSecs }
    const v = k.verifyStatusCallback(body, connector, c.inputs.now, options)
    assert.equal(v.replayUntil, c.output.deadline + (skewSecs ?? 30))
    assert.equal(v.replayUntil, c.output.replay_until + (skewSecs ?? 30) - 30)
    assert.equal(k.verifyStatusCallback(body, connector, v.replayUntil, options).replayKey, v.replayKey)
    assert.throws(() => k.verifyStatusCallback(body, connector, v.replayUntil + 1, options), isKy(k.ExpiredError, 'expired'))
  }
})

test('CorePass: a case-variant or unknown member is refused, naming the member only', () => {
  const c = vectorCase('corepass.json', 'status-accepted-upstream')
  const connector = k.PinnedConnector.parse(c.inputs.connector)
  const open = c.inputs.body.trimEnd().slice(0, -1)
  for (const [extra, member] of [
    ['"User": "ab06b37c90098790e90bbcd56a701e50ec8b51b6bd5e"', 'User'],
    ['"Status": "FINISH_SUCCESS"', 'Status'],
    ['"Deadline": 9999999999', 'Deadline'],
    ['"note": 1', 'note'],
  ]) {
    const body = Buffer.from(`${open},${extra}}`)
    assert.throws(() => k.verifyStatusCallback(body, connector, c.inputs.now), (e) =>
      isKy(k.MalformedInputError, 'malformed_input')(e) && e.message.includes(`"${member}"`) &&
      !/ab06b37c|FINISH_SUCCESS|9999999999/.test(e.message))
  }
  const d = vectorCase('corepass.json', 'data-upstream-infos-case-variant')
  assert.throws(() => k.verifyDataCallback(Buffer.from(d.inputs.body), k.PinnedConnector.parse(d.inputs.connector), d.inputs.now,
    { allowDeadlineOnly: true }), (e) => isKy(k.MalformedInputError, 'malformed_input')(e) && e.message.includes('"FieldValue"'))
})

test('README: KYC webhook from raw headers', () => {
  const c = vectorCase('webhooks.json', 'sumsub-hmac_sha1_hex')
  const rawHeaders = c.inputs.headers.flat() // Node's req.rawHeaders shape
  const headers = []
  for (let i = 0; i < rawHeaders.length; i += 2) headers.push({ name: rawHeaders[i], value: rawHeaders[i + 1] })
  const v = k.verifyWebhook('sumsub', Buffer.from(c.inputs.secret), headers, Buffer.from(c.inputs.body), c.inputs.now)
  assert.equal(v.provider, 'sumsub')
  assert.throws(() => k.verifyWebhook('sumsub', Buffer.from('wrong'), headers, Buffer.from(c.inputs.body), c.inputs.now),
    isKy(k.SignatureInvalidError, 'signature_invalid'))
})

test('README: partner JWT for x-partner-auth round-trips through a JWKS', () => {
  const key = k.PrivateKey.fromPem(k.generatePrivateKeyPem('p256'))
  const now = 1_700_000_000
  const token = k.signPartnerJwt(key, 'partner-key-1', { partnerId: 'acme', scope: 'issue' }, now, 300)
  const set = k.jwks([key.publicKey()], ['partner-key-1'])
  const claims = k.verifyPartnerJwtJwks(token, set, now + 10, 60)
  assert.equal(claims.partnerId, 'acme')
  assert.equal(claims.scope, 'issue')
  assert.equal(claims.extraJson, '{}')
  assert.throws(() => k.verifyPartnerJwt(token, key.publicKey(), now + 3600, 0), isKy(k.ExpiredError, 'expired'))
  assert.throws(() => k.signPartnerJwt(key, 'kid', { partnerId: 'a', scope: 's', extraJson: '[]' }, now, 300),
    isKy(k.InvalidArgumentError, 'invalid_argument'))
})

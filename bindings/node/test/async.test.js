'use strict'
// The Promise forms run on the libuv pool: same results as the sync forms, rejections
// mapped onto KycryptError subclasses, and the event loop keeps running meanwhile.

const test = require('node:test')
const assert = require('node:assert/strict')
const { kycrypt: k, isCode } = require('./helpers.js')

test('ECIES async forms round-trip with the sync ones', async () => {
  const cak = k.EciesSecretKey.generate('p256')
  const pub = cak.publicKey()
  const pii = Buffer.from('{"dob":"1986-09-06"}')
  assert.ok(k.eciesDecrypt(await k.eciesEncryptAsync(pii, pub), cak).equals(pii))
  assert.ok((await k.eciesDecryptAsync(k.eciesEncrypt(pii, pub), cak)).equals(pii))
  const opts = { nonceLen: 12, compressedEphemeralKey: true }
  assert.ok((await k.eciesDecryptAsync(await k.eciesEncryptAsync(pii, pub, opts), cak, opts)).equals(pii))
  assert.ok((await k.openEnvelopeAsync(await k.sealEnvelopeAsync(pii, pub), cak)).equals(pii))
  const b64 = await k.sealEnvelopeBase64Async(pii, pub)
  assert.equal(typeof b64, 'string')
  assert.ok(k.openEnvelopeBase64(b64, cak).equals(pii))
  const out = await k.openEnvelopeBase64Async(b64, cak)
  assert.ok(Buffer.isBuffer(out) && out.equals(pii))
})

test('async rejections are KycryptError subclasses', async () => {
  const cak = k.EciesSecretKey.generate('p256')
  const other = k.EciesSecretKey.generate('p256')
  const env = k.sealEnvelope(Buffer.from('x'), cak.publicKey())
  await assert.rejects(k.openEnvelopeAsync(env, other), isCode('decryption_failed'))
  await assert.rejects(k.openEnvelopeBase64Async('not base64!', cak), isCode('malformed_input'))
  await assert.rejects(k.sealEnvelopeAsync(Buffer.from('x'), cak.publicKey(), { nonceLen: 300 }), isCode('invalid_argument'))
  await assert.rejects(k.generatePrivateKeyPemAsync('dsa'), isCode('unsupported_algorithm'))
})

test('key generation and signing have Promise forms', async () => {
  const pem = await k.generatePrivateKeyPemAsync('p256')
  const key = k.PrivateKey.fromPem(pem)
  const msg = Buffer.from('to be signed')
  const sig = await key.signAsync(msg)
  assert.ok(Buffer.isBuffer(sig))
  key.publicKey().verify(msg, sig)
})

test('the event loop keeps running during an async ECIES encrypt of 10 MiB', async () => {
  const cak = k.EciesSecretKey.generate('p256')
  const image = Buffer.alloc(10 * 1024 * 1024, 0x5a)
  let ticks = 0
  const timer = setInterval(() => { ticks += 1 }, 1)
  try {
    const started = ticks
    const ct = await k.eciesEncryptAsync(image, cak.publicKey())
    assert.ok(ticks - started >= 2, `timer fired ${ticks - started} times during the async call`)
    assert.equal(ct.length, image.length + 65 + 16 + 16)
  } finally {
    clearInterval(timer)
  }
})

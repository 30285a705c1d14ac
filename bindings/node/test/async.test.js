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
  // Counts the event loop's turns while the call is pending: each turn's check phase runs one
  // setImmediate, which queues the next. Work done on the main thread (or a promise that is
  // already settled) gives 0 turns; on the thread pool the loop spins on until the result
  // arrives. Counted in turns, not 1 ms timer ticks: BoringSSL encrypts 10 MiB in a few ms,
  // and a tick count was at the mercy of the clock (a CI run saw 1 tick).
  let turns = 0
  let pending = true
  const spin = () => { if (pending) { turns += 1; setImmediate(spin) } }
  setImmediate(spin)
  try {
    const ct = await k.eciesEncryptAsync(image, cak.publicKey())
    assert.ok(turns >= 2, `the event loop turned ${turns} times during the async call`)
    assert.equal(ct.length, image.length + 65 + 16 + 16)
  } finally {
    pending = false
  }
})

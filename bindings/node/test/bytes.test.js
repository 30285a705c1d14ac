'use strict'
// Bytes across the boundary (src/bytes.rs, src/alloc.rs): inputs are read in place
// (any Uint8Array view, whatever its byteOffset), outputs are Buffers (small ones copied,
// large ones handed over), and large blocks reused after V8 collects a Buffer never
// alias a Buffer still alive.

const test = require('node:test')
const assert = require('node:assert/strict')
const crypto = require('node:crypto')
const v8 = require('node:v8')
const vm = require('node:vm')
const { kycrypt: k } = require('./helpers.js')

const hmac = (key, msg) => crypto.createHmac('sha256', key).update(msg).digest()

test('a view with a byteOffset is read from its offset, for its length', () => {
  const backing = crypto.randomBytes(4096)
  const key = new Uint8Array(backing.buffer, backing.byteOffset + 7, 32)
  const msg = backing.subarray(1000, 1000 + 333)
  assert.ok(k.hmacSha256(key, msg).equals(hmac(key, msg)))
  const empty = new Uint8Array(backing.buffer, backing.byteOffset + 50, 0)
  assert.ok(k.hmacSha256(key, empty).equals(hmac(key, Buffer.alloc(0))))
  assert.ok(k.hmacSha256(key, new Uint8Array(0)).equals(hmac(key, Buffer.alloc(0))))

  const cak = k.EciesSecretKey.generate('p256')
  const big = crypto.randomBytes(3 << 20)
  const view = big.subarray(12345, 12345 + (2 << 20))
  assert.ok(k.openEnvelope(k.sealEnvelope(view, cak.publicKey()), cak).equals(view))
})

test('a buffer detached by a later argument reads empty, never freed memory', () => {
  const cak = k.EciesSecretKey.generate('p256')
  const ab = new ArrayBuffer(1 << 20)
  const plaintext = new Uint8Array(ab).fill(7)
  // napi reads the options after the bytes: this getter detaches the bytes' buffer.
  const options = { get nonceLen() { structuredClone(ab, { transfer: [ab] }); return 16 } }
  const env = k.sealEnvelope(plaintext, cak.publicKey(), options)
  assert.equal(ab.byteLength, 0)
  assert.equal(k.openEnvelope(env, cak).length, 0)
})

test('outputs are Buffers, small and large, and round-trip', async () => {
  const cak = k.EciesSecretKey.generate('p256')
  const pub = cak.publicKey()
  for (const len of [0, 1, 1000, 16 * 1024 - 200, 16 * 1024 + 1, 1 << 20, (1 << 20) + 4093]) {
    const msg = crypto.randomBytes(len)
    const env = k.sealEnvelope(msg, pub)
    assert.ok(Buffer.isBuffer(env), `${len}`)
    const pt = k.openEnvelope(env, cak)
    assert.ok(Buffer.isBuffer(pt) && pt.equals(msg), `${len}`)
    const pt2 = await k.openEnvelopeAsync(await k.sealEnvelopeAsync(msg, pub), cak)
    assert.ok(Buffer.isBuffer(pt2) && pt2.equals(msg), `${len} async`)
  }
  assert.ok(Buffer.isBuffer(k.hmacSha256(Buffer.from('k'), Buffer.from('m'))))
})

test('inputs other than a Uint8Array are TypeErrors', () => {
  const key = Buffer.alloc(32)
  for (const bad of [new Uint16Array(4), new DataView(new ArrayBuffer(4)), new ArrayBuffer(4), [1, 2], 'ab', null]) {
    assert.throws(() => k.hmacSha256(key, bad), TypeError, String(bad))
  }
})

test('reused large blocks never alias a live Buffer', async () => {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc')
  const cak = k.EciesSecretKey.generate('p256')
  const pub = cak.publicKey()
  const msg = crypto.randomBytes((1 << 20) + 100)
  const kept = []
  for (let round = 0; round < 6; round++) {
    // Garbage of the same size, collected (its finalizers run on the next turn)...
    for (let i = 0; i < 3; i++) k.sealEnvelope(msg, pub)
    gc()
    await new Promise((resolve) => setImmediate(resolve))
    // ...then new outputs, some kept alive across rounds.
    const env = k.sealEnvelope(msg, pub)
    kept.push([env, Buffer.from(env)])
    const pt = k.openEnvelope(env, cak)
    assert.ok(pt.equals(msg))
    pt.fill(0)
  }
  for (const [env, copy] of kept) {
    assert.ok(env.equals(copy), 'a kept output changed')
    assert.ok(k.openEnvelope(env, cak).equals(msg))
  }
})

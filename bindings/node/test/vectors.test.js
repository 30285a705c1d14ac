'use strict'
// Runs every test-vectors/*.json case through the Node binding, dispatching on `op`.
//
// Ops without an entry in OPS are counted as "not bound" and reported; with
// KYCRYPT_STRICT_OPS=1 they fail the run. To bind an op, add an entry: it receives
// the case's inputs and returns an object of outputs (hex strings for bytes) to
// compare with the case's `output`, or throws the library's error.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { kycrypt, VECTORS_DIR } = require('./helpers.js')

const hex = (s) => Buffer.from(s, 'hex')

function hmacKey(inputs) {
  return inputs.key_b64 !== undefined ? kycrypt.HmacKey.fromBase64(inputs.key_b64) : new kycrypt.HmacKey(hex(inputs.key))
}

const OPS = {
  'hmac.sign': (i) => ({ tag: hmacKey(i).sign(i.alg, hex(i.msg)).toString('hex') }),
  'hmac.verify': (i) => {
    hmacKey(i).verify(i.alg, hex(i.msg), hex(i.tag))
    return {}
  },
}

/** Compares expected output members; `<name>_prefix` means output `<name>` starts with it. */
function checkOutput(c, got) {
  for (const [k, want] of Object.entries(c.output || {})) {
    if (k.endsWith('_prefix') && !(k in got)) {
      const base = k.slice(0, -'_prefix'.length)
      assert.ok(String(got[base]).startsWith(want), `${c.id}: ${base} does not start with ${want}`)
    } else {
      assert.deepEqual(got[k], want, `${c.id}: output ${k}`)
    }
  }
}

function runCase(c) {
  let got
  try {
    got = OPS[c.op](c.inputs)
  } catch (e) {
    if (c.expected === 'valid') throw new Error(`${c.id}: expected valid, got ${e.code}: ${e.message}`)
    assert.ok(e instanceof kycrypt.KycryptError, `${c.id}: not a KycryptError: ${e}`)
    assert.equal(e.code, c.error_code, `${c.id}: error code`)
    assert.ok(e instanceof kycrypt.ERRORS_BY_CODE[c.error_code], `${c.id}: error class`)
    return
  }
  assert.equal(c.expected, 'valid', `${c.id}: expected ${c.error_code}, got success`)
  checkOutput(c, got)
}

const files = fs.readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.json')).sort()
const notBound = new Map()
let ran = 0

test('test-vectors directory has files', () => {
  assert.ok(files.length > 0, `no vector files in ${VECTORS_DIR}`)
})

for (const file of files) {
  const doc = JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8'))
  test(file, () => {
    assert.equal(doc.schema, 'kycrypt-vectors/1')
    for (const c of doc.cases) {
      if (!(c.op in OPS)) {
        notBound.set(c.op, (notBound.get(c.op) || 0) + 1)
        continue
      }
      runCase(c)
      ran += 1
    }
  })
}

test('summary: bound ops ran, unbound ops reported', () => {
  const unbound = [...notBound.entries()].map(([op, n]) => `${op} (${n})`).join(', ')
  console.log(`vectors: ${ran} cases ran; not bound: ${unbound || 'none'}`)
  assert.ok(ran > 0, 'no vector case ran')
  if (process.env.KYCRYPT_STRICT_OPS === '1') assert.equal(notBound.size, 0, `ops not bound: ${unbound}`)
})

// CommonJS consumer: `require('kycrypt')` and the types of index.d.cts.
import assert = require('node:assert/strict')
import kycrypt = require('kycrypt')

const key = new kycrypt.HmacKey(Buffer.from('Jefe'))
const tag: Buffer = key.sign('sha256', new TextEncoder().encode('what do ya want for nothing?'))
assert.equal(tag.toString('hex'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
try {
  key.verify('sha256', Buffer.from('tampered'), tag)
  assert.fail('verified a wrong tag')
} catch (e) {
  assert.ok(e instanceof kycrypt.SignatureInvalidError)
  const code: 'signature_invalid' = e.code
  assert.equal(code, 'signature_invalid')
}
console.log('consumer (CommonJS): ok')

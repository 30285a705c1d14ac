// Sign a Zero Hash API request (client side), and check it the way a server would.
import assert from 'node:assert/strict'
import { ZeroHashCredentials, zerohashSecretFromBase64, zerohashVerifyRequest, TimestampOutOfWindowError } from 'kycrypt'

const secretB64 = Buffer.from('zero-hash-api-secret').toString('base64') // from your vault
const creds = new ZeroHashCredentials('my-api-key', secretB64, 'my-passphrase')

const now = Math.floor(Date.now() / 1000)
const body = JSON.stringify({ symbol: 'BTC/USD', side: 'buy', quantity: '0.01' })
const h = creds.signRequest('POST', '/orders/v1/rfq', body, now)
const headers = {
  'X-SCX-API-KEY': h.xScxApiKey,
  'X-SCX-SIGNED': h.xScxSigned,
  'X-SCX-TIMESTAMP': h.xScxTimestamp,
  'X-SCX-PASSPHRASE': h.xScxPassphrase,
}
console.log(`${h}`) // SignedHeaders { …, x_scx_signed: <redacted>, …, x_scx_passphrase: <redacted> }

// Server side (or a test of your client): the same secret verifies it.
const v = zerohashVerifyRequest(headers, 'POST', '/orders/v1/rfq', body, zerohashSecretFromBase64(secretB64), now)
assert.equal(v.timestamp, now)
assert.equal(v.apiKey, 'my-api-key')
// A request replayed ten minutes later is refused.
assert.throws(
  () => zerohashVerifyRequest(headers, 'POST', '/orders/v1/rfq', body, zerohashSecretFromBase64(secretB64), now + 600),
  TimestampOutOfWindowError,
)
console.log('zerohash-sign-request: ok')

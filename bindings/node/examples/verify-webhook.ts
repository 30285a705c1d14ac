// Verify KYC provider webhooks (Sumsub, Onfido, Veriff, Persona) over the raw body bytes,
// before any JSON parsing. In an HTTP server: verifyWebhook(provider, req.headers, rawBody, …).
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { HmacKey, KycryptError, verifyWebhook, type Provider, type Headers } from 'kycrypt'

const now = Math.floor(Date.now() / 1000)
const secretText = 'webhook-secret-from-the-dashboard'
const secret = new HmacKey(Buffer.from(secretText))
const body = Buffer.from('{"applicantId":"5cb56e8e0a975a35f333cb83","type":"applicantReviewed"}')
const hex = (data: string | Buffer) => createHmac('sha256', secretText).update(data).digest('hex')

// What each provider sends (as Node's req.headers: lower-case names).
const sent: Array<[Provider, Headers]> = [
  ['sumsub', { 'x-payload-digest': hex(body), 'x-payload-digest-alg': 'HMAC_SHA256_HEX' }],
  ['onfido', { 'x-sha2-signature': hex(body) }],
  ['veriff', { 'x-hmac-signature': hex(body) }],
  ['persona', { 'persona-signature': `t=${now},v1=${hex(`${now}.${body}`)}` }],
]
for (const [provider, headers] of sent) {
  const v = verifyWebhook(provider, headers, body, secret, now)
  assert.equal(v.provider, provider)
  console.log(provider, v.scheme, v.timestamp ?? '-')
  // One changed byte and it is refused.
  const tampered = Buffer.from(body.toString().replace('Reviewed', 'Rejected'))
  assert.throws(() => verifyWebhook(provider, headers, tampered, secret, now), (e) => e instanceof KycryptError && e.code === 'signature_invalid')
}
// Persona signs a timestamp: an old delivery is refused.
const [, personaHeaders] = sent[3]!
assert.throws(() => verifyWebhook('persona', personaHeaders, body, secret, now + 3600), (e) => e instanceof KycryptError && e.code === 'timestamp_out_of_window')
console.log('verify-webhook: ok')

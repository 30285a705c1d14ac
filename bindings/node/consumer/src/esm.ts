// ESM consumer: `import … from 'kycrypt'` and the types of index.d.mts.
import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import {
  ERRORS_BY_CODE,
  type ErrorCode,
  HmacKey,
  KycryptError,
  type CorePassStatus,
  type VerifiedCallback,
  type VerifiedWebhook,
  eciesEncryptAsync,
  EciesSecretKey,
  eciesDecrypt,
  type WebhookScheme,
  ZeroHashCredentials,
  errorCodes,
  hazmat,
  verifyWebhook,
} from 'kycrypt'

// err.code is the string-literal union ErrorCode, and a subclass narrows it.
function describe(e: unknown): ErrorCode | 'not kycrypt' {
  if (!(e instanceof KycryptError)) return 'not kycrypt'
  switch (e.code) {
    case 'signature_invalid':
    case 'expired':
      return e.code
    default:
      return e.code
  }
}
const codes: ErrorCode[] = errorCodes()
for (const code of codes) {
  try {
    hazmat.testError(code)
  } catch (e) {
    assert.equal(describe(e), code)
    assert.ok(e instanceof ERRORS_BY_CODE[code])
  }
}

// Webhook results: `scheme` is a union of strings.
const secret = new HmacKey(Buffer.from('onfido-secret'))
const body = Buffer.from('{"payload":{}}')
const { createHmac } = await import('node:crypto')
const sig = createHmac('sha256', 'onfido-secret').update(body).digest('hex')
const v: VerifiedWebhook = verifyWebhook('onfido', { 'x-sha2-signature': sig }, body, secret, 1_700_000_000)
const scheme: WebhookScheme = v.scheme
assert.equal(scheme, 'hmac-sha256-hex')
// @ts-expect-error: not a scheme
const notAScheme: WebhookScheme = 'hmac-md5'
void notAScheme

// Results with a kind are discriminated unions: `kind` narrows.
function statusOf(r: VerifiedCallback): CorePassStatus | undefined {
  if (r.kind === 'status') return r.status
  // @ts-expect-error: only the status variant has `status`
  void r.status
  return undefined
}
void statusOf

// Promise forms: Buffer out, rejections are KycryptError subclasses.
const cak = EciesSecretKey.generate('p256')
const ct: Buffer = await eciesEncryptAsync(new Uint8Array([1, 2, 3]), cak.publicKey())
assert.deepEqual([...eciesDecrypt(ct, cak)], [1, 2, 3])

// Redacted records print their redacted text.
const h = new ZeroHashCredentials('api', Buffer.from('s3cret').toString('base64'), 'hunter2-passphrase').signRequest('GET', '/x', '', 1_700_000_000)
assert.ok(!inspect(h).includes('hunter2') && h.xScxPassphrase === 'hunter2-passphrase')
console.log('consumer (ESM): ok')

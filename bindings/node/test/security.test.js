'use strict'
// Security round 2 (issue 13) through the Node binding: empty HMAC secrets, bounded JWT
// lifetimes, fractional NumericDates and JWKS selection. Tokens and keys are the
// PyJWT-made cases of test-vectors/jwt.json; each test fails if the rule leaves the core.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { kycrypt: k, VECTORS_DIR, isCode } = require('./helpers.js')

const JWT = Object.fromEntries(
  JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, 'jwt.json'), 'utf8')).cases.map((c) => [c.id, c])
)
const is = (_Cls, code) => isCode(code)

function partner(id) {
  const i = JWT[id].inputs
  if (i.jwks) return k.verifyPartnerJwtJwks(i.token, i.jwks, i.now)
  return k.verifyPartnerJwt(i.token, k.PublicKey.fromPemOrJwk(i.key), i.now)
}

test('an empty HMAC secret is invalid_key everywhere', () => {
  // process.env.SUMSUB_WEBHOOK_SECRET ?? '' must never verify HMAC('', body).
  const empty = Buffer.from(process.env.KYCRYPT_UNSET_SECRET_FOR_TEST ?? '')
  assert.throws(() => new k.HmacKey(empty), is(k.InvalidKeyError, 'invalid_key'))
  assert.throws(() => k.hmacSha256(empty, Buffer.from('body')), is(k.InvalidKeyError, 'invalid_key'))
  assert.throws(() => k.HmacKey.fromBase64(''), is(k.InvalidKeyError, 'invalid_key'))
  assert.throws(() => new k.ZeroHashCredentials('api-key', '', 'passphrase'), is(k.InvalidKeyError, 'invalid_key'))
})

test('partner JWTs: iat required, lifetime at most 900 s, dates may be fractional', () => {
  for (const id of ['trap-no-iat', 'trap-lifetime-901', 'trap-forever-no-iat', 'trap-exp-string']) {
    assert.throws(() => partner(id), is(k.MalformedTokenError, 'malformed_token'), id)
  }
  assert.equal(partner('partner-fractional-times').partnerId, 'partner-123')
  assert.equal(partner('partner-lifetime-900').partnerId, 'partner-123')
  assert.throws(() => partner('partner-fractional-exp-floor'), is(k.ExpiredError, 'expired'))
})

test('generic JwtValidation: lifetime options', () => {
  const i = JWT['trap-lifetime-901'].inputs
  const key = k.PublicKey.fromPemOrJwk(i.key)
  k.verifyJwt(i.token, key, i.now, {}) // one day by default
  assert.throws(() => k.verifyJwt(i.token, key, i.now, { maxLifetimeSecs: 900 }), is(k.MalformedTokenError, 'malformed_token'))
  assert.throws(
    () => k.verifyJwt(i.token, key, i.now, { maxLifetimeSecs: 900, allowUnboundedLifetime: true }),
    is(k.InvalidArgumentError, 'invalid_argument')
  )
  const noIat = JWT['trap-no-iat'].inputs
  assert.throws(() => k.verifyJwt(noIat.token, key, noIat.now, { requireIat: true }), is(k.MalformedTokenError, 'malformed_token'))
  const forever = JWT['trap-forever-no-iat'].inputs
  assert.throws(() => k.verifyJwt(forever.token, key, forever.now, null), is(k.MalformedTokenError, 'malformed_token'))
  k.verifyJwt(forever.token, key, forever.now, { allowUnboundedLifetime: true })
})

test('JWKS: key_ops without verify is skipped, an ambiguous kid is refused', () => {
  assert.throws(() => partner('partner-jwks-key-ops-without-verify'), is(k.KeyNotFoundError, 'key_not_found'))
  assert.equal(partner('partner-jwks-key-ops-verify').partnerId, 'partner-123')
  assert.throws(() => partner('partner-jwks-ambiguous-kid'), (e) => is(k.InvalidKeyError, 'invalid_key')(e) && /more than one/.test(e.message))
})

// Mint a Moca partner JWT (`x-partner-auth`), publish the public key as a JWKS, and
// verify the token the way Moca does: against the JWKS, and against the pinned key.
import assert from 'node:assert/strict'
import { ExpiredError, PrivateKey, generatePrivateKeyPemAsync, jwks, signPartnerJwt, verifyPartnerJwt, verifyPartnerJwtJwks } from 'kycrypt'

// Once: generate the partner key (on the libuv pool) and store the PEM as a secret.
const pem = await generatePrivateKeyPemAsync('p256')
const key = PrivateKey.fromPem(pem)

// Publish the public part as a JWKS (e.g. at https://partner.example/.well-known/jwks.json).
const jwksJson = jwks([key.publicKey()], ['partner-key-1'])
assert.equal(JSON.parse(jwksJson).keys[0].kid, 'partner-key-1')

// Per request: a short-lived token.
const now = Math.floor(Date.now() / 1000)
const token = signToken(now)
function signToken(at: number): string {
  return signPartnerJwt({ partnerId: 'acme', scope: 'issue', email: 'ops@acme.example' }, key, at, { kid: 'partner-key-1', ttlSecs: 300 })
}

// What the verifier does, with the JWKS or with the pinned key.
const claims = verifyPartnerJwtJwks(token, jwksJson, now + 10)
assert.equal(claims.partnerId, 'acme')
assert.equal(claims.scope, 'issue')
assert.equal(claims.email, 'ops@acme.example')
console.log(`${claims}`) // the email and extra claims print as <redacted>
assert.equal(verifyPartnerJwt(token, key.publicKey(), now + 10).partnerId, 'acme')
// An hour later the token has expired.
assert.throws(() => verifyPartnerJwtJwks(token, jwksJson, now + 3600), ExpiredError)
console.log('moca-partner-jwt: ok')


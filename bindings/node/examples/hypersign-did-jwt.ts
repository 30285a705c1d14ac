// Verify a Hypersign DID-JWT: here issued by a did:key (resolved offline); a did:hid
// issuer needs its resolved DID document (DidDocument.fromJson(json)).
import assert from 'node:assert/strict'
import { AudienceMismatchError, Ed25519SigningKey, encodeEd25519Multibase, signDidJwt, verifyDidJwt } from 'kycrypt'

// The issuer side (a wallet or an issuer service).
const issuerKey = Ed25519SigningKey.generate()
const did = `did:key:${encodeEd25519Multibase(issuerKey.publicKey())}`
const now = Math.floor(Date.now() / 1000)
const token = signDidJwt(
  { issuer: did, audience: 'https://verifier.example', claimsJson: JSON.stringify({ kycLevel: 2 }) },
  issuerKey,
  now,
  { ttlSecs: 120 },
)

// The verifier side.
const v = verifyDidJwt(token, null, now + 5, { audience: 'https://verifier.example' })
assert.equal(v.issuer, did)
assert.equal(JSON.parse(v.claimsJson).kycLevel, 2)
console.log(`${v}`) // the claims print as <redacted>
// A token for another audience is refused.
assert.throws(() => verifyDidJwt(token, null, now + 5, { audience: 'https://other.example' }), AudienceMismatchError)
console.log('hypersign-did-jwt: ok')

// Verify a CorePass (Connector v1) status callback against the pinned Connector key, with
// replay protection: the first delivery is accepted, the same callback again is refused
// by its replay key. The callback is the real one printed in the CorePass docs.
import assert from 'node:assert/strict'
import { PinnedConnector, verifyCorepassCallback, type VerifiedCallback } from 'kycrypt'

// Pin the Connector once, at startup (its Core address or its Ed448 public key in hex).
const connector = PinnedConnector.parse(
  'ecbce702f4d8548ef8b3fe672d5a58e83e23f55d69a90739904e5793e32bbadaacef919c284d555d84e95f11f21da607e4880d9ae7b6143980',
)
const rawBody = Buffer.from(`{
"user": "ab148af5f9cdad10beddb05fbec4a3bef02577130e56",
"fields": [
"21148787cbc13cfc8acde462c822ff431af96aa2edf714fdc82f90e4c2918824"
],
"status": "ACCEPTED",
"expiration": 1677255563,
"deadline": 1677255437,
"signature": "nNDY/bcxyo744eJVYj2l3vHuntrPwf+clgVhW1oalfBA5fJKCcuEHAnO+vonA8egSgH9dK3T8LUAmdR3obb4DzAoOIOxL/K/dbtTloDNAQ4Njjfvo306GDdEwEI9hv532awZ7VBrYcuoIuqWcyk5cTAA7LznAvTYVI74s/5nLVpY6D4j9V1pqQc5kE5Xk+Mrutqs75GcKE1VXYTpXxHyHaYH5IgNmue2FDmA"
}`)
const now = 1677255377 // the docs' time; in a server: Math.floor(Date.now() / 1000)

/** Replay keys seen, each kept until its `replayUntil` (use Redis/SQL with a TTL in production). */
const seen = new Map<string, number>()

function handle(body: Buffer, at: number): VerifiedCallback {
  const cb = verifyCorepassCallback('status', body, connector, at)
  for (const [key, until] of seen) if (until < at) seen.delete(key)
  if (seen.has(cb.replayKey)) throw new Error(`replayed callback ${cb.replayKey}`)
  seen.set(cb.replayKey, cb.replayUntil)
  return cb
}

const cb = handle(rawBody, now)
// `kind` discriminates the result: after this check, `cb.status` is typed CorePassStatus.
assert.equal(cb.kind, 'status')
if (cb.kind === 'status') {
  assert.equal(cb.status, 'ACCEPTED')
  console.log(cb.user, cb.status, cb.coverage, `replay key kept until ${cb.replayUntil}`)
}
// The same callback delivered again (a retry or an attacker) is refused by its replay key.
assert.throws(() => handle(rawBody, now + 5), /replayed callback/)
// A changed status no longer verifies.
assert.throws(() => handle(Buffer.from(rawBody.toString().replace('ACCEPTED', 'INITIATED')), now), (e) => e instanceof Error && 'code' in e)
console.log('corepass-callback: ok')

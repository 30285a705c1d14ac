// Encrypt an ID document image (1 MiB) to a Moca CAK key and decrypt it, with the
// Promise forms: the work runs on the libuv pool, so the server keeps serving meanwhile.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { DecryptionFailedError, EciesSecretKey, envelopeInfo, openEnvelopeAsync, sealEnvelopeAsync } from 'kycrypt'

// The CAK key pair (in production: EciesSecretKey.fromPem('p256', pemFromYourVault)).
const cak = EciesSecretKey.generate('p256')
const recipient = cak.publicKey()

const image = randomBytes(1024 * 1024) // the ID image bytes
let ticks = 0
const timer = setInterval(() => (ticks += 1), 1)
const envelope = await sealEnvelopeAsync(image, recipient)
const opened = await openEnvelopeAsync(envelope, cak)
clearInterval(timer)

assert.ok(opened.equals(image))
const info = envelopeInfo(envelope) // the header records the curve and the options
assert.equal(info.curve, 'p256')
console.log(`sealed ${image.length} bytes into ${envelope.length} (${info.curve}); event loop ticked ${ticks}x meanwhile`)

// Another key cannot open it.
await assert.rejects(openEnvelopeAsync(envelope, EciesSecretKey.generate('p256')), DecryptionFailedError)
console.log('ecies-id-image: ok')

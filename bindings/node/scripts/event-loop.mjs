// Event-loop responsiveness during ECIES encryption of 10 MiB (an ID image) to a P-256
// CAK key: a 1 ms interval timer counts its ticks and the longest gap between two ticks,
// once around the sync eciesEncrypt and once around eciesEncryptAsync (libuv pool).
// Prints numbers only; test/async.test.js asserts that the timer fires during the async
// call, never a timing threshold.
//
// Usage: node scripts/event-loop.mjs [path to the kycrypt package, default: this checkout]
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'

const k = createRequire(import.meta.url)(resolve(process.argv[2] ?? new URL('..', import.meta.url).pathname))

/** Runs `op` while a 1 ms interval ticks: { ms, ticks, maxGapMs }. */
async function measure(op) {
  let ticks = 0
  let last = performance.now()
  let maxGap = 0
  const timer = setInterval(() => {
    const t = performance.now()
    maxGap = Math.max(maxGap, t - last)
    last = t
    ticks += 1
  }, 1)
  await new Promise((r) => setTimeout(r, 5)) // let the timer start
  ticks = 0
  maxGap = 0
  last = performance.now()
  const start = performance.now()
  await op()
  const ms = performance.now() - start
  maxGap = Math.max(maxGap, performance.now() - last)
  clearInterval(timer)
  return { ms: Math.round(ms), ticks, maxGapMs: Math.round(maxGap) }
}

const key = k.EciesSecretKey.generate('p256')
const image = Buffer.alloc(10 * 1024 * 1024, 0x5a)
const sync = await measure(() => k.eciesEncrypt(image, key.publicKey()))
const async_ = await measure(() => k.eciesEncryptAsync(image, key.publicKey()))
console.log(`event loop during ECIES encrypt of 10 MiB (1 ms timer):`)
console.log(`  sync  eciesEncrypt:      ${sync.ms} ms, timer fired ${sync.ticks}x, max gap ${sync.maxGapMs} ms`)
console.log(`  async eciesEncryptAsync: ${async_.ms} ms, timer fired ${async_.ticks}x, max gap ${async_.maxGapMs} ms`)
export { measure }

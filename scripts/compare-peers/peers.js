'use strict'
// Times Node peers (crypto, jsonwebtoken, jose) and kycrypt's Node bindings.
//
// Usage: NODE_PATH=<dir with jsonwebtoken, jose> node peers.js ROOT
// Prints one JSON object: {name: {ns} | {na: reason}}. Each section is independent:
// a missing module or export yields "na" rows, never a crash. kycrypt names are the
// npm package's (bindings/node/index.cjs, generated from bindings/shared).

const fs = require('node:fs')
const path = require('node:path')
const crypto = require('node:crypto')

const ROOT = path.resolve(process.argv[2] || '.')
const BUDGET = Number(process.env.PEER_BUDGET || '0.5') // seconds per repeat
const results = {}

function vector(file, id) {
  const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'test-vectors', `${file}.json`), 'utf8'))
  return doc.cases.find((c) => c.id === id).inputs
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const now = () => process.hrtime.bigint()

/** Median over 5 repeats of the mean per-call ns; `fn` may return a promise. */
async function timeit(fn) {
  await fn()
  let t0 = now()
  await fn()
  const one = Math.max(Number(now() - t0), 1)
  const n = Math.max(1, Math.floor((BUDGET * 1e9) / one))
  const isAsync = fn() instanceof Promise
  const reps = []
  for (let r = 0; r < 5; r++) {
    t0 = now()
    if (isAsync) for (let i = 0; i < n; i++) await fn()
    else for (let i = 0; i < n; i++) fn()
    reps.push(Number(now() - t0) / n)
  }
  return median(reps)
}

async function bench(name, fn) {
  try {
    results[name] = { ns: await timeit(fn) }
  } catch (e) {
    results[name] = { na: `${e && e.name}: ${e && e.message}`.slice(0, 160) }
  }
}

function na(names, reason) {
  for (const n of names) if (!(n in results)) results[n] = { na: String(reason).slice(0, 160) }
}

async function section(rows, body) {
  try {
    await body()
  } catch (e) {
    na(rows, `${e && e.name}: ${e && e.message}`)
  }
}

const RS = vector('jwt', 'sign-rs256-issue-300')
const ES = vector('jwt', 'sign-es256-roundtrip')
const STATUS = vector('corepass', 'status-accepted-upstream')
const MSG16 = Buffer.alloc(16, 0xa5)
const KEY32 = Buffer.alloc(32, 0x4b)
const TEN_MIB = Buffer.alloc(10 * 1024 * 1024, 0x6b)
const NOW = Math.floor(Date.now() / 1000)
const tokens = {}

/** jose is ESM; a bare `import('jose')` ignores NODE_PATH, so resolve it first. */
async function loadJose() {
  try {
    return require('jose')
  } catch (_) {
    const { pathToFileURL } = require('node:url')
    return import(pathToFileURL(require.resolve('jose')).href)
  }
}

async function peers() {
  await bench('node.hmac_sha256_16', () => crypto.createHmac('sha256', KEY32).update(MSG16).digest())

  const recipient = crypto.createECDH('prime256v1')
  recipient.setPrivateKey(Buffer.alloc(32, 0x3c))
  const rpub = recipient.getPublicKey()
  const hkdf = (ikm) => Buffer.from(crypto.hkdfSync('sha256', ikm, Buffer.alloc(0), Buffer.alloc(0), 32))
  const enc = (pt) => {
    const eph = crypto.createECDH('prime256v1')
    const ephPub = eph.generateKeys()
    const key = hkdf(Buffer.concat([ephPub, eph.computeSecret(rpub)]))
    const iv = crypto.randomBytes(16)
    const c = crypto.createCipheriv('aes-256-gcm', key, iv)
    const body = Buffer.concat([c.update(pt), c.final()])
    return Buffer.concat([ephPub, iv, c.getAuthTag(), body])
  }
  const dec = (ct) => {
    const ephPub = ct.subarray(0, 65)
    const key = hkdf(Buffer.concat([ephPub, recipient.computeSecret(ephPub)]))
    const d = crypto.createDecipheriv('aes-256-gcm', key, ct.subarray(65, 81))
    d.setAuthTag(ct.subarray(81, 97))
    return Buffer.concat([d.update(ct.subarray(97)), d.final()])
  }
  const ct = enc(TEN_MIB)
  if (!dec(ct).equals(TEN_MIB)) throw new Error('node ECIES roundtrip')
  await bench('node.crypto.ecies_p256_encrypt_10MiB', () => enc(TEN_MIB))
  await bench('node.crypto.ecies_p256_decrypt_10MiB', () => dec(ct))

  for (const [alg, inp] of [['rs256', RS], ['es256', ES]]) {
    const A = alg.toUpperCase()
    const key = crypto.createPrivateKey(inp.key)
    const pub = crypto.createPublicKey(key)
    const claims = { partnerId: inp.partner_id, scope: inp.scope, email: inp.email, iat: NOW, exp: NOW + 300 }
    await section([`node.jsonwebtoken.sign_${alg}`, `node.jsonwebtoken.verify_${alg}`], async () => {
      const jwt = require('jsonwebtoken')
      const opts = { algorithm: A, keyid: inp.kid, header: { typ: 'JWT' } }
      const token = jwt.sign(claims, key, opts)
      tokens[alg] = token
      await bench(`node.jsonwebtoken.sign_${alg}`, () => jwt.sign(claims, key, opts))
      await bench(`node.jsonwebtoken.verify_${alg}`, () => jwt.verify(token, pub, { algorithms: [A] }))
    })
    await section([`node.jose.sign_${alg}`, `node.jose.verify_${alg}`], async () => {
      const jose = await loadJose()
      const sign = () => new jose.SignJWT(claims).setProtectedHeader({ alg: A, kid: inp.kid, typ: 'JWT' }).sign(key)
      const token = await sign()
      await bench(`node.jose.sign_${alg}`, sign)
      await bench(`node.jose.verify_${alg}`, () => jose.jwtVerify(token, pub, { algorithms: [A] }))
    })
  }
}

async function bindings() {
  const rows = ['node.kycrypt.noop', 'node.kycrypt.hmac_sha256_16', 'node.kycrypt.sign_rs256',
    'node.kycrypt.verify_rs256', 'node.kycrypt.sign_es256', 'node.kycrypt.verify_es256',
    'node.kycrypt.verify_status_callback', 'node.kycrypt.ecies_p256_encrypt_10MiB',
    'node.kycrypt.ecies_p256_decrypt_10MiB', 'node.kycrypt.ecies_p256_encrypt_10MiB_async',
    'node.kycrypt.ecies_p256_decrypt_10MiB_async']
  let lib
  try {
    lib = require(path.join(ROOT, 'bindings/node/index.cjs'))
  } catch (e) {
    return na(rows, `require kycrypt failed: ${e.message}`)
  }
  const api = (name) => {
    const v = lib[name]
    if (v === undefined) throw new Error(`kycrypt (node) has no ${name}`)
    return v
  }
  // The per-call floor: hazmat.noop (no argument, no result), through the same
  // error-mapping wrapper as every other call.
  await section(['node.kycrypt.noop'], async () => {
    const f = api('hazmat').noop
    if (f() !== undefined) throw new Error('hazmat.noop() returned something')
    await bench('node.kycrypt.noop', () => f())
  })
  await section(['node.kycrypt.hmac_sha256_16'], async () => {
    const f = api('hmacSha256')
    if (!Buffer.from(f(KEY32, MSG16)).equals(crypto.createHmac('sha256', KEY32).update(MSG16).digest())) {
      throw new Error('hmacSha256 result differs')
    }
    await bench('node.kycrypt.hmac_sha256_16', () => f(KEY32, MSG16))
  })
  for (const [alg, inp] of [['rs256', RS], ['es256', ES]]) {
    await section([`node.kycrypt.sign_${alg}`, `node.kycrypt.verify_${alg}`], async () => {
      const key = api('PrivateKey').fromPem(inp.key)
      const claims = { partnerId: inp.partner_id, scope: inp.scope, email: inp.email, extraJson: '{}' }
      const sign = api('signPartnerJwt')
      const verify = api('verifyPartnerJwt')
      const opts = { ttlSecs: 300, kid: inp.kid }
      await bench(`node.kycrypt.sign_${alg}`, () => sign(claims, key, NOW, opts))
      const token = tokens[alg] || sign(claims, key, NOW, opts)
      const pub = key.publicKey()
      const strict = { leewaySecs: 0 }
      verify(token, pub, NOW, strict)
      await bench(`node.kycrypt.verify_${alg}`, () => verify(token, pub, NOW, strict))
    })
  }
  await section(['node.kycrypt.verify_status_callback'], async () => {
    const pinned = api('PinnedConnector').parse(STATUS.connector)
    const f = api('verifyCorepassCallback')
    const body = Buffer.from(STATUS.body)
    f('status', body, pinned, STATUS.now)
    await bench('node.kycrypt.verify_status_callback', () => f('status', body, pinned, STATUS.now))
  })
  await section(['node.kycrypt.ecies_p256_encrypt_10MiB', 'node.kycrypt.ecies_p256_decrypt_10MiB'], async () => {
    const sk = api('EciesSecretKey').fromBytes('p256', Buffer.alloc(32, 0x3c))
    const pk = sk.publicKey()
    const seal = api('sealEnvelope')
    const open = api('openEnvelope')
    const env = seal(TEN_MIB, pk) // the default options: eciesjs-compatible
    if (!Buffer.from(open(env, sk)).equals(TEN_MIB)) throw new Error('ECIES roundtrip')
    await bench('node.kycrypt.ecies_p256_encrypt_10MiB', () => seal(TEN_MIB, pk))
    await bench('node.kycrypt.ecies_p256_decrypt_10MiB', () => open(env, sk))
  })
  // The Promise forms (libuv pool), one call at a time, each awaited.
  await section(['node.kycrypt.ecies_p256_encrypt_10MiB_async', 'node.kycrypt.ecies_p256_decrypt_10MiB_async'],
    async () => {
      const sk = api('EciesSecretKey').fromBytes('p256', Buffer.alloc(32, 0x3c))
      const pk = sk.publicKey()
      const seal = api('sealEnvelopeAsync')
      const open = api('openEnvelopeAsync')
      const env = await seal(TEN_MIB, pk)
      if (!Buffer.from(await open(env, sk)).equals(TEN_MIB)) throw new Error('async ECIES roundtrip')
      await bench('node.kycrypt.ecies_p256_encrypt_10MiB_async', () => seal(TEN_MIB, pk))
      await bench('node.kycrypt.ecies_p256_decrypt_10MiB_async', () => open(env, sk))
    })
}

;(async () => {
  await section(['node.hmac_sha256_16', 'node.crypto.ecies_p256_encrypt_10MiB',
    'node.crypto.ecies_p256_decrypt_10MiB'], peers)
  await bindings()
  process.stdout.write(JSON.stringify(results, null, 1) + '\n')
})()

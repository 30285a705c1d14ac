'use strict'
// Runs every test-vectors/*.json case through the Node binding, dispatching on `op`.
//
// Each OPS entry mirrors the Rust runner of its file (tests/<file>.rs): it receives the
// case's inputs and returns an object of outputs (hex strings for bytes) to compare with
// the case's `output`, or throws the library's error. Ops listed in SUBSET_OPS compare
// like the Rust runner's `subset`: every member of an expected object must match, extra
// members of the result are allowed.
//
// Strict by default: an op without an entry fails the run. KYCRYPT_STRICT_OPS=0 only
// reports unbound ops (for a binding under construction).

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { kycrypt, VECTORS_DIR } = require('./helpers.js')

const hex = (s) => Buffer.from(s, 'hex')
const utf8 = (s) => Buffer.from(s, 'utf8')
const toHex = (b) => Buffer.from(b).toString('hex')
const b64url = (s) => Buffer.from(s, 'base64url')
/** `[[name, value], ...]` from a vector as the binding's HttpHeader list. */
const headers = (pairs) => pairs.map(([name, value]) => ({ name, value }))

function hmacKey(inputs) {
  return inputs.key_b64 !== undefined ? kycrypt.HmacKey.fromBase64(inputs.key_b64) : new kycrypt.HmacKey(hex(inputs.key))
}

// ---- cak (tests/cak.rs) ----

function cakCallback(cb) {
  return { user_id: cb.userId, verifier_did: cb.verifierDid, schema_id: cb.schemaId, dedup_key: cb.dedupKey }
}

function cakVerifier(i) {
  switch (i.scheme) {
    case 'hmac_sha256': return kycrypt.CakCallbackVerifier.hmacSha256(hex(i.key), i.header)
    case 'ed25519': return kycrypt.CakCallbackVerifier.ed25519(hex(i.key))
    case 'es256': return kycrypt.CakCallbackVerifier.es256(hex(i.key))
    default: throw new Error(`unknown scheme ${i.scheme}`)
  }
}

// ---- corepass (tests/corepass.rs) ----

function corepassVerify(kind) {
  return (i) => {
    const connector = kycrypt.PinnedConnector.parse(i.connector)
    const options = { leewaySecs: i.skew_secs, allowDeadlineOnly: i.allow_deadline_only }
    const v = kycrypt.verifyCorepassCallback(kind, utf8(i.body), connector, i.now, options)
    assert.equal(v.kind, kind)
    return {
      signer: v.signer, user: v.user, coverage: v.coverage, replay_key: v.replayKey, replay_until: v.replayUntil, deadline: v.deadline,
    }
  }
}

// ---- ecies (tests/ecies.rs) ----

function eciesOptions(i) {
  return {
    compressedEphemeralKey: i.compressed_ephemeral_key ?? false,
    compressedHkdfInput: i.compressed_hkdf_input ?? false,
    nonceLen: i.nonce_len ?? 16,
  }
}

// ---- jwt and keys (tests/jwt.rs) ----

/** The public key of a `keys.public_jwk` case, parsed the way tests/jwt.rs does. */
function publicJwkKey(i) {
  if (i.pem !== undefined) {
    return i.pem.includes('PRIVATE KEY-----') ? kycrypt.PrivateKey.fromPem(i.pem).publicKey() : kycrypt.PublicKey.fromPem(i.pem)
  }
  if (i.der_hex !== undefined) {
    try {
      return kycrypt.PrivateKey.fromDer(hex(i.der_hex)).publicKey()
    } catch {
      return kycrypt.PublicKey.fromDer(hex(i.der_hex))
    }
  }
  return i.jwk.includes('"d"') || i.private ? kycrypt.PrivateKey.fromJwk(i.jwk).publicKey() : kycrypt.PublicKey.fromJwk(i.jwk)
}

function publicJwk(i) {
  const k = publicJwkKey(i)
  const jwk = JSON.parse(k.toJwk())
  for (const m of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.ok(!(m in jwk), `private member ${m} exported`)
  return { alg: k.algorithm(), jwk, thumbprint: k.thumbprint() }
}

function signPartner(i, c) {
  const key = kycrypt.PrivateKey.fromPem(i.key)
  const claims = { partnerId: i.partner_id, scope: i.scope, email: i.email ?? undefined }
  const token = kycrypt.signPartnerJwt(claims, key, i.iat, { kid: i.kid, ttlSecs: i.ttl })
  if (c.output && c.output.token !== undefined) return { token }
  // No pinned token (randomized ECDSA): it must verify with the public part.
  const back = kycrypt.verifyPartnerJwt(token, key.publicKey(), i.iat, { leewaySecs: 0 })
  assert.deepEqual(
    { partnerId: back.partnerId, scope: back.scope, email: back.email ?? null, extraJson: back.extraJson },
    { partnerId: i.partner_id, scope: i.scope, email: i.email ?? null, extraJson: '{}' },
    `${c.id}: claims differ after roundtrip`)
  return {}
}

function verifyPartner(i) {
  const claims = i.jwks !== undefined
    ? kycrypt.verifyPartnerJwtJwks(i.token, i.jwks, i.now)
    : kycrypt.verifyPartnerJwt(i.token, kycrypt.PublicKey.fromPemOrJwk(i.key), i.now)
  const header = JSON.parse(b64url(i.token.split('.')[0]).toString('utf8'))
  return { partnerId: claims.partnerId, scope: claims.scope, email: claims.email ?? null, kid: header.kid ?? null }
}

function verifyHs256(i) {
  const cut = i.token.lastIndexOf('.')
  new kycrypt.HmacKey(b64url(i.jwk_k)).verify('sha256', utf8(i.token.slice(0, cut)), b64url(i.token.slice(cut + 1)))
  return {}
}

// ---- webhooks and zerohash (tests/webhooks.rs, tests/zerohash.rs) ----

function webhookOptions(i) {
  return { leewaySecs: i.tolerance_secs, zerohashAllowLegacy: i.zerohash_allow_legacy }
}

function webhookOutput(v) {
  return { provider: v.provider, scheme: v.scheme, timestamp: v.timestamp ?? null, event_id: v.eventId ?? null }
}

function zerohashSignRequest(i) {
  const both = i.api_key !== undefined && i.passphrase !== undefined
  const creds = new kycrypt.ZeroHashCredentials(both ? i.api_key : '', i.secret_b64, both ? i.passphrase : '')
  const h = creds.signRequest(i.method, i.route, i.body, i.timestamp)
  const prehash = kycrypt.zerohashSigningMessage(i.method, i.route, i.body, i.timestamp)
  // The low-level function agrees with the credentials class.
  const sig = kycrypt.zerohashSign(i.method, i.route, i.body, kycrypt.zerohashSecretFromBase64(i.secret_b64), i.timestamp)
  assert.equal(sig, h.xScxSigned, 'zerohashSign disagrees with signRequest')
  return {
    x_scx_signed: h.xScxSigned,
    x_scx_timestamp: h.xScxTimestamp,
    x_scx_api_key: h.xScxApiKey,
    x_scx_passphrase: h.xScxPassphrase,
    prehash,
  }
}

const OPS = {
  // cak.json
  'cak.parse_callback': (i) => cakCallback(kycrypt.cakParseCallback(utf8(i.body))),
  'cak.dedup_key': (i) => ({ dedup_key: kycrypt.cakDedupKey(i.user_id, i.verifier_did, i.schema_id) }),
  'cak.verify_callback': (i) => cakCallback(cakVerifier(i).verifyCallback(utf8(i.body), i.signature)),

  // corepass.json
  'corepass.verify_status_callback': corepassVerify('status'),
  'corepass.verify_data_callback': corepassVerify('data'),
  'corepass.verify_error_callback': corepassVerify('error'),
  'corepass.address_from_public_key': (i) => kycrypt.corepassAddressFromPublicKey(hex(i.public_key), i.network),
  'corepass.parse_address': (i) => kycrypt.corepassParseAddress(i.address),
  'corepass.item_sha3': (i) => ({ sha3_hex: kycrypt.corepassItemSha3(i.item) }),
  'corepass.parse_pepper': (i) => ({ ...kycrypt.corepassParsePepper(i.pepper, i.user, i.item) }),
  'corepass.check_qrcode_expiration': (i) => {
    kycrypt.checkQrcodeExpiration(i.expiration, i.now)
    return {}
  },

  // did.json
  'did.parse_did': (i) => {
    const d = kycrypt.parseDid(i.did)
    return { method: d.method, namespace: d.namespace ?? null, method_specific_id: d.methodSpecificId }
  },
  'did.resolve_did_key': (i) => {
    const [vm] = kycrypt.resolveDidKey(i.did).methodsFor(i.did, null, 'authentication')
    return { verification_method_id: vm.id, public_key_hex: vm.ed25519PublicKey ? toHex(vm.ed25519PublicKey) : null }
  },
  'did.decode_ed25519_multibase': (i) => ({ public_key_hex: toHex(kycrypt.decodeEd25519Multibase(i.multibase)) }),
  'did.methods_for': (i) => {
    const doc = kycrypt.DidDocument.fromJson(JSON.stringify(i.did_document))
    const vms = doc.methodsFor(i.iss, i.kid, i.purpose ?? 'authentication')
    return {
      method_ids: vms.map((m) => m.id),
      public_keys_hex: vms.filter((m) => m.ed25519PublicKey).map((m) => toHex(m.ed25519PublicKey)),
    }
  },

  // did_jwt.json
  'did_jwt.verify': (i) => {
    const validation = {
      audience: i.audience,
      leewaySecs: i.leeway,
      purpose: i.purpose,
      acceptEd25519Alias: i.accept_ed25519_alias,
      allowHidMsiKey: i.allow_hid_msi_key,
    }
    const doc = i.did_document !== undefined ? kycrypt.DidDocument.fromJson(JSON.stringify(i.did_document)) : null
    const v = kycrypt.verifyDidJwt(i.token, doc, i.now, validation)
    return { issuer: v.issuer, signer: v.signer, claims: JSON.parse(v.claimsJson) }
  },
  'did_jwt.sign': (i) => {
    const key = kycrypt.Ed25519SigningKey.fromSeed(hex(i.seed_hex))
    const request = { issuer: i.did, audience: i.audience, claimsJson: JSON.stringify(i.claims) }
    return { token: kycrypt.signDidJwt(request, key, i.iat, { ttlSecs: i.ttl, kid: i.kid }) }
  },

  // ecies.json
  'ecies.decrypt': (i) => {
    const sk = kycrypt.EciesSecretKey.parse(i.curve, i.secret_key)
    return { plaintext: toHex(kycrypt.eciesDecrypt(hex(i.ciphertext), sk, eciesOptions(i))) }
  },
  'ecies.encrypt_with_ephemeral': (i) => {
    const pk = kycrypt.EciesPublicKey.parse(i.curve, i.public_key)
    const ct = kycrypt.hazmat.eciesEncryptWithEphemeral(hex(i.plaintext), pk, hex(i.ephemeral_secret), hex(i.nonce), eciesOptions(i))
    return { ciphertext: toHex(ct) }
  },
  'ecies.parse_public_key': (i) => ({ sec1_uncompressed: toHex(kycrypt.EciesPublicKey.parse(i.curve, i.public_key).toSec1Bytes(false)) }),
  'ecies.parse_secret_key': (i) => ({ public_key: toHex(kycrypt.EciesSecretKey.parse(i.curve, i.secret_key).publicKey().toSec1Bytes(false)) }),
  'ecies.open_envelope': (i) => {
    kycrypt.openEnvelopeBase64(i.envelope_b64, kycrypt.EciesSecretKey.parse(i.curve, i.secret_key))
    return {}
  },

  // ed448.json
  'ed448.sign': (i) => {
    const sk = kycrypt.Ed448SigningKey.fromSeed(hex(i.seed))
    const pk = sk.publicKey()
    const signature = sk.sign(hex(i.message))
    kycrypt.ed448Verify(pk, hex(i.message), signature) // the signature must also verify
    return { public_key: toHex(pk), signature: toHex(signature) }
  },
  'ed448.verify': (i) => {
    kycrypt.ed448Verify(hex(i.public_key), hex(i.message), hex(i.signature))
    return {}
  },

  // hmac.json
  'hmac.sign': (i) => ({ tag: hmacKey(i).sign(i.alg, hex(i.msg)).toString('hex') }),
  'hmac.verify': (i) => {
    hmacKey(i).verify(i.alg, hex(i.msg), hex(i.tag))
    return {}
  },

  // jwt.json
  'jwt.verify_hs256_with_hmac': verifyHs256,
  'jwt.verify_jwt': (i) => {
    const v = kycrypt.verifyJwt(i.token, kycrypt.PublicKey.fromPemOrJwk(i.key), i.now, { audience: i.audience })
    return { header: JSON.parse(v.headerJson), claims: JSON.parse(v.claimsJson) }
  },
  'jwt.verify_jws': (i) => {
    const v = kycrypt.verifyJws(i.token, kycrypt.PublicKey.fromPemOrJwk(i.key))
    return { payload_utf8: v.payload.toString('utf8') }
  },
  'keys.thumbprint': (i) => ({ thumbprint: kycrypt.PublicKey.fromJwk(i.jwk).thumbprint() }),
  'keys.public_jwk': publicJwk,
  'moca.sign_partner_jwt': signPartner,
  'moca.verify_partner_jwt': verifyPartner,

  // webhooks.json
  'webhooks.verify': (i) =>
    webhookOutput(kycrypt.verifyWebhook(i.provider, headers(i.headers), utf8(i.body), new kycrypt.HmacKey(utf8(i.secret)), i.now, webhookOptions(i))),
  'zerohash.verify_webhook_rsa': (i) => {
    const key = kycrypt.ZeroHashPublicKey.fromPem(i.public_key_pem)
    return webhookOutput(kycrypt.zerohashVerifyWebhookRsa(headers(i.headers), utf8(i.body), key, i.now, webhookOptions(i)))
  },

  // zerohash.json
  'zerohash.sign_request': zerohashSignRequest,
  'zerohash.verify_request': (i) => {
    const key = kycrypt.zerohashSecretFromBase64(i.secret_b64)
    const v = kycrypt.zerohashVerifyRequest(headers(i.headers), i.method, i.route, i.body, key, i.now, { leewaySecs: i.window_secs })
    return { timestamp: v.timestamp }
  },
}

/** Ops whose expected objects are matched member by member (tests/jwt.rs `subset`). */
const SUBSET_OPS = new Set(['jwt.verify_jwt', 'keys.public_jwk', 'moca.verify_partner_jwt'])

/** Every member of `want` must equal the same member of `got` (recursively for objects). */
function subset(want, got, where) {
  if (want !== null && typeof want === 'object' && !Array.isArray(want)) {
    assert.ok(got !== null && typeof got === 'object' && !Array.isArray(got), `${where}: not an object`)
    for (const [k, v] of Object.entries(want)) subset(v, got[k] === undefined ? null : got[k], `${where}.${k}`)
  } else {
    assert.deepEqual(got, want, where)
  }
}

/** Compares expected output members; `<name>_prefix` means output `<name>` starts with it. */
function checkOutput(c, got) {
  for (const [k, want] of Object.entries(c.output || {})) {
    if (k.endsWith('_prefix') && !(k in got)) {
      const base = k.slice(0, -'_prefix'.length)
      assert.ok(String(got[base]).startsWith(want), `${c.id}: ${base} does not start with ${want}`)
    } else if (SUBSET_OPS.has(c.op)) {
      subset(want, got[k] === undefined ? null : got[k], `${c.id}: output ${k}`)
    } else {
      assert.ok(k in got, `${c.id}: output ${k} not produced`)
      assert.deepEqual(got[k], want, `${c.id}: output ${k}`)
    }
  }
}

function runCase(c) {
  let got
  try {
    got = OPS[c.op](c.inputs, c)
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e
    if (c.expected === 'valid') throw new Error(`${c.id}: expected valid, got ${e.code}: ${e.message}`)
    // A string outside a union type (e.g. provider 'stripe') is a TypeError in JS, where
    // the vector (written for the untyped core API) expects invalid_argument.
    if (e instanceof TypeError && /does not match any variant of enum/.test(e.message)) {
      assert.equal(c.error_code, 'invalid_argument', `${c.id}: ${e.message}`)
      return
    }
    assert.ok(e instanceof kycrypt.KycryptError, `${c.id}: not a KycryptError: ${e}`)
    assert.equal(e.code, c.error_code, `${c.id}: error code`)
    assert.ok(e instanceof kycrypt.ERRORS_BY_CODE[c.error_code], `${c.id}: error class`)
    return
  }
  assert.equal(c.expected, 'valid', `${c.id}: expected ${c.error_code}, got success`)
  checkOutput(c, got)
}

const files = fs.readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.json')).sort()
const notBound = new Map()
let ran = 0

test('test-vectors directory has files', () => {
  assert.ok(files.length > 0, `no vector files in ${VECTORS_DIR}`)
})

for (const file of files) {
  const doc = JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8'))
  test(file, () => {
    assert.equal(doc.schema, 'kycrypt-vectors/1')
    for (const c of doc.cases) {
      if (c.op.startsWith('internal.')) continue // crate internals (Go JSON encoder): Rust suite only
      if (!(c.op in OPS)) {
        notBound.set(c.op, (notBound.get(c.op) || 0) + 1)
        continue
      }
      runCase(c)
      ran += 1
    }
  })
}

test('summary: bound ops ran, unbound ops fail unless KYCRYPT_STRICT_OPS=0', () => {
  const unbound = [...notBound.entries()].map(([op, n]) => `${op} (${n})`).join(', ')
  console.log(`vectors: ${ran} cases ran; not bound: ${unbound || 'none'}`)
  assert.ok(ran > 0, 'no vector case ran')
  if (process.env.KYCRYPT_STRICT_OPS !== '0') assert.equal(notBound.size, 0, `ops not bound: ${unbound}`)
})

// Types of the kycrypt Node package (lib/index.js). Bytes go in as Uint8Array (a Buffer
// is one) and come out as Buffer. Times are unix seconds as integer numbers (a negative
// time throws MalformedInputError, a non-integer a TypeError). Every failure throws a
// KycryptError subclass; a JS argument of the wrong type throws a TypeError.
//
// The exports follow bindings/ffi module by module: common, corepass, ecies, eddsa,
// hmac, hypersign, keys, moca, webhooks, zerohash.

export * from './errors'

/**
 * Base of the opaque key and verifier classes. The native handle is private; no
 * instance prints or serializes key material.
 */
declare abstract class Opaque {
  /** Always `[ClassName]`: no key material. */
  toString(): string
  /** Always `"[ClassName]"`: no key material. */
  toJSON(): string
}

/**
 * A result object that carries secrets or personal data (members `K`). Its values are
 * read as properties as usual, but it prints and serializes without them:
 * `util.inspect`, `console.log` and `util.format('%o')` show `<redacted>` in their place,
 * and `JSON.stringify` omits them (`toJSON`). Both methods are non-enumerable, so
 * `Object.keys` and a spread copy see only the data (a copy prints in full again).
 */
export type Redacted<T, K extends keyof T> = T & {
  /** `T` without the redacted members: what `JSON.stringify` writes. */
  toJSON(): Omit<T, K>
}

// ---- common ----

/**
 * One HTTP header as received (name case-insensitive, value verbatim). Headers cross
 * as a list so a repeated header stays visible (the core refuses ambiguous duplicates).
 */
export interface HttpHeader {
  /** The header name, e.g. `X-Payload-Digest`. */
  name: string
  /** The header value. */
  value: string
}

// ---- corepass ----

/** The connector's pinned public key (its Core address), parsed once. */
export declare class PinnedConnector extends Opaque {
  private constructor()
  /**
   * Parses the connector's Core address (e.g. `cb82…`) or its 57-byte Ed448 public key in hex.
   * @throws {MalformedInputError | InvalidKeyError} when it is neither
   */
  static parse(connector: string): PinnedConnector
  /** The pinned Core address. */
  address(): string
}

/** Options of callback verification. */
export interface CallbackOptions {
  /** Accepted clock skew in seconds (default 30, at most 300). */
  skewSecs?: number
  /** Accept signatures that cover only the deadline (default false). */
  allowDeadlineOnly?: boolean
}

/**
 * One field of a data callback. The objects in a verified callback's `infos` print
 * `fieldValue` and `pepper` as `<redacted>` and `JSON.stringify` omits them (see
 * {@link Redacted}); read them as properties.
 */
export interface DataInfo {
  /** The item name (`fieldID`). */
  fieldId: string
  /** The value (`fieldValue`): PII. */
  fieldValue: string
  /** The pepper (hex) binding the value to user and item. */
  pepper: string
}

/**
 * A verified CorePass callback; the kind-specific fields are empty or absent for the other
 * kinds. Use only these values, never the raw body: verification refuses members outside
 * the signed set (e.g. a `"User"` or `"Status"` beside `"user"`/`"status"`, which Go and
 * .NET decoders would read instead), but the body is still whatever was sent.
 */
export interface VerifiedCallback {
  /** `status`, `data` or `error`. */
  kind: 'status' | 'data' | 'error'
  /** The Core address that signed (the pinned connector). */
  signer: string
  /** The user's Core address. */
  user: string
  /** The signed deadline (unix seconds). */
  deadline: number
  /** `full` or `deadline-only`. */
  coverage: 'full' | 'deadline-only'
  /** A key to reject replays with: store it until `replayUntil` and refuse a callback whose key is already stored. */
  replayKey: string
  /**
   * The last second (unix) at which this callback still verifies: `deadline + skewSecs`.
   * Keep `replayKey` at least until then (not merely until `deadline`).
   */
  replayUntil: number
  /** The body's `expiration`. */
  expiration: number
  /** Status callbacks: the status name. */
  status?: string
  /** Status callbacks: the requested fields. */
  fields: string[]
  /** Status callbacks: the transaction hash, when the status has one. */
  txHash?: string
  /** Data callbacks: the shared fields. */
  infos: DataInfo[]
  /** Error callbacks: the error text. */
  error?: string
  /** Error callbacks: the items concerned. */
  items: string[]
}

/**
 * Verifies a status callback over its raw `body` bytes at `now` (unix seconds). Use only the
 * returned values, never the raw body; keep `replayKey` until `replayUntil`.
 * @throws {MalformedInputError} also for a member outside the documented set or two names
 *   equal under ASCII case folding (the message names the member)
 * @throws {MalformedInputError | InputTooLargeError | KeyMismatchError | SignatureInvalidError | ExpiredError | DeadlineOnlyNotAllowedError | InvalidArgumentError}
 */
export declare function verifyStatusCallback(body: Uint8Array, connector: PinnedConnector, now: number, options?: CallbackOptions | null): VerifiedCallback
/**
 * Verifies a data callback (the shared fields) over its raw `body` bytes.
 * @throws as {@link verifyStatusCallback}
 */
export declare function verifyDataCallback(body: Uint8Array, connector: PinnedConnector, now: number, options?: CallbackOptions | null): VerifiedCallback
/**
 * Verifies an error callback over its raw `body` bytes.
 * @throws as {@link verifyStatusCallback}
 */
export declare function verifyErrorCallback(body: Uint8Array, connector: PinnedConnector, now: number, options?: CallbackOptions | null): VerifiedCallback

/** A Core address and its network. */
export interface CoreAddress {
  /** The address text (lowercase hex with checksum). */
  address: string
  /** `mainnet`, `devin` or `other`. */
  network: 'mainnet' | 'devin' | 'other'
}

/**
 * The Core address of an Ed448 public key (57 bytes) on `network` (`mainnet`, `devin`, `other`).
 * @throws {InvalidArgumentError} unknown network
 * @throws {InvalidKeyError}
 */
export declare function corepassAddressFromPublicKey(publicKey: Uint8Array, network: string): CoreAddress
/**
 * Parses and validates a Core address (checksum, network prefix).
 * @throws {MalformedInputError}
 */
export declare function corepassParseAddress(address: string): CoreAddress
/**
 * The SHA3-256 (hex) of a CorePass item name, as used in peppers.
 * @throws {MalformedInputError} for an unknown item
 */
export declare function corepassItemSha3(item: string): string

/** What a pepper binds (the random bytes are not returned). */
export interface PepperInfo {
  /** The user's Core address. */
  user: string
  /** The item name. */
  item: string
}

/**
 * Parses a data-callback pepper (hex) and checks it binds `user` and `item`.
 * @throws {MalformedInputError | InputTooLargeError}
 * @throws {SignatureInvalidError} another user or item
 */
export declare function corepassParsePepper(pepper: string, user: string, item: string): PepperInfo
/**
 * Checks a QR code `expiration` (unix seconds) at `now`: 5 to 15 minutes ahead.
 * @throws {InvalidArgumentError | ExpiredError}
 */
export declare function checkQrcodeExpiration(expiration: number, now: number): void

// ---- ecies ----

/** The curve of an ECIES key. */
export type Curve = 'p256' | 'secp256k1'
export declare const Curve: {
  readonly P256: 'p256'
  readonly Secp256k1: 'secp256k1'
}

/** The ECIES wire options (must match the other side; the envelope records them). */
export interface EciesOptions {
  /** Send the ephemeral key compressed (default false). */
  compressedEphemeralKey?: boolean
  /** Use compressed points in the HKDF input (default false). */
  compressedHkdfInput?: boolean
  /** AES-GCM nonce length: 16 (eciesjs default) or 12. */
  nonceLen?: number
}

/** A recipient's public key, parsed once. */
export declare class EciesPublicKey extends Opaque {
  private constructor()
  /**
   * Parses hex (SEC1, optional `0x`), base64 SEC1, or an SPKI PEM.
   * @throws {InvalidKeyError | CurveMismatchError | MalformedInputError | InputTooLargeError}
   */
  static parse(curve: Curve, text: string): EciesPublicKey
  /**
   * From SEC1 bytes (33 or 65).
   * @throws {InvalidKeyError}
   */
  static fromBytes(curve: Curve, bytes: Uint8Array): EciesPublicKey
  /**
   * From an SPKI DER.
   * @throws {InvalidKeyError | CurveMismatchError}
   */
  static fromSpkiDer(curve: Curve, der: Uint8Array): EciesPublicKey
  /** The curve. */
  curve(): Curve
  /** SEC1 encoding (33 bytes compressed, 65 uncompressed). */
  toSec1Bytes(compressed: boolean): Buffer
}

/** A secret ECIES key, parsed once; zeroized when collected and never shown. */
export declare class EciesSecretKey extends Opaque {
  private constructor()
  /**
   * Parses hex (32 bytes, optional `0x`), base64, or a PEM.
   * @throws {InvalidKeyError | CurveMismatchError | MalformedInputError | InputTooLargeError}
   */
  static parse(curve: Curve, text: string): EciesSecretKey
  /**
   * From the 32-byte scalar.
   * @throws {InvalidKeyError}
   */
  static fromBytes(curve: Curve, bytes: Uint8Array): EciesSecretKey
  /**
   * From a PKCS#8 or SEC1 PEM.
   * @throws {InvalidKeyError | CurveMismatchError}
   */
  static fromPem(curve: Curve, pem: string): EciesSecretKey
  /**
   * A fresh random key (OS CSPRNG).
   * @throws {InternalError} when the OS RNG fails
   */
  static generate(curve: Curve): EciesSecretKey
  /** The curve. */
  curve(): Curve
  /** The matching public key. */
  publicKey(): EciesPublicKey
}

/**
 * Encrypts `plaintext` to `recipient` (raw eciesjs format: ephemeral key, nonce, tag, ciphertext).
 * @throws {InvalidArgumentError} options
 * @throws {InputTooLargeError}
 */
export declare function eciesEncrypt(recipient: EciesPublicKey, plaintext: Uint8Array, options?: EciesOptions | null): Buffer
/**
 * Decrypts a raw eciesjs ciphertext.
 * @throws {DecryptionFailedError} wrong key or tampered
 * @throws {MalformedInputError | InvalidArgumentError}
 */
export declare function eciesDecrypt(secret: EciesSecretKey, ciphertext: Uint8Array, options?: EciesOptions | null): Buffer
/**
 * HAZMAT, for test vectors only: encrypts with a given ephemeral secret (32 bytes) and
 * nonce. Reusing them breaks confidentiality; use {@link eciesEncrypt}.
 * @throws {InvalidKeyError | InvalidArgumentError | InputTooLargeError}
 */
export declare function eciesEncryptWithEphemeral(recipient: EciesPublicKey, plaintext: Uint8Array, options: EciesOptions | null | undefined, ephemeralSecret: Uint8Array, nonce: Uint8Array): Buffer
/**
 * Encrypts into a self-describing `KYCE` envelope (curve and options recorded).
 * @throws as {@link eciesEncrypt}
 */
export declare function sealEnvelope(recipient: EciesPublicKey, plaintext: Uint8Array, options?: EciesOptions | null): Buffer
/**
 * {@link sealEnvelope} as standard base64 text.
 * @throws as {@link eciesEncrypt}
 */
export declare function sealEnvelopeBase64(recipient: EciesPublicKey, plaintext: Uint8Array, options?: EciesOptions | null): string
/**
 * Opens a `KYCE` envelope.
 * @throws {DecryptionFailedError | CurveMismatchError | MalformedInputError}
 */
export declare function openEnvelope(secret: EciesSecretKey, envelope: Uint8Array): Buffer
/**
 * Opens a base64 `KYCE` envelope.
 * @throws as {@link openEnvelope}
 */
export declare function openEnvelopeBase64(secret: EciesSecretKey, envelopeB64: string): Buffer

/** What an envelope header says. */
export interface EnvelopeInfo {
  /** The recipient's curve. */
  curve: Curve
  /** The ECIES options used (every member present). */
  options: Required<EciesOptions>
}

/**
 * Reads an envelope's header without decrypting.
 * @throws {MalformedInputError}
 */
export declare function envelopeInfo(envelope: Uint8Array): EnvelopeInfo

// ---- eddsa ----

/** An Ed25519 signing key (e.g. for DID-JWTs), parsed once; zeroized when collected and never shown. */
export declare class Ed25519SigningKey extends Opaque {
  private constructor()
  /**
   * From the 32-byte seed.
   * @throws {InvalidKeyError} for another length
   */
  static fromSeed(seed: Uint8Array): Ed25519SigningKey
  /**
   * A fresh random key (OS CSPRNG).
   * @throws {InternalError} when the OS RNG fails
   */
  static generate(): Ed25519SigningKey
  /** The 32-byte public key. */
  publicKey(): Buffer
  /** The 64-byte signature of `msg`. */
  sign(msg: Uint8Array): Buffer
}

/**
 * Verifies an Ed25519 `signature` (64 bytes) over `msg` with a 32-byte `publicKey`.
 * @throws {InvalidKeyError | SignatureInvalidError}
 */
export declare function ed25519Verify(publicKey: Uint8Array, msg: Uint8Array, signature: Uint8Array): void

/** An Ed448 signing key (RFC 8032), parsed once; zeroized when collected and never shown. */
export declare class Ed448SigningKey extends Opaque {
  private constructor()
  /**
   * From the 57-byte seed.
   * @throws {InvalidKeyError} for another length
   */
  static fromSeed(seed: Uint8Array): Ed448SigningKey
  /** The 57-byte public key. */
  publicKey(): Buffer
  /** The 114-byte signature of `msg` (pure Ed448, empty context). */
  sign(msg: Uint8Array): Buffer
}

/**
 * Verifies an Ed448 `signature` (114 bytes) over `msg` with a 57-byte `publicKey`.
 * @throws {InvalidKeyError | SignatureInvalidError | MalformedInputError}
 */
export declare function ed448Verify(publicKey: Uint8Array, msg: Uint8Array, signature: Uint8Array): void

// ---- hmac ----

/** The hash under the HMAC. */
export type HmacAlg = 'sha256' | 'sha512' | 'sha1'
export declare const HmacAlg: {
  readonly Sha256: 'sha256'
  readonly Sha512: 'sha512'
  readonly Sha1: 'sha1'
}

/**
 * HMAC-SHA256 of `msg` under `key` (RFC 2104; a 32-byte tag).
 * @throws {InvalidKeyError} when `key` is empty
 */
export declare function hmacSha256(key: Uint8Array, msg: Uint8Array): Buffer

/** A secret HMAC key, parsed once and reused. It never shows its bytes. */
export declare class HmacKey extends Opaque {
  /**
   * Wraps raw key bytes (any non-zero length, as RFC 2104 allows).
   * @throws {InvalidKeyError} when the key is empty: an unset secret read as `''` would let
   *   anyone forge tags
   */
  constructor(key: Uint8Array)
  /**
   * Decodes a standard-base64 secret (surrounding whitespace ignored).
   * @throws {MalformedInputError} when the secret is not base64 (it is not echoed)
   * @throws {InvalidKeyError} when it decodes to nothing
   */
  static fromBase64(secret: string): HmacKey
  /** The tag of `msg` under this key with `alg`. */
  sign(alg: HmacAlg, msg: Uint8Array): Buffer
  /**
   * Checks `tag` over `msg` in constant time.
   * @throws {SignatureInvalidError} when the tag differs or has the wrong length
   */
  verify(alg: HmacAlg, msg: Uint8Array, tag: Uint8Array): void
}

// ---- hypersign ----

/** A parsed DID. */
export interface Did {
  /** `key` or `hid`. */
  method: 'key' | 'hid'
  /** The `did:hid` namespace (e.g. `testnet`), if any. */
  namespace?: string
  /** The method-specific id. */
  methodSpecificId: string
}

/**
 * Parses a `did:key` or `did:hid` DID.
 * @throws {MalformedInputError | UnsupportedAlgorithmError | InputTooLargeError}
 */
export declare function parseDid(did: string): Did

/** A verification method of a DID document. */
export interface VerificationMethod {
  /** The method id (`did:...#key-1`). */
  id: string
  /** The method type, e.g. `Ed25519VerificationKey2020`. */
  methodType: string
  /** The controller, if given. */
  controller?: string
  /** The Ed25519 public key (32 bytes), when the method is one. */
  ed25519PublicKey?: Buffer
}

/** A DID document, parsed once. */
export declare class DidDocument extends Opaque {
  private constructor()
  /**
   * Parses a DID document (JSON text, e.g. from a resolver).
   * @throws {MalformedInputError | InputTooLargeError}
   */
  static fromJson(json: string): DidDocument
  /**
   * The methods usable by `iss` (with `kid`, when the token names one) for `purpose`.
   * @throws {IssuerMismatchError | DidDeactivatedError | KeyNotFoundError | UnsupportedAlgorithmError}
   * @throws {MalformedInputError} unknown purpose
   */
  methodsFor(iss: string, kid: string | null | undefined, purpose: 'authentication' | 'assertionMethod'): VerificationMethod[]
}

/**
 * The DID document of a `did:key` (Ed25519), derived locally.
 * @throws {MalformedInputError | UnsupportedAlgorithmError | InvalidKeyError}
 */
export declare function resolveDidKey(did: string): DidDocument
/**
 * Decodes a multibase (`z…`) Ed25519 public key (multicodec `0xed01`).
 * @throws {MalformedInputError | UnsupportedAlgorithmError | InvalidKeyError}
 */
export declare function decodeEd25519Multibase(multibase: string): Buffer
/**
 * Encodes a 32-byte Ed25519 public key as multibase (`z6Mk…`).
 * @throws {InvalidArgumentError} for another length
 */
export declare function encodeEd25519Multibase(publicKey: Uint8Array): string

/** What a DID-JWT must satisfy. */
export interface DidJwtValidation {
  /** The required `aud` (your DID or URL). */
  audience: string
  /** `authentication` (default) or `assertionMethod`. */
  purpose?: 'authentication' | 'assertionMethod'
  /** Clock leeway in seconds (default 60, at most 300). */
  leeway?: number
  /** Longest accepted lifetime in seconds, `exp - iat` (default: one day, Hypersign's cap). */
  maxLifetimeSecs?: number
  /** Accept any lifetime (default false): an explicit, weaker choice that excludes `maxLifetimeSecs`. */
  allowUnboundedLifetime?: boolean
  /** Accept `alg: Ed25519` as EdDSA (default true). */
  acceptEd25519Alias?: boolean
  /** Derive a `did:hid` key from its method-specific id when no document is given (default false; unsafe). */
  allowHidMsiKey?: boolean
}

/** A verified DID-JWT. Returned as {@link Redacted} (`claimsJson` is not printed). */
export interface VerifiedDidJwt {
  /** The issuer DID. */
  issuer: string
  /** The verification method id that signed. */
  signer: string
  /** The protected header (JSON object text). */
  headerJson: string
  /** The claims (JSON object text). */
  claimsJson: string
}

/**
 * Verifies a DID-JWT at `now`, with the issuer's `document` (required for `did:hid`;
 * derived for `did:key`).
 * @throws {MalformedTokenError | AlgorithmNotAllowedError | IssuerMismatchError | DidDeactivatedError | KeyNotFoundError | SignatureInvalidError | ExpiredError | NotYetValidError | AudienceMismatchError | InvalidArgumentError}
 */
export declare function verifyDidJwt(token: string, validation: DidJwtValidation, document: DidDocument | null | undefined, now: number): Redacted<VerifiedDidJwt, 'claimsJson'>

/** What to sign as a DID-JWT. */
export interface DidJwtSignRequest {
  /** The issuer DID (`iss`). */
  issuer: string
  /** The audience (`aud`). */
  audience: string
  /** Extra claims (JSON object text). */
  claimsJson: string
  /** Issued-at (unix seconds). */
  iat: number
  /** Lifetime in seconds (60..=86400). */
  ttl: number
  /** The `kid` header (default: the issuer's first key). */
  kid?: string
}

/**
 * Signs a DID-JWT (EdDSA) with `key`.
 * @throws {InvalidArgumentError} ttl, reserved claims
 * @throws {MalformedInputError} claims not an object
 * @throws {InputTooLargeError}
 */
export declare function signDidJwt(key: Ed25519SigningKey, request: DidJwtSignRequest): string

// ---- keys ----

/** A private signing key (RS256, ES256, ES256K, EdDSA), parsed once. It never shows its key material. */
export declare class PrivateKey extends Opaque {
  private constructor()
  /**
   * Parses a PKCS#8, SEC1 or PKCS#1 PEM.
   * @throws {InvalidKeyError | UnsupportedAlgorithmError | InputTooLargeError}
   */
  static fromPem(pem: string): PrivateKey
  /**
   * Parses a PKCS#8 (or SEC1/PKCS#1) DER.
   * @throws as {@link PrivateKey.fromPem}
   */
  static fromDer(der: Uint8Array): PrivateKey
  /**
   * Parses a private JWK (JSON text).
   * @throws as {@link PrivateKey.fromPem}
   */
  static fromJwk(jwk: string): PrivateKey
  /** The JWS algorithm of this key (`RS256`, `ES256`, `ES256K`, `EdDSA`). */
  algorithm(): string
  /** The matching public key. */
  publicKey(): PublicKey
  /**
   * Signs `msg` with this key's algorithm (JWS signature format).
   * @throws {UnsupportedAlgorithmError} RS256 without the `ring` feature
   */
  sign(msg: Uint8Array): Buffer
}

/**
 * Generates a private key of `keyType` and returns it as a PKCS#8 PEM, to store as a
 * secret and load with {@link PrivateKey.fromPem}.
 * @throws {UnsupportedAlgorithmError} for another type
 * @throws {InternalError} when the OS RNG fails
 */
export declare function generatePrivateKeyPem(keyType: 'rsa2048' | 'p256' | 'secp256k1' | 'ed25519' | 'ed448'): string

/** A public verification key, parsed once. */
export declare class PublicKey extends Opaque {
  private constructor()
  /**
   * Parses an SPKI (or PKCS#1 RSA) PEM.
   * @throws {InvalidKeyError | UnsupportedAlgorithmError | InputTooLargeError}
   */
  static fromPem(pem: string): PublicKey
  /**
   * Parses an SPKI DER.
   * @throws as {@link PublicKey.fromPem}
   */
  static fromDer(der: Uint8Array): PublicKey
  /**
   * Parses a public JWK (JSON text; private members are refused).
   * @throws as {@link PublicKey.fromPem}
   */
  static fromJwk(jwk: string): PublicKey
  /**
   * Parses a PEM or a JWK, whichever `text` is.
   * @throws as {@link PublicKey.fromPem}
   */
  static fromPemOrJwk(text: string): PublicKey
  /** The JWS algorithm of this key. */
  algorithm(): string
  /** The RFC 7638 JWK thumbprint (base64url SHA-256). */
  thumbprint(): string
  /** The public JWK as JSON text, with `kid` when given. */
  toJwk(kid?: string | null): string
  /**
   * Verifies a JWS-format `signature` over `msg`.
   * @throws {SignatureInvalidError}
   */
  verify(msg: Uint8Array, signature: Uint8Array): void
}

/**
 * A JWKS `{"keys":[...]}` of the public keys; `kids[i]` names `keys[i]` (missing or
 * null: the thumbprint).
 * @throws {InvalidArgumentError} when there are more kids than keys
 */
export declare function jwks(keys: PublicKey[], kids: Array<string | null | undefined>): string
/**
 * The key with `kid` from a JWKS (JSON text).
 * @throws {KeyNotFoundError | MalformedInputError | InvalidKeyError | InputTooLargeError}
 */
export declare function selectFromJwks(jwks: string, kid: string): PublicKey

/** What a JWT/JWS must satisfy. */
export interface JwtValidation {
  /** Allowed algorithms (`RS256`, `ES256`, `ES256K`, `EdDSA`); empty: the key's own. */
  algorithms?: string[]
  /** Required `aud`, if any. */
  audience?: string
  /** Required `iss`, if any. */
  issuer?: string
  /** Clock leeway in seconds (default 60, at most 300). */
  leeway?: number
  /** Require `exp` (default true). */
  requireExp?: boolean
  /** Require `iat` (default false). */
  requireIat?: boolean
  /**
   * Longest accepted lifetime in seconds: `exp - iat`, or `exp - now` for a token
   * without `iat` (default: one day).
   */
  maxLifetimeSecs?: number
  /** Accept any lifetime (default false): an explicit, weaker choice that excludes `maxLifetimeSecs`. */
  allowUnboundedLifetime?: boolean
  /** Accept `alg: Ed25519` as EdDSA (default false). */
  acceptEd25519Alias?: boolean
}

/** A verified JWT: header and claims as JSON text. Returned as {@link Redacted} (`claimsJson` is not printed). */
export interface VerifiedJwt {
  /** The protected header (JSON object). */
  headerJson: string
  /** The claims (JSON object). */
  claimsJson: string
}

/** A verified JWS: header as JSON text and the raw payload. Returned as {@link Redacted} (`payload` is not printed). */
export interface VerifiedJws {
  /** The protected header (JSON object). */
  headerJson: string
  /** The payload bytes. */
  payload: Buffer
}

/**
 * Verifies a compact JWT with `key`, then its claims at `now` (unix seconds).
 * @throws {MalformedTokenError | AlgorithmNotAllowedError | UnknownCriticalHeaderError | SignatureInvalidError | ExpiredError | NotYetValidError | AudienceMismatchError | IssuerMismatchError | InvalidArgumentError}
 */
export declare function verifyJwt(token: string, key: PublicKey, validation: JwtValidation | null | undefined, now: number): Redacted<VerifiedJwt, 'claimsJson'>
/**
 * Verifies a compact JWS with `key` (no claim checks; only `algorithms` and
 * `acceptEd25519Alias` of `validation` apply).
 * @throws as {@link verifyJwt}, without the claim errors
 */
export declare function verifyJws(token: string, key: PublicKey, validation?: JwtValidation | null): Redacted<VerifiedJws, 'payload'>

// ---- moca ----

/**
 * The claims of a partner JWT. The verify functions return it as {@link Redacted}:
 * `email` and `extraJson` are not printed.
 */
export interface PartnerClaims {
  /** `partnerId`. */
  partnerId: string
  /** `scope`, e.g. `issue`, `verify`, `issue on-behalf`. */
  scope: string
  /** `email`, for on-behalf issuance. */
  email?: string
  /** Other claims, as a JSON object text (default `{}`); reserved names are refused. */
  extraJson?: string
}

/**
 * Signs a partner JWT (header `kid`, `typ: JWT`; `iat`, `exp = iat + ttl`) with an
 * RS256 or ES256 key; send it as the `x-partner-auth` header.
 * @throws {InvalidArgumentError} ttl not 1..=900, bad extra claims
 * @throws {AlgorithmNotAllowedError} another key type
 * @throws {UnsupportedAlgorithmError}
 */
export declare function signPartnerJwt(key: PrivateKey, kid: string, claims: PartnerClaims, iat: number, ttl: number): string
/**
 * Verifies a partner JWT with `key` at `now` (leeway in seconds).
 * `iat` is required and `exp - iat` may not exceed 900 s (Moca's cap), whoever signed.
 * @throws the errors of {@link verifyJwt}; {MalformedTokenError} without `partnerId` or
 *   `iat`, or with a lifetime above 900 s
 */
export declare function verifyPartnerJwt(token: string, key: PublicKey, now: number, leeway: number): Redacted<PartnerClaims, 'email' | 'extraJson'>
/**
 * Verifies a partner JWT with the key named by its `kid` in `jwks` (JSON text).
 * @throws {MissingHeaderError} no `kid`
 * @throws {KeyNotFoundError} no usable key has the `kid` (a key whose `key_ops` lacks
 *   `verify` is not usable)
 * @throws {InvalidKeyError} more than one usable key has the `kid` (ambiguous set)
 * @throws then as {@link verifyPartnerJwt}
 */
export declare function verifyPartnerJwtJwks(token: string, jwks: string, now: number, leeway: number): Redacted<PartnerClaims, 'email' | 'extraJson'>

/** A parsed CAK callback. */
export interface CakCallback {
  /** `userId`. */
  userId: string
  /** `verifierDid`. */
  verifierDid: string
  /** `schemaId`. */
  schemaId: string
  /** The key to deduplicate deliveries with. */
  dedupKey: string
}

/**
 * Parses a CAK callback body (no signature check: use {@link CakCallbackVerifier}).
 * @throws {MalformedInputError | InputTooLargeError}
 */
export declare function cakParseCallback(body: Uint8Array): CakCallback
/** The deduplication key of a callback's three identifiers. */
export declare function cakDedupKey(userId: string, verifierDid: string, schemaId: string): string

/**
 * How CAK callbacks are signed for you: HMAC-SHA256 with a shared key, Ed25519 or ES256
 * with the sender's public key. Parsed once.
 */
export declare class CakCallbackVerifier extends Opaque {
  private constructor()
  /**
   * HMAC-SHA256 with a shared `key`, signature sent in the `header` header.
   * @throws {InvalidKeyError} empty key
   * @throws {InvalidArgumentError} bad header name
   */
  static hmacSha256(key: Uint8Array, header: string): CakCallbackVerifier
  /**
   * Ed25519 with a 32-byte public key.
   * @throws {InvalidKeyError}
   */
  static ed25519(publicKey: Uint8Array): CakCallbackVerifier
  /**
   * ES256 with a SEC1 P-256 public key.
   * @throws {InvalidKeyError}
   */
  static es256(publicKey: Uint8Array): CakCallbackVerifier
  /** The signature header name (HMAC only; otherwise null). */
  headerName(): string | null
  /**
   * Checks `signature` (the header text) over the raw `body`.
   * @throws {SignatureInvalidError | MalformedInputError | InputTooLargeError}
   */
  verify(body: Uint8Array, signature: string): void
  /**
   * Checks the signature, then parses the callback.
   * @throws as {@link CakCallbackVerifier.verify} and {@link cakParseCallback}
   */
  verifyCallback(body: Uint8Array, signature: string): CakCallback
}

// ---- webhooks ----

/** Options of webhook verification. */
export interface WebhookOptions {
  /** Accepted age (and future skew) of a signed timestamp, in seconds (default 300, at most 3600). */
  toleranceSecs?: number
  /** Zero Hash: also accept the legacy `-256` signature headers (default false). */
  zerohashAllowLegacy?: boolean
}

/** A verified webhook. */
export interface VerifiedWebhook {
  /** The provider name (`sumsub`, `onfido`, `veriff`, `persona`, `corepass`, `zerohash`, `jumio`). */
  provider: string
  /** The signature scheme that verified, e.g. `hmac-sha256`. */
  scheme: string
  /** The signed timestamp, when the scheme signs one. */
  timestamp?: number
  /** The event or notification id from the headers, when present. */
  eventId?: string
}

/**
 * Verifies a KYC provider webhook over the raw `body` bytes, before any JSON parsing.
 * `provider` is a name such as `"sumsub"`; `secret` the provider's webhook secret as
 * bytes; `now` unix seconds.
 * @throws {InvalidArgumentError} unknown provider, options out of range
 * @throws {MissingHeaderError | SignatureInvalidError | TimestampOutOfWindowError | InputTooLargeError}
 * @throws {NotSignedError} Jumio
 * @throws {MalformedInputError} negative `now`, unparsable headers
 * @throws {InvalidKeyError} an empty `secret`, whatever the provider (an unset
 *   `process.env.X ?? ''` must never verify `HMAC('', body)`)
 */
export declare function verifyWebhook(provider: string, secret: Uint8Array, headers: HttpHeader[], body: Uint8Array, now: number, options?: WebhookOptions | null): VerifiedWebhook

// ---- zerohash ----

/**
 * The four `X-SCX-*` request headers, returned as {@link Redacted}: the signature and
 * the passphrase print as `<redacted>` and `JSON.stringify` leaves them out, so set the
 * request headers from the properties (`'X-SCX-SIGNED': h.xScxSigned`, ...), not from
 * `JSON.stringify(h)`.
 */
export interface SignedHeaders {
  /** `X-SCX-API-KEY`. */
  xScxApiKey: string
  /** `X-SCX-SIGNED`: base64 HMAC-SHA256. */
  xScxSigned: string
  /** `X-SCX-TIMESTAMP`: unix seconds. */
  xScxTimestamp: string
  /** `X-SCX-PASSPHRASE`. */
  xScxPassphrase: string
}

/** A verified Zero Hash request. */
export interface VerifiedRequest {
  /** The signed timestamp (unix seconds). */
  timestamp: number
  /** `X-SCX-API-KEY`, when sent. */
  apiKey?: string
}

/** Zero Hash API credentials (API key, base64 secret, passphrase). The secret is never shown. */
export declare class ZeroHashCredentials extends Opaque {
  /**
   * Parses the credentials; the secret is standard base64.
   * @throws {MalformedInputError} when the secret is not base64 (it is not echoed)
   */
  constructor(apiKey: string, secretB64: string, passphrase: string)
  /**
   * Signs a request at `timestamp` (unix seconds, the caller's clock): the four `X-SCX-*` header values.
   * @throws {MalformedInputError | InputTooLargeError} for a bad method, route or body
   */
  signRequest(timestamp: number, method: string, route: string, body: string): Redacted<SignedHeaders, 'xScxSigned' | 'xScxPassphrase'>
  /** The public API key. */
  apiKey(): string
}

/**
 * Decodes a Zero Hash API secret (standard base64) into an {@link HmacKey}.
 * @throws {MalformedInputError} when it is not base64
 */
export declare function zerohashSecretFromBase64(secretB64: string): HmacKey
/**
 * The prehash string `timestamp + METHOD + route + body` that is signed.
 * @throws {MalformedInputError | InputTooLargeError} for a bad method, route or body
 */
export declare function zerohashSigningMessage(timestamp: number, method: string, route: string, body: string): string
/**
 * `X-SCX-SIGNED` for a request (base64 HMAC-SHA256 under `secret`).
 * @throws as {@link zerohashSigningMessage}
 */
export declare function zerohashSign(secret: HmacKey, timestamp: number, method: string, route: string, body: string): string
/**
 * Server side: verifies the `X-SCX-SIGNED` / `X-SCX-TIMESTAMP` headers of a request at
 * `now`, within `windowSecs` (default 60, at most 300).
 * @throws {MissingHeaderError | MalformedInputError | TimestampOutOfWindowError | SignatureInvalidError | InvalidArgumentError}
 */
export declare function zerohashVerifyRequest(secret: HmacKey, headers: HttpHeader[], method: string, route: string, body: string, now: number, windowSecs?: number | null): VerifiedRequest

/** A Zero Hash webhook RSA public key (PEM), parsed once. */
export declare class ZeroHashPublicKey extends Opaque {
  private constructor()
  /**
   * Parses an RSA public key PEM (SPKI or PKCS#1).
   * @throws {InvalidKeyError} when it is not a usable RSA key
   */
  static fromPem(pem: string): ZeroHashPublicKey
}

/**
 * Verifies a Zero Hash webhook signed with RSA (`x-zh-hook-rsa-signature`).
 * @throws as {@link verifyWebhook}
 */
export declare function zerohashVerifyWebhookRsa(key: ZeroHashPublicKey, headers: HttpHeader[], body: Uint8Array, now: number, options?: WebhookOptions | null): VerifiedWebhook

// ---- library ----

/** Every error code the library can raise, in a stable order. */
export declare function errorCodes(): string[]

/** The kycrypt version these bindings were built from. */
export declare function version(): string

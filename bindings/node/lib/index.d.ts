// Types of the kycrypt Node package (lib/index.js). Bytes go in as Uint8Array (a Buffer
// is one) and come out as Buffer. Every failure throws a KycryptError subclass.

export * from './errors'

/** The hash under the HMAC. */
export type HmacAlg = 'sha256' | 'sha512' | 'sha1'
export declare const HmacAlg: {
  readonly Sha256: 'sha256'
  readonly Sha512: 'sha512'
  readonly Sha1: 'sha1'
}

/**
 * HMAC-SHA256 of `msg` under `key` (RFC 2104; a 32-byte tag).
 * @throws {InternalError} never in practice
 */
export declare function hmacSha256(key: Uint8Array, msg: Uint8Array): Buffer

/** A secret HMAC key, parsed once and reused. It never shows its bytes. */
export declare class HmacKey {
  /** Wraps raw key bytes (any length, as RFC 2104 allows). */
  constructor(key: Uint8Array)
  /**
   * Decodes a standard-base64 secret (surrounding whitespace ignored).
   * @throws {MalformedInputError} when the secret is not base64 (it is not echoed)
   */
  static fromBase64(secret: string): HmacKey
  /** The tag of `msg` under this key with `alg`. */
  sign(alg: HmacAlg, msg: Uint8Array): Buffer
  /**
   * Checks `tag` over `msg` in constant time.
   * @throws {SignatureInvalidError} when the tag differs or has the wrong length
   */
  verify(alg: HmacAlg, msg: Uint8Array, tag: Uint8Array): void
  /** Always "[HmacKey]": no key material. */
  toString(): string
}

/** Every error code the library can raise, in a stable order. */
export declare function errorCodes(): string[]

/** The kycrypt version these bindings were built from. */
export declare function version(): string

'use strict'
// Shared by the tests: which kycrypt to test, and where the vectors are.
//
// KYCRYPT_NODE_PATH points at an installed copy of the package (scripts/test-bindings.sh
// sets it to the tarball installed into a clean temp dir); without it the tests use
// this checkout (`require('..')`, after `npm run build:debug`).

const path = require('node:path')

const PKG = process.env.KYCRYPT_NODE_PATH || path.join(__dirname, '..')
const kycrypt = require(PKG)
const VECTORS_DIR = process.env.KYCRYPT_VECTORS_DIR || path.join(__dirname, '..', '..', '..', 'test-vectors')

/** A predicate for assert.throws/rejects: the KycryptError subclass of `code`. */
const isCode = (code) => (e) =>
  e instanceof kycrypt.ERRORS_BY_CODE[code] && e instanceof kycrypt.KycryptError && e.code === code

module.exports = { kycrypt, PKG, VECTORS_DIR, isCode }

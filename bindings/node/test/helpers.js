'use strict'
// Shared by the tests: which kycrypt to test, and where the vectors are.
//
// KYCRYPT_NODE_PATH points at an installed copy of the package (scripts/test-bindings.sh
// sets it to the tarball installed into a clean temp dir); without it the tests use
// this checkout (`require('..')`).

const path = require('node:path')

const kycrypt = require(process.env.KYCRYPT_NODE_PATH || path.join(__dirname, '..'))

/** The raw napi addon behind the package (for the test-only hooks). */
function nativeAddon() {
  const root = process.env.KYCRYPT_NODE_PATH || path.join(__dirname, '..')
  return require(path.join(root, 'index.js'))
}

const VECTORS_DIR = process.env.KYCRYPT_VECTORS_DIR || path.join(__dirname, '..', '..', '..', 'test-vectors')

module.exports = { kycrypt, nativeAddon, VECTORS_DIR }

'use strict'
// Packaging: the tarball holds exactly what users need, and the `exports` map serves
// CommonJS and ESM (with types for both) from one native addon.

const test = require('node:test')
const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { kycrypt, PKG } = require('./helpers.js')

const pkgDir = path.join(__dirname, '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

test('npm pack contents are exactly the expected files', () => {
  const [{ files }] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json'], { cwd: pkgDir, encoding: 'utf8' }))
  const names = files.map((f) => f.path).map((p) => (/^kycrypt\.[\w-]+\.node$/.test(p) ? 'kycrypt.<platform>.node' : p))
  assert.deepEqual(names.sort(), [
    'README.md',
    'index.cjs', // the wrapper (errors, redacted inspect)
    'index.d.cts', // its types: the addon's plus the error classes
    'index.d.mts',
    'index.d.ts', // the addon's types, generated from the Rust docs
    'index.js', // the napi loader
    'index.mjs',
    'kycrypt.<platform>.node',
    'package.json',
  ].sort())
})

test('package.json: exports map with types for import and require, engines', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'))
  assert.deepEqual(pkg.exports['.'], {
    import: { types: './index.d.mts', default: './index.mjs' },
    require: { types: './index.d.cts', default: './index.cjs' },
  })
  assert.equal(pkg.engines.node, '>=18')
  for (const f of ['index.d.mts', 'index.d.cts', 'index.mjs', 'index.cjs']) assert.ok(fs.existsSync(path.join(PKG, f)), f)
})

test('ESM import and CommonJS require give the same exports', () => {
  // Run inside the package, which imports itself by name through its `exports` map.
  const script = `
    import * as esm from 'kycrypt'
    import { createRequire } from 'node:module'
    const cjs = createRequire(import.meta.url)('kycrypt')
    const same = Object.keys(cjs).filter((n) => !n.startsWith('__')).every((n) => esm[n] === cjs[n])
    let code = null
    try { esm.hazmat.testError('expired') } catch (e) { code = e instanceof cjs.ExpiredError && e.code }
    console.log(JSON.stringify({ same, n: Object.keys(esm).length, code, from: import.meta.resolve('kycrypt') }))`
  const res = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PKG, encoding: 'utf8' }))
  assert.ok(res.same, 'an ESM export differs from its CommonJS one')
  assert.ok(res.n >= Object.keys(kycrypt).length - 1)
  assert.equal(res.code, 'expired')
  assert.ok(res.from.endsWith('/index.mjs'), res.from)
})

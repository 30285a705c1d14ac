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

const listFiles = (d, base = d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.name === 'node_modules' ? [] : e.isDirectory() ? listFiles(path.join(d, e.name), base) : [path.relative(base, path.join(d, e.name))])
const platformPkg = () => {
  const { platformName } = require(path.join(PKG, 'native.cjs'))
  return path.dirname(require.resolve(`@kycrypt/${platformName()}/package.json`, { paths: [PKG] }))
}

test('npm pack contents: the main package has no native code, no sources, no tests', (t) => {
  if (path.resolve(PKG) === path.resolve(pkgDir)) return t.skip('runs against the packed package (KYCRYPT_NODE_PATH)')
  assert.deepEqual(listFiles(PKG).sort(), [
    'LICENSE-APACHE',
    'LICENSE-MIT',
    'README.md',
    'index.cjs', // the wrapper (errors, redacted inspect)
    'index.d.cts', // its types: the addon's plus the error classes
    'index.d.mts',
    'index.d.ts', // the addon's types, generated from the Rust docs
    'index.mjs',
    'native.cjs', // finds the addon: @kycrypt/<platform>
    'package.json',
  ].sort())
  const pkg = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'))
  for (const [name, version] of Object.entries(pkg.optionalDependencies)) {
    assert.match(name, /^@kycrypt\/(linux|darwin|win32)-(x64|arm64)(-gnu|-musl|-msvc)?$/)
    assert.equal(version, pkg.version)
  }
  assert.equal(pkg.devDependencies, undefined)
  assert.equal(pkg.scripts, undefined)
})

test('the platform package holds the addon and licenses, and says where it runs', (t) => {
  if (path.resolve(PKG) === path.resolve(pkgDir)) return t.skip('runs against the packed package (KYCRYPT_NODE_PATH)')
  const dir = platformPkg()
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
  const platform = pkg.name.slice('@kycrypt/'.length)
  assert.deepEqual(listFiles(dir).sort(), ['LICENSE-APACHE', 'LICENSE-MIT', 'README.md', `kycrypt.${platform}.node`, 'package.json'])
  assert.deepEqual(pkg.os, [process.platform])
  assert.deepEqual(pkg.cpu, [process.arch])
  assert.equal(pkg.version, JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8')).version)
  assert.equal(pkg.main, `kycrypt.${platform}.node`)
})

test('the loader names the platform package that is missing', () => {
  const { load, platformName, PLATFORMS } = require(path.join(PKG, 'native.cjs'))
  assert.equal(platformName('linux', 'arm64', true), 'linux-arm64-musl')
  assert.equal(platformName('linux', 'x64', false), 'linux-x64-gnu')
  assert.equal(platformName('darwin', 'arm64'), 'darwin-arm64')
  assert.equal(platformName('win32', 'x64'), 'win32-x64-msvc')
  assert.ok(PLATFORMS.includes(platformName()), platformName())
  const empty = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'kycrypt-loader-'))
  try {
    fs.writeFileSync(path.join(empty, 'package.json'), '{"version":"9.8.7"}')
    assert.throws(() => load(empty, 'linux-arm64-musl'), (e) => e.code === 'ERR_KYCRYPT_NATIVE_MISSING' &&
      e.message.includes('(linux-arm64-musl) is in the package @kycrypt/linux-arm64-musl, which is not installed') &&
      e.message.includes('npm install @kycrypt/linux-arm64-musl@9.8.7'))
    assert.throws(() => load(empty, 'freebsd-x64'), (e) => e.code === 'ERR_KYCRYPT_UNSUPPORTED_PLATFORM' &&
      e.message.includes('no native addon is built for freebsd-x64'))
    // A platform package of another version is refused, naming both versions.
    const other = path.join(empty, 'node_modules', '@kycrypt', 'linux-x64-gnu')
    fs.mkdirSync(other, { recursive: true })
    fs.writeFileSync(path.join(other, 'package.json'), '{"name":"@kycrypt/linux-x64-gnu","version":"9.8.6"}')
    assert.throws(() => load(empty, 'linux-x64-gnu'), (e) => e.code === 'ERR_KYCRYPT_NATIVE_VERSION' &&
      e.message.includes('@kycrypt/linux-x64-gnu is version 9.8.6 but kycrypt is 9.8.7'))
    // The right version loads through the package's `main` (in a fresh directory: Node
    // caches what it read of a package.json by path).
    if (PKG !== pkgDir) {
      const real = platformPkg()
      const fresh = path.join(empty, 'fresh')
      fs.mkdirSync(fresh)
      fs.writeFileSync(path.join(fresh, 'package.json'), '{"version":"9.8.7"}')
      const mine = path.join(fresh, 'node_modules', '@kycrypt', path.basename(real))
      fs.cpSync(real, mine, { recursive: true })
      const pkg = JSON.parse(fs.readFileSync(path.join(mine, 'package.json'), 'utf8'))
      fs.writeFileSync(path.join(mine, 'package.json'), JSON.stringify({ ...pkg, version: '9.8.7' }))
      assert.equal(typeof load(fresh, platformName()).hmacSha256, 'function')
    }
  } finally {
    fs.rmSync(empty, { recursive: true, force: true })
  }
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

'use strict'
// Clean-environment install: `npm pack` this package, install the tarball into an
// empty temp dir (no access to this checkout's node_modules) and use it from there.
// Requires the addon to be built first (`npm run build`).

const test = require('node:test')
const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')

const pkgDir = path.join(__dirname, '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

test('npm pack tarball installs and works in a clean directory', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kycrypt-node-'))
  try {
    const out = execFileSync(npm, ['pack', '--json', '--pack-destination', tmp], { cwd: pkgDir, encoding: 'utf8' })
    const [{ filename, files }] = JSON.parse(out)
    const names = files.map((f) => f.path)
    for (const want of ['lib/index.js', 'lib/index.d.ts', 'index.js', 'index.d.ts', 'package.json']) {
      assert.ok(names.includes(want), `${want} missing from the tarball`)
    }
    assert.ok(names.some((n) => n.endsWith('.node')), 'no native addon in the tarball')
    assert.ok(!names.some((n) => n.startsWith('src/') || n.startsWith('test/')), 'sources leaked into the tarball')

    const app = path.join(tmp, 'app')
    fs.mkdirSync(app)
    fs.writeFileSync(path.join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}')
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--offline', path.join(tmp, filename)], { cwd: app, stdio: 'pipe' })
    const script = `
      const k = require('kycrypt')
      const tag = k.hmacSha256(Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?'))
      let code = null
      try { new k.HmacKey(Buffer.from('Jefe')).verify('sha256', Buffer.from('x'), tag) } catch (e) { code = e instanceof k.SignatureInvalidError && e.code }
      console.log(JSON.stringify({ tag: tag.toString('hex'), code, path: require.resolve('kycrypt') }))`
    const res = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' }))
    assert.equal(res.tag, '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
    assert.equal(res.code, 'signature_invalid')
    assert.ok(res.path.startsWith(app), `loaded from ${res.path}`)
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
})

// Packs the npm release: the main package `kycrypt` (JS + types, no native code) with an
// optional dependency on one package per platform, `@kycrypt/<platform>`, each holding
// that platform's addon — the layout napi-rs users know (npm installs only the package
// whose `os`/`cpu`/`libc` match). Used by scripts/package and scripts/test-bindings.sh.
//
// Usage: node scripts/pack.mjs --out DIR [PLATFORM=ADDON.node ...]
//   Without addons, every kycrypt.<platform>.node beside package.json is packed.
//   Writes DIR/kycrypt-<version>.tgz and DIR/kycrypt-<platform>-<version>.tgz (npm pack).
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = join(dirname(fileURLToPath(import.meta.url)), '..')
const root = join(dir, '..', '..')
const { PLATFORMS } = createRequire(import.meta.url)('../native.cjs')
const LICENSES = ['LICENSE-MIT', 'LICENSE-APACHE']

const args = process.argv.slice(2)
const outAt = args.indexOf('--out')
if (outAt < 0 || !args[outAt + 1]) throw new Error('usage: node scripts/pack.mjs --out DIR [PLATFORM=ADDON.node ...]')
const out = resolve(args[outAt + 1])
const given = args.filter((_, i) => i !== outAt && i !== outAt + 1).map((a) => a.split('='))
const addons = given.length > 0 ? given
  : readdirSync(dir).map((f) => /^kycrypt\.([\w-]+)\.node$/.exec(f)).filter(Boolean).map((m) => [m[1], join(dir, m[0])])
if (addons.length === 0) throw new Error('pack: no addon (build one with `node scripts/build.mjs`)')
for (const [platform, file] of addons) {
  if (!PLATFORMS.includes(platform)) throw new Error(`pack: unknown platform ${platform} (${PLATFORMS.join(', ')})`)
  if (!file || !existsSync(file)) throw new Error(`pack: no addon file for ${platform}: ${file}`)
}

const main = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
const { version } = main
const NPM_OS = { linux: 'linux', darwin: 'darwin', win32: 'win32' }
const stage = mkdtempSync(join(tmpdir(), 'kycrypt-pack-'))
const pack = (from) => {
  const [{ filename, files }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: from, encoding: 'utf8' }))
  for (const l of LICENSES) if (!files.some((f) => f.path === l)) throw new Error(`pack: ${filename} has no ${l}`)
  console.log(`packed ${filename} (${files.length} files)`)
}
const addLicenses = (to) => { for (const l of LICENSES) copyFileSync(join(root, l), join(to, l)) }

try {
  // One package per platform: the addon, its licenses, a README pointing at `kycrypt`.
  for (const [platform, file] of addons) {
    const [os, cpu, abi] = platform.split('-')
    const to = join(stage, platform)
    mkdirSync(to, { recursive: true })
    const addon = `kycrypt.${platform}.node`
    copyFileSync(file, join(to, addon))
    addLicenses(to)
    writeFileSync(join(to, 'README.md'), `# @kycrypt/${platform}\n\nThe native addon of [kycrypt](https://www.npmjs.com/package/kycrypt) for ${platform}. Install \`kycrypt\`, not this package: npm picks this one as an optional dependency on matching systems.\n`)
    writeFileSync(join(to, 'package.json'), `${JSON.stringify({
      name: `@kycrypt/${platform}`,
      version,
      description: `kycrypt's native addon for ${platform}.`,
      license: main.license,
      main: addon,
      files: [addon, ...LICENSES],
      os: [NPM_OS[os]],
      cpu: [cpu],
      ...(abi === 'gnu' ? { libc: ['glibc'] } : abi === 'musl' ? { libc: ['musl'] } : {}),
      engines: main.engines,
    }, null, 2)}\n`)
    pack(to)
  }

  // The main package: the files it lists, its licenses, and the platform packages.
  const to = join(stage, 'kycrypt')
  mkdirSync(to, { recursive: true })
  for (const f of main.files.filter((f) => !f.includes('*') && !LICENSES.includes(f))) copyFileSync(join(dir, f), join(to, basename(f)))
  copyFileSync(join(dir, 'README.md'), join(to, 'README.md'))
  addLicenses(to)
  const { devDependencies, scripts, napi, ...published } = main
  published.optionalDependencies = Object.fromEntries(addons.map(([p]) => [`@kycrypt/${p}`, version]).sort())
  writeFileSync(join(to, 'package.json'), `${JSON.stringify(published, null, 2)}\n`)
  pack(to)
} finally {
  rmSync(stage, { recursive: true, force: true })
}

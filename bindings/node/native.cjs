'use strict'
// Finds kycrypt's native addon (`load()`, called once by index.cjs): a local build beside this file (`kycrypt.<platform>.node`, as
// `node scripts/build.mjs` leaves it in the source tree), else the platform package
// `@kycrypt/<platform>` that npm installed as an optional dependency of `kycrypt`.
// When neither loads, the error names the package to install and why it may be missing.
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')

/** The platforms a release builds a package for (see .github/workflows/release.yml). */
const PLATFORMS = [
  'linux-x64-gnu', 'linux-arm64-gnu', 'linux-x64-musl', 'linux-arm64-musl',
  'darwin-x64', 'darwin-arm64', 'win32-x64-msvc',
]

function isMusl() {
  // Node's own report says which glibc it runs on; a musl build has none.
  const report = process.report
  if (report && typeof report.getReport === 'function') {
    report.excludeNetwork = true
    const header = report.getReport().header
    return !header.glibcVersionRuntime
  }
  return false
}

/** The napi-rs platform name of this process, e.g. `linux-x64-gnu`. */
function platformName(platform = process.platform, arch = process.arch, musl = platform === 'linux' && isMusl()) {
  const abi = platform === 'linux' ? (musl ? '-musl' : '-gnu') : platform === 'win32' ? '-msvc' : ''
  return `${platform}-${arch}${abi}`
}

function load(dir = __dirname, platform = platformName(), version = require(join(dir, 'package.json')).version) {
  const local = join(dir, `kycrypt.${platform}.node`)
  if (existsSync(local)) return require(local)
  const pkg = `@kycrypt/${platform}`
  if (!PLATFORMS.includes(platform)) {
    throw Object.assign(new Error(
      `kycrypt: no native addon is built for ${platform}; packages exist for ${PLATFORMS.join(', ')}`,
    ), { code: 'ERR_KYCRYPT_UNSUPPORTED_PLATFORM' })
  }
  let found
  try {
    found = require.resolve(`${pkg}/package.json`, { paths: [dir] })
  } catch (cause) {
    throw Object.assign(new Error(
      `kycrypt: the native addon for this platform (${platform}) is in the package ${pkg}, which is ` +
      `not installed. npm installs it as an optional dependency of kycrypt; it is left out by ` +
      `--omit=optional (or --no-optional), or by a lockfile made on another platform. ` +
      `Install it: npm install ${pkg}@${version}`,
      { cause },
    ), { code: 'ERR_KYCRYPT_NATIVE_MISSING' })
  }
  const have = JSON.parse(readFileSync(found, 'utf8')).version
  if (have !== version) {
    throw Object.assign(new Error(
      `kycrypt: ${pkg} is version ${have} but kycrypt is ${version}; install ${pkg}@${version}`,
    ), { code: 'ERR_KYCRYPT_NATIVE_VERSION' })
  }
  return require(join(found, '..'))
}

module.exports = { PLATFORMS, platformName, load }

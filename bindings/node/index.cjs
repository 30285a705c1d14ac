'use strict'
// kycrypt for Node: the napi addon (index.js, the loader napi generates; types in index.d.ts) with every export
// wrapped so that a thrown error (or a rejected Promise) becomes the KycryptError
// subclass of its `code`, and redacted records print their redacted text in util.inspect.
const { inspect } = require('node:util')
const native = require('./index.js')

class KycryptError extends Error {
  constructor(code, message) {
    super(message)
    this.name = new.target.name
    this.code = code
  }
}
const ERRORS_BY_CODE = Object.create(null)
const errors = {}
for (const code of native.errorCodes()) {
  const name = `${code.replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase())}Error`
  errors[name] = ERRORS_BY_CODE[code] = { [name]: class extends KycryptError {} }[name]
}
// napi's own statuses (capitalized, e.g. `InvalidArg`) mean a JS argument of the wrong type.
const mapError = (e) => !(e instanceof Error) || typeof e.code !== 'string' ? e
  : ERRORS_BY_CODE[e.code] ? new ERRORS_BY_CODE[e.code](e.code, e.message)
  : /^[A-Z]/.test(e.code) ? Object.assign(new TypeError(e.message), { code: e.code }) : e
function guard(run) {
  try {
    const r = run()
    return r instanceof Promise ? r.catch((e) => Promise.reject(mapError(e))) : r
  } catch (e) { throw mapError(e) }
}
const wrapFn = (f, name = f.name) => Object.defineProperty(function (...a) { return guard(() => f.apply(this, a)) }, 'name', { value: name })
function wrapClass(C) {
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(C.prototype))) {
    if (typeof d.value === 'function' && k !== 'constructor') C.prototype[k] = wrapFn(d.value)
  }
  if (C.prototype.toJSON) C.prototype[inspect.custom] = function () { return this.toString() }
  // napi's statics are read-only: the Proxy serves wrapped ones (its target is a stand-in).
  const statics = Object.fromEntries(Object.getOwnPropertyNames(C).filter((k) => k !== 'prototype' && typeof C[k] === 'function').map((k) => [k, wrapFn(C[k], k)]))
  const P = new Proxy(Object.defineProperty(function () {}, 'name', { value: C.name }), {
    construct: (_, args, nt) => guard(() => Reflect.construct(C, args, nt === P ? C : nt)),
    apply: (_, self, args) => guard(() => Reflect.apply(C, self, args)),
    get: (_, k) => (Object.hasOwn(statics, k) ? statics[k] : C[k]),
  })
  C.prototype.constructor = P
  return P
}
const wrap = (v) => typeof v !== 'function' ? (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wrap(x)])) : v)
  : /^[A-Z]/.test(v.name) ? wrapClass(v) : wrapFn(v) // napi: classes PascalCase, functions camelCase
module.exports = { ...wrap(native), KycryptError, ERRORS_BY_CODE, ...errors }

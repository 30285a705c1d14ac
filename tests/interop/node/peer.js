'use strict'
// The peer side of the interop protocol (tests/interop/common.rs): read {"tasks": [...]} from
// stdin, run each task, write {"results": [...]} to stdout in task order. A task that throws
// becomes {"id", "ok": false, "error": describe(e)}; the peer never decides pass or fail.

/** The default error text: the exception's class and message. */
function className(e) {
  return `${e?.constructor?.name ?? 'Error'}: ${e?.message ?? e}`
}

/**
 * Serves one request: `run(task)` returns (or resolves to) the result members of a task.
 * `before()` runs once before the tasks (e.g. loading ESM-only modules), `after()` once
 * after them (e.g. checking that no global state changed).
 */
async function serve(run, { describe = className, before, after } = {}) {
  const chunks = []
  for await (const c of process.stdin) chunks.push(c)
  const { tasks } = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  if (before) await before()
  const results = []
  for (const task of tasks) {
    try {
      results.push({ id: task.id, ok: true, ...(await run(task)) })
    } catch (e) {
      results.push({ id: task.id, ok: false, error: describe(e) })
    }
  }
  if (after) after()
  process.stdout.write(JSON.stringify({ results }))
}

/** Runs `serve`, exiting 2 on a protocol-level failure. */
function main(run, options) {
  serve(run, options).catch((e) => {
    console.error(e)
    process.exit(2)
  })
}

module.exports = { main }

// Writes each ```ts block of README.md to <out>/NN.ts (an ES module), for tsc --strict.
// Usage: node scripts/readme-examples.mjs README.md <out-dir>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [readme, out] = process.argv.slice(2)
const blocks = [...readFileSync(readme, 'utf8').matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1])
if (blocks.length === 0) throw new Error(`${readme}: no \`\`\`ts blocks`)
mkdirSync(out, { recursive: true })
blocks.forEach((b, i) => writeFileSync(join(out, `${String(i + 1).padStart(2, '0')}.ts`), `${b}\nexport {}\n`))
console.log(`${blocks.length} README examples written to ${out}`)

// Runs the golden scenario scripts in scope; a failure shows each failing expectation with a diff.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'vitest'
import { parseScript } from '../../src/script/parse'
import { formatFailures, runScript } from '../../src/script/run'

/** Goldens in scope (by number prefix): engine core, workload controllers, 10, 05 (HPA); 11 (trace) joins with its issue. */
export const IN_SCOPE = ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13']

const dir = __dirname
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.sh') && IN_SCOPE.includes(f.slice(0, 2)))
  .sort()

describe('golden scenario scripts', () => {
  it('finds every script in scope', () => {
    if (files.length !== IN_SCOPE.length) throw new Error(`expected ${IN_SCOPE.length} goldens, found ${files.join(', ')}`)
  })

  for (const file of files) {
    it(file, async () => {
      const script = parseScript(readFileSync(join(dir, file), 'utf8'), `tests/golden/${file}`)
      const t = await runScript(script)
      if (!t.ok) throw new Error(`${t.failedChecks} failed expectation(s):\n\n${formatFailures(t)}`)
    }, 30_000)
  }
})

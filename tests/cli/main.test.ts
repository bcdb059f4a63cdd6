import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main'

async function cli(...argv: string[]) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) })
  return { code, out, err, lastLine: out.trimEnd().split('\n').pop() }
}

const dir = mkdtempSync(join(tmpdir(), 'podflow-cli-'))
function script(name: string, text: string): string {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

describe('podflow CLI', () => {
  it('--help prints usage and exits 0', async () => {
    const r = await cli('--help')
    expect(r.code).toBe(0)
    expect(r.out).toContain('Usage: podflow')
    expect(r.out).toContain('check FILE...')
  })

  it('usage errors exit 2', async () => {
    expect((await cli()).code).toBe(2)
    const r = await cli('frob')
    expect(r.code).toBe(2)
    expect(r.err).toContain('unknown command "frob"')
    expect((await cli('check')).code).toBe(2)
    expect((await cli('run')).code).toBe(2)
    expect((await cli('run', 'a', 'b')).code).toBe(2)
    expect((await cli('hash')).code).toBe(2)
  })

  it('check reports parse errors with file:line and counts them as failed', async () => {
    const bad = script('bad.sh', 'kubectl get pods\ncurl localhost\n')
    const r = await cli('check', bad)
    expect(r.code).toBe(1)
    expect(r.out).toContain(`${bad}:2: unsupported command "curl"`)
    expect(r.lastLine).toBe('0 passed, 1 failed')
  })

  it('check reports unreadable files', async () => {
    const r = await cli('check', join(dir, 'missing.sh'))
    expect(r.code).toBe(1)
    expect(r.out).toContain('cannot read')
    expect(r.lastLine).toBe('0 passed, 1 failed')
  })

  it('check passes and fails scripts, one count per script, with a diff', async () => {
    const good = script('good.sh', '# podflow: seed=1\nsleep 1\npodflow hash\n#> *\n')
    const fail = script('fail.sh', '# podflow: seed=1\npodflow frob\n#> something else\n')
    const r = await cli('check', good, fail)
    expect(r.code).toBe(1)
    expect(r.out).toContain(`${fail}:2: $ podflow frob`)
    expect(r.out).toContain('> something else')
    expect(r.out).toContain('> error: unknown podflow command "frob"')
    expect(r.lastLine).toBe('1 passed, 1 failed')
    expect((await cli('check', good)).code).toBe(0)
  })

  it('run prints the transcript; hash prints the state hash', async () => {
    const s = script('t.sh', '# podflow: seed=2\nsleep 1\npodflow hash\n')
    const r = await cli('run', s)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^\$ sleep 1\n\$ podflow hash\n[0-9a-f]{14}\n$/)
    const h = await cli('hash', s)
    expect(h.out.trim()).toBe(r.out.trim().split('\n').pop())
  })

  it('bin/podflow.mjs runs from another directory', () => {
    const bin = join(__dirname, '../../bin/podflow.mjs')
    const r = spawnSync(process.execPath, [bin, '--help'], { cwd: tmpdir(), encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('Usage: podflow')
    const u = spawnSync(process.execPath, [bin, 'nope'], { cwd: tmpdir(), encoding: 'utf8' })
    expect(u.status).toBe(2)
  })
})

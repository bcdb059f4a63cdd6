// The lint rules that keep the engine pure and the layers in order actually fire.
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'

const eslint = new ESLint({ cwd: process.cwd() })

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`)
}

describe('engine purity', () => {
  it('bans the wall clock, Math.random, timers and DOM globals under src/engine', async () => {
    const out = await messages(
      'export const a = Date.now() + Math.random() + performance.now()\nsetTimeout(() => 0, 1)\nexport const d = document.title\n',
      'src/engine/sim/probe.ts',
    )
    expect(out.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(4)
    expect(out.some((m) => m.startsWith('no-restricted-properties') && m.includes('Math.random'))).toBe(true)
  })

  it('bans UI libraries and other layers in the engine but allows kubernetes-types and relative engine imports', async () => {
    const out = await messages(
      "import { useState } from 'react'\nimport { create } from 'zustand'\nimport { x } from '../../kubectl/index'\nimport type { Pod } from 'kubernetes-types/core/v1'\nimport { seedRng } from './rng'\nexport const y: unknown = [useState, create, x, seedRng]\nexport type P = Pod\n",
      'src/engine/sim/probe.ts',
    )
    const restricted = out.filter((m) => m.startsWith('podflow/layers'))
    expect(restricted).toHaveLength(3)
    expect(restricted.join('\n')).not.toContain('kubernetes-types/core/v1')
  })

  it('resolves imports to files: the API store inside the engine is not the store layer', async () => {
    const ok = await messages("import { clone } from '../store'\nexport const f = clone\n", 'src/engine/api/validation/probe.ts')
    expect(ok).toEqual([])
    const bad = await messages("import { x } from '../../../store/index'\nexport const f = x\n", 'src/engine/api/validation/probe.ts')
    expect(bad.some((m) => m.startsWith('podflow/layers') && m.includes('src/engine may not import src/store'))).toBe(true)
  })

  it('allows the same code outside the engine', async () => {
    const out = await messages('export const a = Date.now() + Math.random()\n', 'src/cli/probe.ts')
    expect(out).toEqual([])
  })
})

describe('layer imports', () => {
  it('kubectl may import the engine but not the script layer or the store', async () => {
    const out = await messages(
      "import { createCluster } from '../engine'\nimport { run } from '../script/run'\nimport { s } from '../store/index'\nexport const z: unknown = [createCluster, run, s]\n",
      'src/kubectl/probe.ts',
    )
    expect(out.filter((m) => m.startsWith('podflow/layers'))).toHaveLength(2)
  })

  it('the UI may import engine types only', async () => {
    const ok = await messages("import type { KObject } from '../engine'\nexport type K = KObject\n", 'src/ui/probe.ts')
    expect(ok).toEqual([])
    const bad = await messages("import { createCluster } from '../engine'\nexport const c = createCluster\n", 'src/ui/probe.ts')
    expect(bad.some((m) => m.startsWith('podflow/layers'))).toBe(true)
  })
})

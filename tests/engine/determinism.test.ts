// E5: same seed + same commands ⇒ identical state hash; restore-and-continue ⇒ same as a
// straight run; a different seed ⇒ a different run.
import { describe, expect, it } from 'vitest'
import { createCluster, restoreCluster, type Cluster } from '../../src/engine'

const deployment = (name: string, replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } },
  },
})

type Step = (c: Cluster) => void
const steps: Step[] = [
  (c) => { c.api.create(deployment('web', 3)) },
  (c) => c.advance(20_000),
  (c) => { c.api.mutate('deployments', 'default', 'web', (d) => { d.spec.replicas = 5 }) },
  (c) => c.advance(15_000),
  (c) => { const p = c.api.list('pods', { namespace: 'default' })[0]; if (p) c.api.delete('pods', 'default', p.metadata.name) },
  (c) => { c.act({ type: 'node.stop', node: 'worker-2' }) },
  (c) => c.advance(60_000),
  (c) => { c.act({ type: 'node.start', node: 'worker-2' }) },
  (c) => c.advance(30_000),
]

function run(seed: number, from?: Cluster, start = 0): Cluster {
  const c = from ?? createCluster({ seed })
  for (let i = start; i < steps.length; i++) steps[i](c)
  return c
}

describe('determinism', () => {
  it('same seed and commands give the same hash', () => {
    const a = run(11)
    const b = run(11)
    expect(a.hash()).toBe(b.hash())
    expect(a.api.list('pods', { namespace: 'default' }).length).toBeGreaterThan(0)
  })

  it('a different seed gives a different run', () => {
    expect(run(11).hash()).not.toBe(run(12).hash())
  })

  it('restoring a snapshot and continuing equals the straight run', () => {
    const straight = run(21)
    const c = createCluster({ seed: 21 })
    for (let i = 0; i < 4; i++) steps[i](c)
    const snap = JSON.parse(JSON.stringify(c.snapshot()))
    const resumed = run(21, restoreCluster(snap), 4)
    expect(resumed.hash()).toBe(straight.hash())
  })

  it('keeps the state plain JSON', () => {
    const c = run(5)
    const text = JSON.stringify(c.state)
    expect(JSON.parse(text)).toEqual(c.state)
  })
})

// The load → usage → metrics-server → HPA chain is deterministic: the same steps give the same
// hash, a run restored from a snapshot continues as the straight run, and readers (the Metrics
// API, the evaluations) leave the state untouched.
import { describe, expect, it } from 'vitest'
import { hpaEvaluations, listNodeMetrics, listPodMetrics, restoreCluster, type Cluster } from '../../../../src/engine'
import { cpu, hpa, load, settled, waitReady, workload } from './helpers'

const STEPS: ((c: Cluster) => void)[] = [
  (c) => { workload(c, 'Deployment', 'web', 2); waitReady(c, 'web', 2) },
  (c) => { load(c, 'web', 150); hpa(c, 'web', {}, { metrics: cpu(50) }) },
  (c) => c.advance(90_000),
  (c) => load(c, 'web', 40),
  (c) => c.advance(120_000),
]

function run(c: Cluster, from = 0, to = STEPS.length): Cluster {
  for (let i = from; i < to; i++) STEPS[i](c)
  return c
}

describe('HPA chain determinism', () => {
  it('same steps give the same hash, with or without readers', () => {
    const a = run(settled())
    const b = settled()
    for (let i = 0; i < STEPS.length; i++) {
      STEPS[i](b)
      listPodMetrics(b, undefined)
      listNodeMetrics(b)
      hpaEvaluations(b, 'default', 'web')
    }
    expect(b.hash()).toBe(a.hash())
    expect(hpaEvaluations(a, 'default', 'web').length).toBeGreaterThan(5)
    expect(a.api.get('deployments', 'default', 'web')?.spec.replicas).toBeGreaterThan(2)
  }, 60_000)

  it('a run restored from a snapshot continues as the straight run', () => {
    const straight = run(settled())
    const first = run(settled(), 0, 3)
    const restored = run(restoreCluster(first.snapshot()), 3)
    expect(restored.hash()).toBe(straight.hash())
  }, 60_000)
})

import { describe, expect, it } from 'vitest'
import { restoreCluster } from '../../../src/engine/cluster'
import { cluster, deployment, run } from './helpers'

function scenario(seed: number) {
  const c = cluster({ seed, system: true })
  c.api.create(deployment('web', 4))
  c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } })
  run(c, 2000)
  return c
}

describe('determinism', () => {
  it('same seed, same steps → same state hash; another seed differs', () => {
    expect(scenario(5).hash()).toBe(scenario(5).hash())
    expect(scenario(5).hash()).not.toBe(scenario(6).hash())
  })

  it('controller state survives snapshot/restore (plain JSON slots)', () => {
    const a = scenario(9)
    const b = restoreCluster(JSON.parse(JSON.stringify(a.snapshot())))
    a.api.mutate('deployments', 'default', 'web', (d) => { d.spec.replicas = 6 })
    b.api.mutate('deployments', 'default', 'web', (d) => { d.spec.replicas = 6 })
    run(a, 1000)
    run(b, 1000)
    expect(b.hash()).toBe(a.hash())
    expect(b.api.list('pods').length).toBe(a.api.list('pods').length)
  })
})

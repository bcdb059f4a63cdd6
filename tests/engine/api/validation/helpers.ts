// Test helpers: a bare cluster (no other modules) with the validation chain and a namespace.
import '../../../../src/engine/api/validation/index'
import { createCluster, type Cluster } from '../../../../src/engine/cluster'
import type { KObject, NewObject, Result } from '../../../../src/engine/api/types'

export function bareCluster(seed = 1): Cluster {
  const c = createCluster({ settle: false, seed })
  c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } })
  return c
}

export function pod(name: string, spec: Record<string, unknown> = {}): NewObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...spec } }
}

export function msg(r: Result<KObject>): string {
  if (r.ok) throw new Error('expected failure, got ' + JSON.stringify(r.value).slice(0, 300))
  return r.status.message
}

export function val(r: Result<KObject>): KObject {
  if (!r.ok) throw new Error('unexpected failure: ' + r.status.message)
  return r.value
}

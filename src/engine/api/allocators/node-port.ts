// NodePort allocation from --service-node-port-range (default 30000-32767). Ports in use are read
// from the stored services. k/k pkg/registry/core/service/portallocator/allocator.go (error texts).
import type { Cluster } from '../../cluster'
import type { KObject } from '../types'
import { allocateIndex, portRangeOffset } from './band'

export const NODE_PORT_BASE = 30000
export const NODE_PORT_SIZE = 2768 // 30000-32767

export const errPortNotInRange = `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_BASE}-${NODE_PORT_BASE + NODE_PORT_SIZE - 1}`
export const ErrPortAllocated = 'provided port is already allocated'
export const ErrPortFull = 'range is full'

/** nodePorts (and healthCheckNodePorts) of the stored services, except the one being written. */
export function usedNodePorts(c: Cluster, except?: { namespace?: string; name: string }): Set<number> {
  const used = new Set<number>()
  for (const svc of Object.values(c.state.store.objects.services ?? {}) as KObject[]) {
    if (except && svc.metadata.namespace === except.namespace && svc.metadata.name === except.name) continue
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort)
    if (svc.spec?.healthCheckNodePort) used.add(svc.spec.healthCheckNodePort)
  }
  return used
}

export type PortResult = { ok: true; port: number } | { ok: false; error: string }

export function allocateNodePort(c: Cluster, used: Set<number>, requested?: number): PortResult {
  if (requested) {
    if (requested < NODE_PORT_BASE || requested >= NODE_PORT_BASE + NODE_PORT_SIZE) return { ok: false, error: errPortNotInRange }
    if (used.has(requested)) return { ok: false, error: ErrPortAllocated }
    return { ok: true, port: requested }
  }
  const idx = new Set<number>()
  for (const p of used) if (p >= NODE_PORT_BASE && p < NODE_PORT_BASE + NODE_PORT_SIZE) idx.add(p - NODE_PORT_BASE)
  const at = allocateIndex(c.state, NODE_PORT_SIZE, portRangeOffset(NODE_PORT_SIZE), idx)
  if (at === undefined) return { ok: false, error: ErrPortFull }
  return { ok: true, port: NODE_PORT_BASE + at }
}

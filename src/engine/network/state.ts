// The network's own state (plain JSON in the cluster state): pokes (partitioned nodes, stopped
// flanneld), kube-proxy's view frozen on a partitioned node, and the `recent` match lists of
// ClientIP session affinity, which live in each node's kernel.
import type { Cluster } from '../cluster'
import type { ServicePortInfo } from './kubeproxy/service-ports'

export interface NetState {
  /** Nodes cut from the underlay. */
  partitioned: Record<string, true>
  /** Nodes whose flanneld is stopped (their flannel device and routes are gone). */
  flannelDown: Record<string, true>
  /** kube-proxy's last synced Services on a partitioned node (it cannot watch the API). */
  frozen: Record<string, ServicePortInfo[]>
  /** xt_recent lists: node → list name (KUBE-SEP-…) → client address → last seen (sim ms). */
  recent: Record<string, Record<string, Record<string, number>>>
  /** Bumped on every poke: a cache key for the derived views. */
  version: number
}

export function netState(c: Cluster): NetState {
  return c.slot<NetState>('network', () => ({ partitioned: {}, flannelDown: {}, frozen: {}, recent: {}, version: 0 }))
}

/** Read-only peek that does not create the slot (views must not write state). */
export function peekNetState(c: Cluster): NetState | undefined {
  return c.state.components.network as NetState | undefined
}

export function netVersion(c: Cluster): number {
  return peekNetState(c)?.version ?? 0
}

// The whole cluster state: plain JSON, structuredClone-able, hashed for determinism checks.
import type { QueueState } from './sim/queue'
import type { KObject, WatchEvent } from './api/types'
import type { PendingEvent } from './api/events'

export type NetworkBackend = 'vxlan' | 'host-gw' | 'udp'

export interface ClusterConfig {
  seed: number
  workers: number
  /** Worker node capacity: Kubernetes quantities. */
  nodeCpu: string
  nodeMemory: string
  maxPods: number
  network: { backend: NetworkBackend }
  kubernetesVersion: string
}

export const DEFAULT_CONFIG: ClusterConfig = {
  seed: 1,
  workers: 2,
  nodeCpu: '2',
  nodeMemory: '4Gi',
  maxPods: 110,
  network: { backend: 'vxlan' },
  kubernetesVersion: 'v1.30.2',
}

/** A machine of the cluster, independent of its Node API object (the kubelet registers that). */
export interface Machine {
  name: string
  role: 'control-plane' | 'worker'
  /** Underlay address (eth0). */
  ip: string
  /** Index in creation order: podCIDR 10.244.<index>.0/24. */
  index: number
  cpu: string
  memory: string
  kubeletRunning: boolean
}

export interface WatchQueue {
  pending: WatchEvent[]
  scheduled: boolean
}

export interface StoreState {
  /** plural → key ("ns/name" or "name") → object. */
  objects: Record<string, Record<string, KObject>>
  resourceVersion: number
}

export interface ClusterState {
  schema: 1
  config: ClusterConfig
  /** Virtual time, integer ms since the cluster's boot instant (sim/time.ts EPOCH_UNIX_MS). */
  now: number
  /** PRNG state (sim/rng.ts). */
  rng: number
  queue: QueueState
  store: StoreState
  machines: Record<string, Machine>
  /** Per-component pending watch events (component name → queue). */
  watch: Record<string, WatchQueue>
  /** Private state of components (scheduler, controllers, kubelets, allocators), by slot name. */
  components: Record<string, unknown>
  /** Event deduplication index: correlation key → event store key (EventCorrelator). */
  eventIndex: Record<string, string>
  /** Events recorded but not yet written (the recorder's buffer; flushed after each step). */
  eventBuffer: PendingEvent[]
}

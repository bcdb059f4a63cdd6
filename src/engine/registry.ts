// Registries filled by the engine's modules at import time (see wiring.ts): event handlers,
// components (watchers), pokes (actions) and bootstrap steps. Code, never state.
import type { Cluster } from './cluster'
import type { SimEvent } from './sim/queue'
import type { WatchEvent, KObject, Result } from './api/types'

export type EventHandler = (c: Cluster, ev: SimEvent) => void

/** A control-plane or node component that receives watch events from the API store. */
export interface Component {
  /** Unique name, also the activity actor: 'kube-scheduler', 'replicaset-controller', 'kubelet/worker-1'. */
  name: string
  /** Plurals watched. */
  watches: string[]
  /** Optional filter (e.g. a kubelet only sees pods bound to its node). */
  accepts?(plural: string, obj: KObject): boolean
  /**
   * Only pods bound to this node (a kubelet's field selector spec.nodeName=<node>). Indexed by
   * the cluster, so a pod write reaches one kubelet instead of asking every one of them.
   */
  podsOnNode?: string
  /** Delivery latency in ms (default 5). */
  latencyMs?: number
  onEvents(c: Cluster, events: WatchEvent[]): void
}

export type ComponentFactory = (c: Cluster) => Component[]

export type ActionHandler = (c: Cluster, action: Action) => Result<string>

export interface Action {
  type: string
  [key: string]: unknown
}

export const eventHandlers: Record<string, EventHandler> = {}
export const componentFactories: ComponentFactory[] = []
export const actionHandlers: Record<string, ActionHandler> = {}
/** Bootstrap steps, run in `order` when a cluster is created. */
export const bootstrapSteps: { order: number; name: string; run: (c: Cluster) => void }[] = []

export function onEvent(type: string, handler: EventHandler): void {
  eventHandlers[type] = handler
}

export function registerComponents(factory: ComponentFactory): void {
  componentFactories.push(factory)
}

export function onAction(type: string, handler: ActionHandler): void {
  actionHandlers[type] = handler
}

export function onBootstrap(order: number, name: string, run: (c: Cluster) => void): void {
  if (!bootstrapSteps.some((s) => s.name === name)) bootstrapSteps.push({ order, name, run })
  bootstrapSteps.sort((a, b) => a.order - b.order)
}

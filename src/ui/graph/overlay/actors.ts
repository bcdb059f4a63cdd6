// Where an activity's actor sits in the graph: kubelets on their node, the scheduler and
// controllers on their control-plane pods, kubectl just above the API server.
import type { Point } from './positions'

export interface ActorAnchors {
  apiServer?: Point
  etcd?: Point
  scheduler?: Point
  controllerManager?: Point
  kubectl?: Point
  nodes: Map<string, Point>
}

export function anchorsFrom(centres: Map<string, Point>): ActorAnchors {
  const find = (re: RegExp) => {
    for (const [id, p] of centres) if (id.startsWith('pods/kube-system/') && re.test(id.slice(17))) return p
    return undefined
  }
  const apiServer = find(/^kube-apiserver/)
  const nodes = new Map<string, Point>()
  for (const [id, p] of centres) if (id.startsWith('nodes/')) nodes.set(id.slice(6), p)
  return {
    apiServer,
    etcd: find(/^etcd/),
    scheduler: find(/^kube-scheduler/),
    controllerManager: find(/^kube-controller-manager/),
    kubectl: apiServer ? { x: apiServer.x - 140, y: apiServer.y - 110 } : undefined,
    nodes,
  }
}

export function actorPoint(a: ActorAnchors, actor: string): Point | undefined {
  if (actor === 'kube-apiserver') return a.apiServer
  if (actor === 'kubectl') return a.kubectl
  if (actor.startsWith('kubelet/')) return a.nodes.get(actor.slice(8))
  if (actor.includes('scheduler')) return a.scheduler
  return a.controllerManager
}

const READS = new Set(['get', 'list', 'watch'])

/** Whether an API request also goes to etcd (writes do; reads are served from the watch cache). */
export const touchesEtcd = (verb: string) => !READS.has(verb)

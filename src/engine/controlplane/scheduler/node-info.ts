// The scheduler's per-node snapshot (k/k pkg/scheduler/framework/types.go NodeInfo): allocatable,
// Σ requests of the pods on the node (actual and non-zero), pod count, host ports, and pods
// per owner for spreading. Built once per scheduling batch and updated as pods are bound.
import type { KObject } from '../../api/types'
import { bytes, milliCpu } from '../../api/quantity'
import { podRequests, type Req } from './requests'
import { controllerOf, isTerminal } from '../util/pods'

export interface NodeInfo {
  node: KObject
  name: string
  allocCpu: number
  allocMem: number
  allocPods: number
  reqCpu: number
  reqMem: number
  nzCpu: number
  nzMem: number
  pods: number
  /** "protocol/hostIP/port" in use. */
  ports: string[]
  /** controller owner uid → pods of it on this node. */
  owners: Record<string, number>
  /** The pods counted on this node (for inter-pod affinity). */
  podList: KObject[]
}

export function hostPorts(pod: KObject): string[] {
  const out: string[] = []
  for (const ct of (pod.spec?.containers ?? []) as { ports?: { hostPort?: number; protocol?: string; hostIP?: string }[] }[]) {
    for (const p of ct.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostIP || '0.0.0.0'}/${p.hostPort}`)
  }
  return out
}

export function newNodeInfo(node: KObject): NodeInfo {
  const alloc = (node.status?.allocatable ?? node.status?.capacity ?? {}) as Record<string, string>
  return {
    node,
    name: node.metadata.name,
    allocCpu: milliCpu(alloc.cpu),
    allocMem: bytes(alloc.memory),
    allocPods: Number.parseInt(alloc.pods ?? '110', 10) || 0,
    reqCpu: 0, reqMem: 0, nzCpu: 0, nzMem: 0, pods: 0, ports: [], owners: {}, podList: [],
  }
}

/** Adds a pod to the node's totals; `r`/`nz` may be passed when already computed. */
export function addPod(info: NodeInfo, pod: KObject, r: Req = podRequests(pod), nz: Req = podRequests(pod, true)): void {
  info.reqCpu += r.cpu
  info.reqMem += r.mem
  info.nzCpu += nz.cpu
  info.nzMem += nz.mem
  info.pods++
  info.podList.push(pod)
  if (pod.spec?.containers?.some((ct: { ports?: { hostPort?: number }[] }) => ct.ports?.some((p) => p.hostPort))) for (const p of hostPorts(pod)) info.ports.push(p)
  const owner = controllerOf(pod)
  if (owner && !pod.metadata.deletionTimestamp) info.owners[owner.uid] = (info.owners[owner.uid] ?? 0) + 1
}

/** NodeInfos for every node, with the non-terminal pods bound to each. */
export function buildNodeInfos(nodes: KObject[], pods: KObject[]): NodeInfo[] {
  const infos = nodes.map(newNodeInfo)
  const byName: Record<string, NodeInfo> = {}
  for (const i of infos) byName[i.name] = i
  for (const pod of pods) {
    const n = pod.spec?.nodeName as string | undefined
    if (!n || isTerminal(pod)) continue
    const info = byName[n]
    if (info) addPod(info, pod)
  }
  return infos
}

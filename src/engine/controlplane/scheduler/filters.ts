// Filter plugins of the default profile, in the framework's order (k/k pkg/scheduler/apis/config/v1/
// default_plugins.go): NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts,
// NodeResourcesFit. A node stops at its first failing plugin (RunFilterPlugins).
import type { KObject } from '../../api/types'
import type { NodeInfo } from './node-info'
import { hostPorts } from './node-info'
import { firstUntoleratedTaint, toleratedBy, type Taint, type Toleration } from './taints'
import { podMatchesNodeSelectorAndAffinity } from './node-affinity'
import type { Req } from './requests'

export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable'
export const REASON_NODE_NAME = "node(s) didn't match the requested node name"
export const REASON_AFFINITY = "node(s) didn't match Pod's node affinity/selector"
export const REASON_PORTS = "node(s) didn't have free ports for the requested pod ports"

export interface FilterResult {
  reasons: string[]
  /** UnschedulableAndUnresolvable: preemption cannot help on this node. */
  unresolvable: boolean
}

const PASS: FilterResult = { reasons: [], unresolvable: false }

/**
 * The filters that depend only on the pod's scheduling constraints and the node's labels, taints
 * and cordon — not on what runs there. Within one scheduling batch (a fixed node snapshot) their
 * result can be shared by pods with the same constraints. Undefined = passes.
 */
export function staticFilter(pod: KObject, info: NodeInfo): FilterResult | undefined {
  const node = info.node
  const tolerations = pod.spec?.tolerations as Toleration[] | undefined
  // NodeUnschedulable (plugins/nodeunschedulable)
  if (node.spec?.unschedulable && !toleratedBy(tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) {
    return { reasons: [REASON_UNSCHEDULABLE], unresolvable: true }
  }
  // NodeName (plugins/nodename)
  if (pod.spec?.nodeName && pod.spec.nodeName !== info.name) return { reasons: [REASON_NODE_NAME], unresolvable: true }
  // TaintToleration (plugins/tainttoleration)
  const taint = firstUntoleratedTaint(node.spec?.taints as Taint[] | undefined, tolerations)
  if (taint) return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true }
  // NodeAffinity (plugins/nodeaffinity)
  if (!podMatchesNodeSelectorAndAffinity(pod, node)) return { reasons: [REASON_AFFINITY], unresolvable: true }
  return undefined
}

/** The key under which staticFilter results may be shared within a batch. */
export function staticSignature(pod: KObject): string {
  const s = pod.spec ?? {}
  return JSON.stringify([s.tolerations ?? null, s.nodeSelector ?? null, s.affinity?.nodeAffinity ?? null, s.nodeName ?? null])
}

/** NodePorts and NodeResourcesFit: the filters that depend on the pods already on the node. */
export function dynamicFilter(req: Req, info: NodeInfo, wanted: string[]): FilterResult {
  // NodePorts (plugins/nodeports): a wildcard host IP conflicts with any IP on the same port.
  if (wanted.length && info.ports.length) {
    for (const w of wanted) {
      const [proto, ip, port] = w.split('/')
      for (const u of info.ports) {
        const [p2, ip2, port2] = u.split('/')
        if (p2 === proto && port2 === port && (ip === ip2 || ip === '0.0.0.0' || ip2 === '0.0.0.0')) return { reasons: [REASON_PORTS], unresolvable: false }
      }
    }
  }
  // NodeResourcesFit (plugins/noderesources/fit.go fitsRequest): pods first, then each resource.
  const tooMany = info.pods + 1 > info.allocPods
  const cpu = req.cpu > 0 && req.cpu > info.allocCpu - info.reqCpu
  const mem = req.mem > 0 && req.mem > info.allocMem - info.reqMem
  if (!tooMany && !cpu && !mem) return PASS
  const reasons: string[] = []
  if (tooMany) reasons.push('Too many pods')
  if (cpu) reasons.push('Insufficient cpu')
  if (mem) reasons.push('Insufficient memory')
  return { reasons, unresolvable: false }
}

/** Runs the filters for one pod on one node. `req` is the pod's effective (actual) request. */
export function filterNode(pod: KObject, req: Req, info: NodeInfo, wanted: string[] = hostPorts(pod)): FilterResult {
  return staticFilter(pod, info) ?? dynamicFilter(req, info, wanted)
}

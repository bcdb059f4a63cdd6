// `kubectl describe node`. Source: kubernetes/kubectl pkg/describe/describe.go describeNode,
// describeNodeResource (v1.30).
import type { Cluster, KObject } from '../../../engine'
import { since } from '../duration'
import { bytes, formatBytesQuantity, formatMilliCpu, milliCpu, quantityString } from '../format'
import { nodeRoles } from '../table/core'
import { describeEventsFor, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123 } from './common'
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer'

 

/** resourcehelper.PodRequestsAndLimits (simplified): sum of app containers, max with each init container. */
export function podRequestsAndLimits(pod: KObject): { req: Record<string, number>; lim: Record<string, number> } {
  const sum = (ctrs: any[], kind: 'requests' | 'limits') => {
    const out: Record<string, number> = {}
    for (const ctr of ctrs) {
      for (const [k, v] of Object.entries((ctr.resources?.[kind] ?? {}) as Record<string, string>)) {
        out[k] = (out[k] ?? 0) + (k === 'cpu' ? milliCpu(v) : bytes(v))
      }
    }
    return out
  }
  const req = sum(pod.spec?.containers ?? [], 'requests')
  const lim = sum(pod.spec?.containers ?? [], 'limits')
  for (const ic of (pod.spec?.initContainers ?? []) as any[]) {
    for (const [kind, target] of [['requests', req], ['limits', lim]] as const) {
      for (const [k, v] of Object.entries((ic.resources?.[kind] ?? {}) as Record<string, string>)) {
        const n = k === 'cpu' ? milliCpu(v) : bytes(v)
        if (n > (target[k] ?? 0)) target[k] = n
      }
    }
  }
  return { req, lim }
}

const fmt = (res: string, v: number) => (res === 'cpu' ? (v === 0 ? '0' : formatMilliCpu(v)) : formatBytesQuantity(v))
const pct = (v: number, total: number) => (total === 0 ? 0 : Math.trunc((v / total) * 100))

function describeNodeResource(c: Cluster, node: KObject, pods: KObject[], w: PrefixWriter): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const alloc: Record<string, string> = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : node.status?.capacity ?? {}
  const allocCpu = milliCpu(alloc.cpu ?? '0')
  const allocMem = bytes(alloc.memory ?? '0')
  const total = { req: {} as Record<string, number>, lim: {} as Record<string, number> }
  for (const pod of pods) {
    const { req, lim } = podRequestsAndLimits(pod)
    for (const [k, v] of Object.entries(req)) total.req[k] = (total.req[k] ?? 0) + v
    for (const [k, v] of Object.entries(lim)) total.lim[k] = (total.lim[k] ?? 0) + v
    const cr = req.cpu ?? 0
    const cl = lim.cpu ?? 0
    const mr = req.memory ?? 0
    const ml = lim.memory ?? 0
    w.write(LEVEL_1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${fmt('cpu', cr)} (${pct(cr, allocCpu)}%)\t${fmt('cpu', cl)} (${pct(cl, allocCpu)}%)\t${fmt('memory', mr)} (${pct(mr, allocMem)}%)\t${fmt('memory', ml)} (${pct(ml, allocMem)}%)\t${since(c, pod.metadata.creationTimestamp)}\n`)
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  const line = (res: string, allocV: number) => {
    const r = total.req[res] ?? 0
    const l = total.lim[res] ?? 0
    w.write(LEVEL_1, `${res}\t${fmt(res, r)} (${pct(r, allocV)}%)\t${fmt(res, l)} (${pct(l, allocV)}%)\n`)
  }
  line('cpu', allocCpu)
  line('memory', allocMem)
  line('ephemeral-storage', bytes(alloc['ephemeral-storage'] ?? '0'))
  const names = Object.keys(alloc)
  for (const hp of names.filter((k) => k.startsWith('hugepages-')).sort()) line(hp, bytes(alloc[hp]))
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods', 'storage'])
  for (const ext of names.filter((k) => !k.startsWith('hugepages-') && !standard.has(k)).sort()) {
    w.write(LEVEL_1, `${ext}\t${total.req[ext] ?? 0}\t${total.lim[ext] ?? 0}\n`)
  }
}

export function describeNode(c: Cluster, node: KObject): string {
  return tabbedString((w) => {
    const spec = node.spec ?? {}
    const st = node.status ?? {}
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`)
    w.write(LEVEL_0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`)
    printLabelsMultiline(w, 'Labels', node.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations)
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123(node.metadata.creationTimestamp)}\n`)
    printTaintsMultiline(w, 'Taints', spec.taints)
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`)
    const lease = c.api.get('leases', 'kube-node-lease', node.metadata.name)
    w.write(LEVEL_0, 'Lease:\n')
    w.write(LEVEL_1, `HolderIdentity:\t${lease?.spec?.holderIdentity ?? '<unset>'}\n`)
    w.write(LEVEL_1, `AcquireTime:\t${lease?.spec?.acquireTime ? rfc1123(lease.spec.acquireTime) : '<unset>'}\n`)
    w.write(LEVEL_1, `RenewTime:\t${lease?.spec?.renewTime ? rfc1123(lease.spec.renewTime) : '<unset>'}\n`)
    const conds: any[] = st.conditions ?? []
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const cd of conds) {
        w.write(LEVEL_1, `${cd.type} \t${cd.status} \t${rfc1123(cd.lastHeartbeatTime)} \t${rfc1123(cd.lastTransitionTime)} \t${cd.reason ?? ''} \t${cd.message ?? ''}\n`)
      }
    }
    w.write(LEVEL_0, 'Addresses:\n')
    for (const a of (st.addresses ?? []) as any[]) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
    const printList = (list: Record<string, string>) => {
      for (const k of Object.keys(list).sort()) w.write(LEVEL_0, `  ${k}:\t${quantityString(list[k], k)}\n`)
    }
    if (Object.keys(st.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n')
      printList(st.capacity)
    }
    if (Object.keys(st.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n')
      printList(st.allocatable)
    }
    const ni = st.nodeInfo ?? {}
    w.write(LEVEL_0, 'System Info:\n')
    w.write(LEVEL_0, `  Machine ID:\t${ni.machineID ?? ''}\n`)
    w.write(LEVEL_0, `  System UUID:\t${ni.systemUUID ?? ''}\n`)
    w.write(LEVEL_0, `  Boot ID:\t${ni.bootID ?? ''}\n`)
    w.write(LEVEL_0, `  Kernel Version:\t${ni.kernelVersion ?? ''}\n`)
    w.write(LEVEL_0, `  OS Image:\t${ni.osImage ?? ''}\n`)
    w.write(LEVEL_0, `  Operating System:\t${ni.operatingSystem ?? ''}\n`)
    w.write(LEVEL_0, `  Architecture:\t${ni.architecture ?? ''}\n`)
    w.write(LEVEL_0, `  Container Runtime Version:\t${ni.containerRuntimeVersion ?? ''}\n`)
    w.write(LEVEL_0, `  Kubelet Version:\t${ni.kubeletVersion ?? ''}\n`)
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${ni.kubeProxyVersion ?? ''}\n`)
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`)
    if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`)
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`)
    // kubectl lists pods with fieldSelector spec.nodeName=<node>,status.phase!=Succeeded,status.phase!=Failed
    const pods = c.api.list('pods', {
      filter: (p) => p.spec?.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    })
    describeNodeResource(c, node, pods, w)
    describeEventsFor(c, node, w)
  })
}

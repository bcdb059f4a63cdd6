// Table columns and rows for core/v1 resources.
// Source: k/k pkg/printers/internalversion/printers.go (v1.30) AddHandlers + printXxx.
import type { Cluster, KObject } from '../../../engine'
import { since } from '../duration'
import { podStatusSummary } from '../pod-status'
import { accessModes, formatLabels, quantityString } from '../format'
import { col, type TableDef } from './types'

 

const age = (c: Cluster, o: KObject) => since(c, o.metadata.creationTimestamp)
const orNone = (s: string | undefined | null) => (s ? s : '<none>')

// printPod
export const pods: TableDef = {
  columns: [col('NAME'), col('READY'), col('STATUS'), col('RESTARTS'), col('AGE'), col('IP', true), col('NODE', true), col('NOMINATED NODE', true), col('READINESS GATES', true)],
  row(c, pod) {
    const s = podStatusSummary(pod, c.now)
    const st = pod.status ?? {}
    // podIPs[0] (the apiserver mirrors podIP into podIPs; fall back in case only podIP is set)
    const ip = st.podIPs?.[0]?.ip || st.podIP || ''
    const gates: any[] = pod.spec?.readinessGates ?? []
    let gatesCell = '<none>'
    if (gates.length > 0) {
      const conds: any[] = st.conditions ?? []
      const trueCount = gates.filter((g) => conds.some((cd) => cd.type === g.conditionType && cd.status === 'True')).length
      gatesCell = `${trueCount}/${gates.length}`
    }
    return [pod.metadata.name, s.ready, s.status, s.restarts, age(c, pod), orNone(ip), orNone(pod.spec?.nodeName), orNone(st.nominatedNodeName), gatesCell]
  },
}

/** printers.go findNodeRoles: sorted role names from node-role.kubernetes.io/<role> and kubernetes.io/role. */
export function nodeRoles(node: KObject): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const r = k.slice('node-role.kubernetes.io/'.length)
      if (r) roles.add(r)
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v)
  }
  return [...roles].sort()
}

/** printNode's STATUS cell. */
export function nodeStatus(node: KObject): string {
  const ready = ((node.status?.conditions ?? []) as any[]).find((x) => x.type === 'Ready')
  const status: string[] = []
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady')
  if (status.length === 0) status.push('Unknown')
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')
  return status.join(',')
}

const nodeAddress = (node: KObject, type: string) =>
  ((node.status?.addresses ?? []) as any[]).find((a) => a.type === type)?.address || '<none>'

// printNode
export const nodes: TableDef = {
  columns: [col('NAME'), col('STATUS'), col('ROLES'), col('AGE'), col('VERSION'), col('INTERNAL-IP', true), col('EXTERNAL-IP', true), col('OS-IMAGE', true), col('KERNEL-VERSION', true), col('CONTAINER-RUNTIME', true)],
  row(c, node) {
    const info = node.status?.nodeInfo ?? {}
    const roles = nodeRoles(node).join(',') || '<none>'
    return [
      node.metadata.name, nodeStatus(node), roles, age(c, node), info.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'), nodeAddress(node, 'ExternalIP'),
      info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>',
    ]
  },
}

/** printers.go loadBalancerStatusStringer. */
function lbIngress(svc: KObject, wide: boolean): string {
  const r = ((svc.status?.loadBalancer?.ingress ?? []) as any[]).map((i) => i.ip || i.hostname).filter(Boolean).join(',')
  return !wide && r.length > 16 ? r.slice(0, 13) + '...' : r
}

/** printers.go getServiceExternalIP. */
export function serviceExternalIP(svc: KObject, wide: boolean): string {
  const ext: string[] = svc.spec?.externalIPs ?? []
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>'
    case 'LoadBalancer': {
      const lb = lbIngress(svc, wide)
      if (ext.length) return [...(lb ? lb.split(',') : []), ...ext].join(',')
      return lb || '<pending>'
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? ''
  }
  return '<unknown>'
}

/** printers.go makePortString. */
export function servicePorts(svc: KObject): string {
  return ((svc.spec?.ports ?? []) as any[])
    .map((p) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',')
}

// printService (wide SELECTOR = labels.FormatLabels(spec.selector))
export const services: TableDef = {
  columns: [col('NAME'), col('TYPE'), col('CLUSTER-IP'), col('EXTERNAL-IP'), col('PORT(S)'), col('AGE'), col('SELECTOR', true)],
  row(c, svc) {
    const ips: string[] = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : [])
    return [
      svc.metadata.name, svc.spec?.type ?? 'ClusterIP', ips[0] || '<none>', serviceExternalIP(svc, false),
      servicePorts(svc) || '<none>', age(c, svc), formatLabels(svc.spec?.selector),
    ]
  },
}

/** printers.go formatEndpoints: ready addresses × ports, max 3 then " + N more..."; "<none>" without subsets. */
export function formatEndpoints(ep: KObject, ports?: Set<string>): string {
  const subsets: any[] = (ep as any).subsets ?? []
  if (subsets.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const ss of subsets) {
    const addrs: any[] = ss.addresses ?? []
    const sp: any[] = ss.ports ?? []
    if (sp.length === 0) {
      count += addrs.length
      for (const a of addrs) {
        if (list.length === max) { more = true; break }
        list.push(a.ip)
      }
      continue
    }
    for (const port of sp) {
      if (ports && !ports.has(port.name ?? '')) continue
      count += addrs.length
      for (const a of addrs) {
        if (list.length === max) { more = true; break }
        list.push(String(a.ip).includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`)
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

export const endpoints: TableDef = {
  columns: [col('NAME'), col('ENDPOINTS'), col('AGE')],
  row: (c, ep) => [ep.metadata.name, formatEndpoints(ep), age(c, ep)],
}

// printEvent
export const events: TableDef = {
  columns: [col('LAST SEEN'), col('TYPE'), col('REASON'), col('OBJECT'), col('SUBOBJECT', true), col('SOURCE', true), col('MESSAGE'), col('FIRST SEEN', true), col('COUNT', true), col('NAME', true)],
  row(c, ev: any) {
    const first = ev.firstTimestamp ? since(c, ev.firstTimestamp) : since(c, ev.eventTime)
    let last = ev.lastTimestamp ? since(c, ev.lastTimestamp) : first
    let count = ev.count ?? 0
    if (ev.series) {
      last = since(c, ev.series.lastObservedTime)
      count = ev.series.count
    } else if (!count) count = 1
    const io = ev.involvedObject ?? {}
    const kind = String(io.kind ?? '').toLowerCase()
    const target = io.name ? `${kind}/${io.name}` : kind
    const comp = ev.source?.component || ev.reportingComponent || ''
    const inst = ev.source?.host || ev.reportingInstance || ''
    const source = inst ? `${comp}, ${inst}` : comp
    return [last, ev.type ?? '', ev.reason ?? '', target, io.fieldPath ?? '', source, String(ev.message ?? '').trim(), first, String(count), ev.metadata.name]
  },
}

export const namespaces: TableDef = {
  columns: [col('NAME'), col('STATUS'), col('AGE')],
  row: (c, ns) => [ns.metadata.name, ns.status?.phase ?? '', age(c, ns)],
}

export const configmaps: TableDef = {
  columns: [col('NAME'), col('DATA'), col('AGE')],
  row: (c, cm: any) => [cm.metadata.name, String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length), age(c, cm)],
}

export const secrets: TableDef = {
  columns: [col('NAME'), col('TYPE'), col('DATA'), col('AGE')],
  row: (c, s: any) => [s.metadata.name, s.type ?? 'Opaque', String(Object.keys(s.data ?? {}).length), age(c, s)],
}

export const serviceaccounts: TableDef = {
  columns: [col('NAME'), col('SECRETS'), col('AGE')],
  row: (c, sa: any) => [sa.metadata.name, String((sa.secrets ?? []).length), age(c, sa)],
}

// printPersistentVolumeClaim (v1.30 adds VOLUMEATTRIBUTESCLASS)
export const persistentvolumeclaims: TableDef = {
  columns: [col('NAME'), col('STATUS'), col('VOLUME'), col('CAPACITY'), col('ACCESS MODES'), col('STORAGECLASS'), col('VOLUMEATTRIBUTESCLASS'), col('AGE'), col('VOLUMEMODE', true)],
  row(c, pvc) {
    const spec = pvc.spec ?? {}
    const phase = pvc.metadata.deletionTimestamp ? 'Terminating' : pvc.status?.phase ?? ''
    let capacity = ''
    let modes = ''
    if (spec.volumeName) {
      modes = accessModes(pvc.status?.accessModes)
      capacity = quantityString(pvc.status?.capacity?.storage)
    }
    const cls = spec.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''
    return [pvc.metadata.name, phase, spec.volumeName ?? '', capacity, modes, cls, spec.volumeAttributesClassName || '<unset>', age(c, pvc), spec.volumeMode ?? '<unset>']
  },
}

export const persistentvolumes: TableDef = {
  columns: [col('NAME'), col('CAPACITY'), col('ACCESS MODES'), col('RECLAIM POLICY'), col('STATUS'), col('CLAIM'), col('STORAGECLASS'), col('VOLUMEATTRIBUTESCLASS'), col('REASON'), col('AGE'), col('VOLUMEMODE', true)],
  row(c, pv) {
    const spec = pv.spec ?? {}
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''
    const phase = pv.metadata.deletionTimestamp ? 'Terminating' : pv.status?.phase ?? ''
    const cls = spec.storageClassName ?? pv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''
    return [pv.metadata.name, quantityString(spec.capacity?.storage), accessModes(spec.accessModes), spec.persistentVolumeReclaimPolicy ?? '', phase, claim, cls, spec.volumeAttributesClassName || '<unset>', pv.status?.reason ?? '', age(c, pv), spec.volumeMode ?? '<unset>']
  },
}

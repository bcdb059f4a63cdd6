// What kube-proxy knows: one entry per Service port with its virtual addresses and policies
// (pkg/proxy/servicechangetracker.go, serviceport.go) and the endpoints EndpointSlices list for
// it (pkg/proxy/endpointslicecache.go), sorted by "ip:port" as kube-proxy sorts them. Headless
// and ExternalName Services get no rules (ShouldSkipService). Plain JSON: a partitioned node
// keeps a frozen copy.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { memo } from '../cache'
import { endpointChain, serviceChains, servicePortName } from './names'

type Json = any

export interface EndpointInfo {
  ip: string
  port: number
  /** "ip:port" */
  endpoint: string
  ready: boolean
  serving: boolean
  terminating: boolean
  nodeName?: string
  /** "ns/name" of the target pod. */
  pod?: string
  chain: string
}

export interface ServicePortInfo {
  namespace: string
  name: string
  portName: string
  /** "ns/name[:port]" */
  nameString: string
  protocol: 'TCP' | 'UDP' | 'SCTP'
  type: string
  clusterIP: string
  port: number
  nodePort?: number
  externalIPs: string[]
  loadBalancerIPs: string[]
  affinity: boolean
  stickySeconds: number
  internalLocal: boolean
  externalLocal: boolean
  /** Has a NodePort, external IPs or load-balancer IPs. */
  externallyAccessible: boolean
  chains: { svc: string; svl: string; ext: string; fw: string }
  endpoints: EndpointInfo[]
}

const isSkipped = (svc: KObject) => {
  const ip = svc.spec?.clusterIP
  return !ip || ip === 'None' || svc.spec?.type === 'ExternalName'
}

/** The service port's endpoints from its slices (first address per endpoint, deduplicated). */
function endpointsFor(slices: KObject[], nameString: string, portName: string, protocol: string): EndpointInfo[] {
  const seen: Record<string, EndpointInfo> = {}
  for (const s of slices) {
    const sp = ((s.ports ?? []) as Json[]).find((p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === protocol)
    if (!sp || typeof sp.port !== 'number') continue
    for (const e of (s.endpoints ?? []) as Json[]) {
      const ip = e.addresses?.[0]
      if (!ip) continue
      const cond = e.conditions ?? {}
      // endpointslicecache.go: nil ready means ready; nil serving follows ready.
      const ready = cond.ready !== false
      const serving = cond.serving === undefined || cond.serving === null ? ready : !!cond.serving
      const endpoint = `${ip}:${sp.port}`
      if (seen[endpoint]) continue
      seen[endpoint] = {
        ip, port: sp.port, endpoint, ready, serving, terminating: !!cond.terminating,
        nodeName: e.nodeName, pod: e.targetRef?.kind === 'Pod' ? `${e.targetRef.namespace ?? s.metadata.namespace}/${e.targetRef.name}` : undefined,
        chain: endpointChain(nameString, protocol, endpoint),
      }
    }
  }
  return Object.values(seen).sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0))
}

function portsOf(svc: KObject, slices: KObject[]): ServicePortInfo[] {
  const spec = svc.spec ?? {}
  const ns = svc.metadata.namespace ?? 'default'
  const out: ServicePortInfo[] = []
  for (const p of (spec.ports ?? []) as Json[]) {
    const portName = p.name ?? ''
    const protocol = (p.protocol ?? 'TCP') as ServicePortInfo['protocol']
    const nameString = servicePortName(ns, svc.metadata.name, portName)
    const loadBalancerIPs = ((svc.status?.loadBalancer?.ingress ?? []) as Json[]).map((i) => i.ip).filter(Boolean)
    const externallyAccessible = !!p.nodePort || (spec.externalIPs ?? []).length > 0 || loadBalancerIPs.length > 0
    out.push({
      namespace: ns,
      name: svc.metadata.name,
      portName,
      nameString,
      protocol,
      type: spec.type ?? 'ClusterIP',
      clusterIP: spec.clusterIP,
      port: p.port,
      nodePort: p.nodePort || undefined,
      externalIPs: spec.externalIPs ?? [],
      loadBalancerIPs,
      affinity: spec.sessionAffinity === 'ClientIP',
      stickySeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800,
      internalLocal: spec.internalTrafficPolicy === 'Local',
      externalLocal: externallyAccessible && spec.externalTrafficPolicy === 'Local',
      externallyAccessible,
      chains: serviceChains(nameString, protocol),
      endpoints: endpointsFor(slices, nameString, portName, protocol),
    })
  }
  return out
}

/** Every proxied service port, sorted by name (kube-proxy iterates a map; we keep the output stable). */
export function servicePorts(c: Cluster): ServicePortInfo[] {
  return memo(c, 'kube-proxy-services', ['services', 'endpointslices'], () => {
    const slicesBySvc: Record<string, KObject[]> = {}
    for (const s of c.api.list('endpointslices')) {
      const svcName = s.metadata.labels?.['kubernetes.io/service-name']
      if (svcName) (slicesBySvc[`${s.metadata.namespace}/${svcName}`] ??= []).push(s)
    }
    const out: ServicePortInfo[] = []
    for (const svc of c.api.list('services')) {
      if (isSkipped(svc)) continue
      out.push(...portsOf(svc, slicesBySvc[`${svc.metadata.namespace}/${svc.metadata.name}`] ?? []))
    }
    return out.sort((a, b) => (a.nameString < b.nameString ? -1 : a.nameString > b.nameString ? 1 : a.protocol < b.protocol ? -1 : 1))
  })
}

/** pkg/proxy/topology.go CategorizeEndpoints (without topology hints). */
export function categorize(sp: ServicePortInfo, node: string): { cluster: EndpointInfo[]; local: EndpointInfo[]; reachable: EndpointInfo[]; hasAny: boolean } {
  const usesLocal = sp.internalLocal || sp.externalLocal
  const usesCluster = !sp.internalLocal || (sp.externallyAccessible && !sp.externalLocal)
  const pick = (eps: EndpointInfo[]) => {
    const ready = eps.filter((e) => e.ready)
    // KEP-1669: with no ready endpoint, fall back to serving-and-terminating ones.
    return ready.length ? ready : eps.filter((e) => e.serving && e.terminating)
  }
  const cluster = usesCluster ? pick(sp.endpoints) : []
  if (!usesLocal) return { cluster, local: [], reachable: cluster, hasAny: cluster.length > 0 }
  const local = pick(sp.endpoints.filter((e) => e.nodeName === node))
  const seen = new Set<string>()
  const reachable = [...cluster, ...local].filter((e) => (seen.has(e.endpoint) ? false : (seen.add(e.endpoint), true)))
  return { cluster, local, reachable, hasAny: pick(sp.endpoints).length > 0 }
}

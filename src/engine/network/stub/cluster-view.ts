// Read-only views of the API objects the stub network needs: which pods are ready, which
// container listens on a port, a Service's ready endpoints. Reads only; never writes.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { fromMap } from '../../api/selectors'
import { lookupImage, type ImageInfo } from '../../node/images/catalog'
import { isServerCommand } from '../../node/images/server'
import { simTimeOf } from '../../sim/time'

type Json = any

/**
 * Derived lookups memoised per write count of the plurals they read (Cluster.writes), so they
 * are never stale, and unrelated writes (leases, events) do not throw them away.
 */
interface ViewCache {
  state: unknown
  /** Write counts of the plurals each view depends on (Cluster.writes). */
  pods: number
  services: number
  slices: number
  nodes: number
  endpoints: Record<string, Endpoint[]>
  terminating: Record<string, Endpoint[]>
  svcByIP?: Record<string, KObject>
  podsByIP?: Record<string, KObject[]>
  nodeIPs?: string[]
}
const caches = new WeakMap<Cluster, ViewCache>()

function cache(c: Cluster): ViewCache {
  let v = caches.get(c)
  if (!v || v.state !== c.state) {
    v = { state: c.state, pods: -1, services: -1, slices: -1, nodes: -1, endpoints: {}, terminating: {} }
    caches.set(c, v)
  }
  const pods = c.writes('pods')
  const services = c.writes('services')
  const slices = c.writes('endpointslices')
  const nodes = c.writes('nodes')
  if (v.pods !== pods) v.podsByIP = undefined
  if (v.services !== services) v.svcByIP = undefined
  if (v.nodes !== nodes) v.nodeIPs = undefined
  // Endpoints derive from slices, or from pods and the Service when no slice exists.
  if (v.pods !== pods || v.services !== services || v.slices !== slices) { v.endpoints = {}; v.terminating = {} }
  v.pods = pods; v.services = services; v.slices = slices; v.nodes = nodes
  return v
}

export function isPodReady(pod: KObject): boolean {
  return !pod.metadata.deletionTimestamp && (pod.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True')
}

export function podIPs(pod: KObject): string[] {
  const ips: string[] = (pod.status?.podIPs ?? []).map((p: Json) => p.ip)
  if (pod.status?.podIP && !ips.includes(pod.status.podIP)) ips.unshift(pod.status.podIP)
  return ips
}

export function podsByIP(c: Cluster, ip: string): KObject[] {
  const v = cache(c)
  if (!v.podsByIP) {
    v.podsByIP = {}
    for (const p of c.api.list('pods')) {
      if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue
      for (const a of podIPs(p)) (v.podsByIP[a] ??= []).push(p)
    }
  }
  return v.podsByIP[ip] ?? []
}

/** A running container of `pod` whose process answers on `port` (catalog ports; containerPorts for unknown images). */
export function listenerOn(c: Cluster, pod: KObject, port: number): { container: string; info: ImageInfo } | undefined {
  const spec = pod.spec ?? {}
  const candidates: Json[] = [...(spec.containers ?? []), ...(spec.initContainers ?? []).filter((x: Json) => x.restartPolicy === 'Always')]
  const statuses: Json[] = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]
  for (const ct of candidates) {
    const running = statuses.find((s) => s.name === ct.name)?.state?.running
    if (!running) continue
    const look = lookupImage(ct.image ?? '')
    if (!look.ok) continue
    const info = look.info
    if (info.known) {
      if (!info.ports.includes(port)) continue
      // A command override that is not the image's server (e.g. nginx running `sleep`) serves nothing.
      if (ct.command?.length && !isServerCommand(info, ct.command[0])) continue
      const started = running.startedAt ? simTimeOf(running.startedAt) : 0
      // startedAt has one-second resolution: allow the truncated part.
      if (Number.isFinite(started) && started + info.startupMs > c.now + 999) continue
    } else if (!(ct.ports ?? []).some((p: Json) => p.containerPort === port)) continue
    return { container: ct.name, info }
  }
  return undefined
}

export interface Endpoint {
  ip: string
  pod?: KObject
  hostname?: string
  nodeName?: string
}

/** Ready endpoints of a Service: EndpointSlices when stored, else ready pods matching the selector. */
export function readyEndpoints(c: Cluster, svc: KObject): Endpoint[] {
  const v = cache(c)
  const key = `${svc.metadata.namespace}/${svc.metadata.name}`
  return (v.endpoints[key] ??= computeEndpoints(c, svc, false))
}

/** Serving but terminating endpoints: kube-proxy's fallback when a Service has no ready one (KEP-1669). */
export function servingTerminatingEndpoints(c: Cluster, svc: KObject): Endpoint[] {
  const v = cache(c)
  const key = `${svc.metadata.namespace}/${svc.metadata.name}`
  return (v.terminating[key] ??= computeEndpoints(c, svc, true))
}

function computeEndpoints(c: Cluster, svc: KObject, terminating: boolean): Endpoint[] {
  const ns = svc.metadata.namespace
  const slices = c.api.list('endpointslices', { namespace: ns, filter: (s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name })
  const out: Endpoint[] = []
  if (slices.length) {
    for (const s of slices) {
      for (const e of (s.endpoints ?? []) as Json[]) {
        const cond = e.conditions ?? {}
        if (terminating ? !(cond.serving && cond.terminating) : cond.ready === false) continue
        const pod = e.targetRef?.kind === 'Pod' ? c.api.get('pods', e.targetRef.namespace ?? ns, e.targetRef.name) : undefined
        for (const ip of e.addresses ?? []) out.push({ ip, pod: pod ?? podsByIP(c, ip)[0], hostname: e.hostname, nodeName: e.nodeName ?? pod?.spec?.nodeName })
      }
    }
    return out
  }
  const selector = svc.spec?.selector
  if (terminating || !selector || !Object.keys(selector).length) return out
  for (const pod of c.api.list('pods', { namespace: ns, labelSelector: fromMap(selector) })) {
    if (!isPodReady(pod) || !pod.status?.podIP) continue
    const hostname = pod.spec?.subdomain === svc.metadata.name ? pod.spec?.hostname : undefined
    out.push({ ip: pod.status.podIP, pod, hostname, nodeName: pod.spec?.nodeName })
  }
  return out
}

export function serviceByClusterIP(c: Cluster, ip: string): KObject | undefined {
  const v = cache(c)
  if (!v.svcByIP) {
    v.svcByIP = {}
    for (const s of c.api.list('services')) {
      for (const a of [s.spec?.clusterIP, ...(s.spec?.clusterIPs ?? [])]) if (a && a !== 'None' && !v.svcByIP[a]) v.svcByIP[a] = s
    }
  }
  return v.svcByIP[ip]
}

export function nodeIPs(c: Cluster): string[] {
  const v = cache(c)
  return (v.nodeIPs ??= c.api.list('nodes').flatMap((n) => (n.status?.addresses ?? []).filter((a: Json) => a.type === 'InternalIP').map((a: Json) => a.address)))
}

/** targetPort of a Service port for one endpoint pod (a name resolves through the pod's containerPorts). */
export function targetPortFor(svcPort: Json, pod: KObject | undefined): number | undefined {
  const tp = svcPort.targetPort ?? svcPort.port
  if (typeof tp === 'number') return tp
  if (/^\d+$/.test(String(tp))) return Number(tp)
  for (const ct of (pod?.spec?.containers ?? []) as Json[]) {
    const p = (ct.ports ?? []).find((x: Json) => x.name === tp)
    if (p) return p.containerPort
  }
  return undefined
}

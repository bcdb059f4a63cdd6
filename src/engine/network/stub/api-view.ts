// The API-only network's view (stub/): a Service's endpoints from its EndpointSlices, or from the
// ready pods its selector matches when no slice exists (unit tests run no controllers), and
// Services, pods and nodes by address. Reads only; never writes.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { fromMap } from '../../api/selectors'
import { memo } from '../cache'
import { isPodReady, podIPs } from '../view'

type Json = any

/** Endpoints derive from slices, or from pods and the Service when no slice exists. */
const ENDPOINT_DEPS = ['pods', 'services', 'endpointslices']

export function podsByIP(c: Cluster, ip: string): KObject[] {
  const index = memo(c, 'view-pods-by-ip', ['pods'], () => {
    const out: Record<string, KObject[]> = {}
    for (const p of c.api.list('pods')) {
      if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue
      for (const a of podIPs(p)) (out[a] ??= []).push(p)
    }
    return out
  })
  return index[ip] ?? []
}

export interface Endpoint {
  ip: string
  pod?: KObject
  hostname?: string
  nodeName?: string
}

/** Ready endpoints of a Service: EndpointSlices when stored, else ready pods matching the selector. */
export function readyEndpoints(c: Cluster, svc: KObject): Endpoint[] {
  const byService = memo(c, 'view-ready-endpoints', ENDPOINT_DEPS, () => ({} as Record<string, Endpoint[]>))
  return (byService[`${svc.metadata.namespace}/${svc.metadata.name}`] ??= computeEndpoints(c, svc, false))
}

/** Serving but terminating endpoints: kube-proxy's fallback when a Service has no ready one (KEP-1669). */
export function servingTerminatingEndpoints(c: Cluster, svc: KObject): Endpoint[] {
  const byService = memo(c, 'view-terminating-endpoints', ENDPOINT_DEPS, () => ({} as Record<string, Endpoint[]>))
  return (byService[`${svc.metadata.namespace}/${svc.metadata.name}`] ??= computeEndpoints(c, svc, true))
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
  const index = memo(c, 'view-services-by-ip', ['services'], () => {
    const out: Record<string, KObject> = {}
    for (const s of c.api.list('services')) {
      for (const a of [s.spec?.clusterIP, ...(s.spec?.clusterIPs ?? [])]) if (a && a !== 'None' && !out[a]) out[a] = s
    }
    return out
  })
  return index[ip]
}

export function nodeIPs(c: Cluster): string[] {
  return memo(c, 'view-node-ips', ['nodes'], () => c.api.list('nodes').flatMap((n) => (n.status?.addresses ?? []).filter((a: Json) => a.type === 'InternalIP').map((a: Json) => a.address)))
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

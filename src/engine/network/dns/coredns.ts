// CoreDNS's view of a Service's endpoints: the kubernetes plugin watches EndpointSlices and
// serves only ready endpoints (endpointsliceReady; publishNotReadyAddresses makes the
// EndpointSlice controller mark them ready), with their hostnames for per-pod records.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { memo } from '../cache'

type Json = any

export interface DnsEndpoint {
  ip: string
  hostname?: string
}

function index(c: Cluster): Record<string, DnsEndpoint[]> {
  return memo(c, 'coredns-endpoints', ['endpointslices'], () => {
    const out: Record<string, DnsEndpoint[]> = {}
    for (const s of c.api.list('endpointslices')) {
      const svc = s.metadata.labels?.['kubernetes.io/service-name']
      if (!svc) continue
      const list = (out[`${s.metadata.namespace}/${svc}`] ??= [])
      for (const e of (s.endpoints ?? []) as Json[]) {
        if (e.conditions?.ready === false) continue
        for (const ip of e.addresses ?? []) if (!list.some((x) => x.ip === ip)) list.push({ ip, hostname: e.hostname })
      }
    }
    return out
  })
}

export function corednsEndpoints(c: Cluster, svc: KObject): DnsEndpoint[] {
  return index(c)[`${svc.metadata.namespace}/${svc.metadata.name}`] ?? []
}

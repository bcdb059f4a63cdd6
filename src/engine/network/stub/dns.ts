// Cluster DNS without packets, for engine unit tests that run no nodes: the zone CoreDNS would
// answer (dns/zone.ts) with the pod resolver's search path (k/k pkg/kubelet/network/dns/dns.go).
import type { Cluster } from '../../cluster'
import type { DnsResult, NetOrigin } from '../types'
import { readyEndpoints } from './api-view'
import { candidates, lookupFqdn } from '../dns/zone'
import { DNS_MS, DNS_TIMEOUT_MS, localAnswer } from '../dns/client'

/** Is CoreDNS answering? When kube-dns exists but has no ready endpoint, queries time out. */
function dnsUp(c: Cluster): boolean {
  const svc = c.api.get('services', 'kube-system', 'kube-dns')
  if (!svc) return true
  return readyEndpoints(c, svc).length > 0
}

export function resolve(c: Cluster, from: NetOrigin, name: string): DnsResult {
  const pre = localAnswer(from, name)
  if ('done' in pre) return pre.done
  if (!dnsUp(c)) return { ok: false, error: 'timeout', latencyMs: DNS_TIMEOUT_MS }
  let latency = 0
  for (const fqdn of candidates(pre.ns, pre.query)) {
    latency += DNS_MS
    const a = lookupFqdn(c, fqdn, readyEndpoints)
    if (!a) continue
    if (a.ptr) return { ok: true, name: a.ptr, addresses: [], latencyMs: latency }
    return { ok: true, name: fqdn, addresses: a.addresses, cname: a.cname, latencyMs: latency }
  }
  return { ok: false, error: 'NXDOMAIN', latencyMs: latency }
}


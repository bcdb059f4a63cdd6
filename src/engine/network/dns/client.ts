// The pod's side of name resolution, before any query leaves it: /etc/hosts (localhost and the
// pod's own hostname, as the kubelet writes it), addresses as names, and whether the pod's
// resolv.conf points at cluster DNS (dnsPolicy; k/k pkg/kubelet/network/dns/dns.go).
import type { KObject } from '../../api/types'
import type { DnsResult, NetOrigin } from '../types'
import { podIPs } from '../view'

/** One query/answer round trip as the shell model charges it. */
export const DNS_MS = 1
/** musl/glibc resolver: 5 s timeout, 2 attempts, then the lookup fails. */
export const DNS_TIMEOUT_MS = 10_000

const isIp = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s)

/** dnsPolicy ClusterFirst (not hostNetwork) or ClusterFirstWithHostNet. */
export function usesClusterDns(from: NetOrigin): boolean {
  const spec = from.pod?.spec
  if (!spec) return false
  const policy = spec.dnsPolicy ?? 'ClusterFirst'
  return policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !spec.hostNetwork)
}

/** /etc/hosts entries the kubelet writes: localhost and the pod's own hostname. */
function hostsEntry(pod: KObject | undefined, name: string): string | undefined {
  if (name === 'localhost' || name === 'localhost.') return '127.0.0.1'
  if (!pod) return undefined
  const hostname = pod.spec?.hostname ?? pod.metadata.name
  return name === hostname ? podIPs(pod)[0] : undefined
}

/**
 * What the resolver settles without asking cluster DNS (empty names, addresses, /etc/hosts, and
 * the node's own resolver, which knows no cluster names), or the namespace whose search path
 * applies (undefined: no search path, e.g. a reverse lookup from a node).
 */
export function localAnswer(from: NetOrigin, name: string): { done: DnsResult } | { query: string; ns?: string } {
  const q = name.trim()
  if (!q) return { done: { ok: false, error: 'NXDOMAIN', latencyMs: 0 } }
  if (isIp(q)) return { done: { ok: true, name: q, addresses: [q], latencyMs: 0 } }
  const local = hostsEntry(from.pod, q)
  if (local) return { done: { ok: true, name: q, addresses: [local], latencyMs: 0 } }
  const cluster = usesClusterDns(from)
  if (!cluster && !q.endsWith('.in-addr.arpa.')) return { done: { ok: false, error: 'NXDOMAIN', latencyMs: DNS_MS } }
  return { query: q, ns: cluster ? from.pod?.metadata.namespace ?? 'default' : undefined }
}

// Cluster DNS as CoreDNS's kubernetes plugin answers it, with the pod resolver's search path
// (k/k pkg/kubelet/network/dns/dns.go; coredns plugin/kubernetes; fidelity §8).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import type { DnsResult, NetOrigin } from '../types'
import { isPodReady, readyEndpoints, podIPs } from './cluster-view'

export const CLUSTER_DOMAIN = 'cluster.local'
export const DNS_IP = '10.96.0.10'
const DNS_MS = 1
/** glibc/musl resolver: 5 s timeout, 2 attempts. */
const DNS_TIMEOUT_MS = 10_000

const isIp = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s)
const dashed = (ip: string) => ip.replace(/\./g, '-')

/** Does the pod use cluster DNS (dnsPolicy ClusterFirst, not hostNetwork, or ClusterFirstWithHostNet)? */
function usesClusterDns(from: NetOrigin): boolean {
  const spec = from.pod?.spec
  if (!spec) return false
  const policy = spec.dnsPolicy ?? 'ClusterFirst'
  return policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !spec.hostNetwork)
}

/** Names to try, in order: search suffixes first when the name has fewer than ndots (5) dots. */
export function candidates(ns: string | undefined, name: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)]
  const search = ns ? [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN] : []
  const expanded = search.map((s) => `${name}.${s}`)
  const dots = (name.match(/\./g) ?? []).length
  return dots >= 5 ? [name, ...expanded] : [...expanded, name]
}

/** Is CoreDNS answering? When kube-dns exists but has no ready endpoint, queries time out. */
function dnsUp(c: Cluster): boolean {
  const svc = c.api.get('services', 'kube-system', 'kube-dns')
  if (!svc) return true
  return readyEndpoints(c, svc).length > 0
}

type Answer = { addresses: string[]; cname?: string; ptr?: string }

function ptr(c: Cluster, ip: string): string | undefined {
  for (const svc of c.api.list('services')) {
    if (svc.spec?.clusterIP === ip) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`
  }
  if (ip === DNS_IP) return `kube-dns.kube-system.svc.${CLUSTER_DOMAIN}`
  for (const svc of c.api.list('services')) {
    if (svc.spec?.type === 'ExternalName') continue
    const ep = readyEndpoints(c, svc).find((e) => e.ip === ip)
    if (ep) return `${ep.hostname ?? dashed(ip)}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`
  }
  return undefined
}

/** One fully qualified name against the cluster zone. */
function lookupFqdn(c: Cluster, fqdn: string): Answer | undefined {
  const name = fqdn.toLowerCase()
  if (name.endsWith('.in-addr.arpa')) {
    const ip = name.slice(0, -'.in-addr.arpa'.length).split('.').reverse().join('.')
    if (!isIp(ip)) return undefined
    const target = ptr(c, ip)
    return target ? { addresses: [], ptr: target } : undefined
  }
  const svcZone = `.svc.${CLUSTER_DOMAIN}`
  if (name.endsWith(svcZone)) {
    const labels = name.slice(0, -svcZone.length).split('.')
    if (labels.length === 2) {
      const [svcName, ns] = labels
      const svc = c.api.get('services', ns, svcName)
      if (!svc) return undefined
      if (svc.spec?.type === 'ExternalName') return { addresses: [], cname: svc.spec.externalName }
      if (svc.spec?.clusterIP === 'None') {
        const ips = readyEndpoints(c, svc).map((e) => e.ip)
        return ips.length ? { addresses: [...new Set(ips)] } : undefined
      }
      return svc.spec?.clusterIP ? { addresses: [svc.spec.clusterIP] } : undefined
    }
    if (labels.length === 3) {
      const [host, svcName, ns] = labels
      const svc = c.api.get('services', ns, svcName)
      if (!svc || svc.spec?.clusterIP !== 'None') return undefined
      const ep = readyEndpoints(c, svc).find((e) => e.hostname === host || dashed(e.ip) === host)
      return ep ? { addresses: [ep.ip] } : undefined
    }
    return undefined
  }
  const podZone = `.pod.${CLUSTER_DOMAIN}`
  if (name.endsWith(podZone)) {
    const labels = name.slice(0, -podZone.length).split('.')
    if (labels.length !== 2) return undefined
    const ip = labels[0].replace(/-/g, '.')
    // `pods insecure`: any well-formed address answers, as long as the namespace exists.
    return isIp(ip) && c.api.get('namespaces', undefined, labels[1]) ? { addresses: [ip] } : undefined
  }
  return undefined
}

/** /etc/hosts entries the kubelet writes: localhost and the pod's own hostname. */
function hostsEntry(pod: KObject | undefined, name: string): string | undefined {
  if (name === 'localhost' || name === 'localhost.') return '127.0.0.1'
  if (!pod) return undefined
  const hostname = pod.spec?.hostname ?? pod.metadata.name
  return name === hostname ? podIPs(pod)[0] : undefined
}

export function resolve(c: Cluster, from: NetOrigin, name: string): DnsResult {
  const q = name.trim()
  if (!q) return { ok: false, error: 'NXDOMAIN', latencyMs: 0 }
  if (isIp(q)) return { ok: true, name: q, addresses: [q], latencyMs: 0 }
  const local = hostsEntry(from.pod, q)
  if (local) return { ok: true, name: q, addresses: [local], latencyMs: 0 }
  // Node-level clients and Default-policy pods use the node's resolver, which knows no cluster names.
  if (!usesClusterDns(from) && !q.endsWith('.in-addr.arpa.')) {
    return { ok: false, error: 'NXDOMAIN', latencyMs: DNS_MS }
  }
  if (!dnsUp(c)) return { ok: false, error: 'timeout', latencyMs: DNS_TIMEOUT_MS }
  const ns = usesClusterDns(from) ? from.pod?.metadata.namespace ?? 'default' : undefined
  let latency = 0
  for (const fqdn of candidates(ns, q)) {
    latency += DNS_MS
    const a = lookupFqdn(c, fqdn)
    if (!a) continue
    if (a.ptr) return { ok: true, name: a.ptr, addresses: [], latencyMs: latency }
    return { ok: true, name: fqdn, addresses: a.addresses, cname: a.cname, latencyMs: latency }
  }
  return { ok: false, error: 'NXDOMAIN', latencyMs: latency }
}

export { isPodReady }

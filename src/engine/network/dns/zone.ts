// The cluster zone as CoreDNS's kubernetes plugin answers it (coredns plugin/kubernetes; the
// Kubernetes DNS spec; fidelity §8): A for ClusterIPs, headless → each ready endpoint, per-pod
// hostname records, ExternalName → CNAME, pod A records (`pods insecure`), PTR, else NXDOMAIN.
// Which endpoints are ready is the caller's view (CoreDNS watches EndpointSlices).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'

export const CLUSTER_DOMAIN = 'cluster.local'
export const DNS_IP = '10.96.0.10'

export type EndpointsOf = (c: Cluster, svc: KObject) => { ip: string; hostname?: string }[]

const isIp = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s)
const dashed = (ip: string) => ip.replace(/\./g, '-')

/** Names to try, in order: search suffixes first when the name has fewer than ndots (5) dots. */
export function candidates(ns: string | undefined, name: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)]
  const search = ns ? [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN] : []
  const expanded = search.map((s) => `${name}.${s}`)
  const dots = (name.match(/\./g) ?? []).length
  return dots >= 5 ? [name, ...expanded] : [...expanded, name]
}

export type Answer = { addresses: string[]; cname?: string; ptr?: string }

function ptr(c: Cluster, ip: string, endpointsOf: EndpointsOf): string | undefined {
  for (const svc of c.api.list('services')) {
    if (svc.spec?.clusterIP === ip) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`
  }
  if (ip === DNS_IP) return `kube-dns.kube-system.svc.${CLUSTER_DOMAIN}`
  for (const svc of c.api.list('services')) {
    if (svc.spec?.type === 'ExternalName') continue
    const ep = endpointsOf(c, svc).find((e) => e.ip === ip)
    if (ep) return `${ep.hostname ?? dashed(ip)}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`
  }
  return undefined
}

/** One fully qualified name against the cluster zone. */
export function lookupFqdn(c: Cluster, fqdn: string, endpointsOf: EndpointsOf): Answer | undefined {
  const name = fqdn.toLowerCase()
  if (name.endsWith('.in-addr.arpa')) {
    const ip = name.slice(0, -'.in-addr.arpa'.length).split('.').reverse().join('.')
    if (!isIp(ip)) return undefined
    const target = ptr(c, ip, endpointsOf)
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
        const ips = endpointsOf(c, svc).map((e) => e.ip)
        return ips.length ? { addresses: [...new Set(ips)] } : undefined
      }
      return svc.spec?.clusterIP ? { addresses: [svc.spec.clusterIP] } : undefined
    }
    if (labels.length === 3) {
      const [host, svcName, ns] = labels
      const svc = c.api.get('services', ns, svcName)
      if (!svc || svc.spec?.clusterIP !== 'None') return undefined
      const ep = endpointsOf(c, svc).find((e) => e.hostname === host || dashed(e.ip) === host)
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

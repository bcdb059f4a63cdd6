// Pod IP allocation from each node's podCIDR, as flannel's CNI config delegates to the
// host-local IPAM plugin: the first pod on 10.244.1.0/24 gets 10.244.1.2 (.1 is cni0), then the
// next free address; an address is released when its pod's sandbox is torn down.
// (containernetworking/plugins plugins/ipam/host-local; kube-controller-manager node-ipam gives the CIDRs)
import type { Cluster } from '../cluster'

interface IpamState {
  /** node → last octet → pod uid */
  used: Record<string, Record<string, string>>
  /** node → last allocated octet (host-local continues after the last reserved IP) */
  last: Record<string, number>
}

function ipam(c: Cluster): IpamState {
  return c.slot<IpamState>('ipam', () => ({ used: {}, last: {} }))
}

/** 10.244.<index>.0/24 → "10.244.<index>." */
function prefixOf(podCIDR: string): string | undefined {
  const m = /^(\d+\.\d+\.\d+)\.0\/24$/.exec(podCIDR)
  return m ? m[1] + '.' : undefined
}

/** Allocates an IP for the pod on `node` (podCIDR like 10.244.1.0/24); undefined when exhausted. */
export function allocatePodIP(c: Cluster, node: string, podCIDR: string, podUid: string): string | undefined {
  const prefix = prefixOf(podCIDR)
  if (!prefix) return undefined
  const s = ipam(c)
  const used = (s.used[node] ??= {})
  for (const [octet, uid] of Object.entries(used)) if (uid === podUid) return prefix + octet
  const start = s.last[node] ?? 1
  for (let i = 1; i <= 253; i++) {
    const octet = ((start - 2 + i) % 253) + 2 // 2..254, round robin after the last one
    if (!used[octet]) {
      used[octet] = podUid
      s.last[node] = octet
      return prefix + octet
    }
  }
  return undefined
}

/** Releases every IP held by the pod on `node`. */
export function releasePodIP(c: Cluster, node: string, podUid: string): void {
  const used = ipam(c).used[node]
  if (!used) return
  for (const [octet, uid] of Object.entries(used)) if (uid === podUid) delete used[octet]
}

/** Forgets a node's allocations (node removed). */
export function forgetNode(c: Cluster, node: string): void {
  const s = ipam(c)
  delete s.used[node]
  delete s.last[node]
}

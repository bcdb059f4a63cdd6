// Who is where on the network, from the API objects: each Node's underlay address (InternalIP on
// 192.168.56.0/24), its podCIDR (10.244.N.0/24, kube-controller-manager node IPAM) and what
// flanneld published about it (node annotations, flannel pkg/subnet/kube); each pod's address,
// node and veth. Cached per write counts of nodes and pods.
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'
import { cidrText, inPrefix, ipToInt, isIPv4, localMac, nicMac, nthAddress, parseCidr, vethName, type Prefix } from './addr'
import { memo } from './cache'
import { peekNetState } from './state'
import { podIPs } from './view'

type Json = any

/** flannel's Network (kube-flannel-cfg net-conf.json) and kube-proxy's clusterCIDR. */
export const CLUSTER_CIDR = '10.244.0.0/16'
export const CLUSTER_PREFIX = parseCidr(CLUSTER_CIDR)!
/** The underlay: VirtualBox's host-only network, its router, and a client out on the Internet. */
export const UNDERLAY_CIDR = '192.168.56.0/24'
export const GATEWAY_IP = '192.168.56.1'
export const EXTERNAL_CLIENT_IP = '203.0.113.10'
/** flannel: VXLAN VNI 1 on the kernel's default port, MTU = 1500 − 50; udp backend on 8285, MTU 1500 − 28. */
export const VXLAN_VNI = 1
export const VXLAN_PORT = 8472
export const UDP_BACKEND_PORT = 8285

export const ANN_BACKEND_TYPE = 'flannel.alpha.coreos.com/backend-type'
export const ANN_BACKEND_DATA = 'flannel.alpha.coreos.com/backend-data'
export const ANN_PUBLIC_IP = 'flannel.alpha.coreos.com/public-ip'
export const ANN_KSM = 'flannel.alpha.coreos.com/kube-subnet-manager'

export interface NodeFacts {
  name: string
  /** eth0 address on the underlay. */
  ip: string
  eth0Mac: string
  podCIDR?: string
  subnet?: Prefix
  /** cni0's address: the subnet's first host (10.244.N.1). */
  cni0?: string
  cni0Mac: string
  /** flannel.1 / flannel0 address: the subnet's network address (10.244.N.0/32). */
  vtep?: string
  vtepMac: string
  /** flanneld has published this node's lease (annotations), so other nodes route to it. */
  leased: boolean
  /** The VTEP MAC other nodes learned from the annotation (vxlan). */
  publishedVtepMac?: string
  partitioned: boolean
  flannelUp: boolean
  /** The node's own addresses (eth0, cni0, the flannel device, loopback): addrtype LOCAL. */
  local: Set<string>
}

export interface PodFacts {
  key: string
  namespace: string
  name: string
  uid: string
  ip: string
  node?: string
  hostNetwork: boolean
  veth: string
  mac: string
  pod: KObject
}

export interface Topology {
  nodes: NodeFacts[]
  byName: Record<string, NodeFacts>
  /** Any local address of a node (eth0, cni0, flannel device) → node. */
  byAddress: Record<string, NodeFacts>
}

function internalIP(n: KObject): string | undefined {
  return (n.status?.addresses ?? []).find((a: Json) => a.type === 'InternalIP')?.address
}

/** The VtepMAC flanneld generates for its node (random in flannel; hashed from the name here). */
export function vtepMacOf(node: string): string {
  return localMac('flannel.1:' + node)
}

function factsOf(c: Cluster, n: KObject): NodeFacts | undefined {
  const name = n.metadata.name
  const ip = internalIP(n)
  if (!ip || !isIPv4(ip)) return undefined
  const net = peekNetState(c)
  const podCIDR: string | undefined = n.spec?.podCIDR
  const subnet = podCIDR ? parseCidr(podCIDR) : undefined
  const ann = n.metadata.annotations ?? {}
  let publishedVtepMac: string | undefined
  try {
    const data = ann[ANN_BACKEND_DATA] ? JSON.parse(ann[ANN_BACKEND_DATA]) : undefined
    publishedVtepMac = data?.VtepMAC
  } catch {
    publishedVtepMac = undefined
  }
  const cni0 = subnet ? nthAddress(subnet, 1) : undefined
  const vtep = subnet ? nthAddress(subnet, 0) : undefined
  return {
    name,
    ip,
    eth0Mac: nicMac('eth0:' + name),
    podCIDR: subnet ? cidrText(subnet) : undefined,
    subnet,
    cni0,
    cni0Mac: localMac('cni0:' + name),
    vtep,
    vtepMac: vtepMacOf(name),
    leased: !!subnet && !!ann[ANN_BACKEND_TYPE],
    publishedVtepMac,
    partitioned: !!net?.partitioned[name],
    flannelUp: !net?.flannelDown[name],
    local: new Set([ip, '127.0.0.1', ...(cni0 ? [cni0] : []), ...(vtep ? [vtep] : [])]),
  }
}

export function topology(c: Cluster): Topology {
  return memo(c, 'topology', ['nodes'], () => {
    const nodes: NodeFacts[] = []
    const byName: Record<string, NodeFacts> = {}
    const byAddress: Record<string, NodeFacts> = {}
    for (const n of c.api.list('nodes')) {
      const f = factsOf(c, n)
      if (!f) continue
      nodes.push(f)
      byName[f.name] = f
      byAddress[f.ip] = f
      if (f.cni0) byAddress[f.cni0] = f
      if (f.vtep) byAddress[f.vtep] = f
    }
    return { nodes, byName, byAddress }
  })
}

export function nodeFacts(c: Cluster, name: string | undefined): NodeFacts | undefined {
  return name ? topology(c).byName[name] : undefined
}

/** The node whose pod subnet holds `ip`. */
export function nodeOfPodIP(c: Cluster, ip: string): NodeFacts | undefined {
  if (!isIPv4(ip)) return undefined
  const n = ipToInt(ip)
  return topology(c).nodes.find((f) => f.subnet && inPrefix(n, f.subnet))
}

/** Facts per stored pod object: a write replaces the object, so unchanged pods keep theirs. */
const factsByObject = new WeakMap<KObject, PodFacts>()

function podFacts(p: KObject, ip: string): PodFacts {
  const known = factsByObject.get(p)
  if (known && known.ip === ip) return known
  const f = buildPodFacts(p, ip)
  factsByObject.set(p, f)
  return f
}

function buildPodFacts(p: KObject, ip: string): PodFacts {
  const ns = p.metadata.namespace ?? 'default'
  return {
    key: `${ns}/${p.metadata.name}`,
    namespace: ns,
    name: p.metadata.name,
    uid: p.metadata.uid,
    ip,
    node: p.spec?.nodeName,
    hostNetwork: !!p.spec?.hostNetwork,
    veth: vethName(p.metadata.uid ?? ns + '/' + p.metadata.name),
    mac: localMac('pod-eth0:' + (p.metadata.uid ?? p.metadata.name)),
    pod: p,
  }
}

/** Pods with a pod-network address on each node (their veths on cni0), and every pod by address. */
export interface PodIndex {
  /** Pod-network pods by address. */
  byIP: Record<string, PodFacts>
  /** Pod-network pods per node (their veths on cni0). */
  byNode: Record<string, PodFacts[]>
  /** hostNetwork pods per node (they listen on the node's addresses). */
  hostByNode: Record<string, PodFacts[]>
  byKey: Record<string, PodFacts>
}

export function podIndex(c: Cluster): PodIndex {
  return memo(c, 'pods', ['pods'], () => {
    const byIP: Record<string, PodFacts> = {}
    const byNode: Record<string, PodFacts[]> = {}
    const hostByNode: Record<string, PodFacts[]> = {}
    const byKey: Record<string, PodFacts> = {}
    for (const p of c.api.list('pods')) {
      // A finished pod's sandbox is torn down: CNI DEL removed its veth and freed the address.
      if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue
      const ip = podIPs(p)[0]
      if (!ip) continue
      const f = podFacts(p, ip)
      byKey[f.key] = f
      if (f.hostNetwork) {
        if (f.node) (hostByNode[f.node] ??= []).push(f)
        continue
      }
      if (!byIP[ip]) byIP[ip] = f
      if (f.node) (byNode[f.node] ??= []).push(f)
    }
    return { byIP, byNode, hostByNode, byKey }
  })
}

/** Facts for a pod object that may not be stored (a process's own pod, as the kubelet sees it). */
export function factsOfPod(c: Cluster, pod: KObject): PodFacts | undefined {
  const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`
  const known = podIndex(c).byKey[key]
  if (known && known.uid === pod.metadata.uid) return known
  const ip = podIPs(pod)[0]
  return ip ? podFacts(pod, ip) : undefined
}

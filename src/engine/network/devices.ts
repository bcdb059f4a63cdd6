// Each node's network devices and tables as flannel and the CNI plugins leave them (fidelity §7.2):
// eth0 on the underlay, the cni0 bridge (10.244.N.1/24) with one veth per pod, and the backend's
// device — flannel.1 (VXLAN VNI 1, UDP 8472, MTU 1450), flannel0 (udp, TUN, 8285) or none
// (host-gw, direct routes) — plus the route table, the VTEP FDB and the ARP entries.
// (flannel pkg/backend/vxlan/vxlan_network.go handleSubnetEvents, pkg/backend/hostgw, pkg/backend/udp;
// flannel-io/cni-plugin flannel_linux.go; containernetworking/plugins plugins/main/bridge)
import type { Cluster } from '../cluster'
import type { NetworkBackend } from '../state'
import { cidrText, inPrefix, ipToInt, localMac, parseCidr, type Prefix } from './addr'
import { memo } from './cache'
import { CLUSTER_CIDR, GATEWAY_IP, UNDERLAY_CIDR, VXLAN_PORT, VXLAN_VNI, podIndex, topology, type NodeFacts } from './topology'

export interface Device {
  name: string
  kind: 'loopback' | 'ethernet' | 'bridge' | 'veth' | 'vxlan' | 'tun'
  mtu: number
  state: 'UP' | 'DOWN' | 'UNKNOWN'
  mac?: string
  /** CIDR notation, as `ip addr` shows them. */
  addresses: string[]
  /** The bridge a veth is enslaved to. */
  master?: string
  vxlan?: { vni: number; local: string; dev: string; port: number; learning: false }
  /** A veth's other end: the pod's eth0. */
  peer?: { pod: string; ifname: 'eth0'; ip: string; mac: string }
}

export interface RouteEntry {
  /** "default" or a CIDR. */
  dst: string
  prefix: Prefix
  via?: string
  dev: string
  onlink?: boolean
  src?: string
  /** The line `ip route` prints. */
  text: string
}

export interface FdbEntry { mac: string; dev: string; dst: string; text: string }
export interface NeighEntry { ip: string; dev: string; mac: string; text: string }

export interface NodeNetwork {
  node: string
  ip: string
  podCIDR?: string
  backend: NetworkBackend
  /** flanneld is running and its device is up. */
  flannelUp: boolean
  partitioned: boolean
  mtu: number
  /** /run/flannel/subnet.env as flanneld writes it (empty until it has a lease). */
  subnetEnv: string
  /** The node's own devices: lo, eth0, the flannel device, cni0. */
  devices: Device[]
  /** The host ends of the pods' veth pairs, enslaved to cni0. */
  veths: Device[]
  routes: RouteEntry[]
  fdb: FdbEntry[]
  neigh: NeighEntry[]
}

/** The pod MTU each backend leaves room for (flannel: vxlan −50, udp −28, host-gw none). */
export function backendMtu(backend: NetworkBackend): number {
  return backend === 'vxlan' ? 1450 : backend === 'udp' ? 1472 : 1500
}

/** The device flanneld runs the backend on. */
export function flannelDevice(backend: NetworkBackend): string | undefined {
  return backend === 'vxlan' ? 'flannel.1' : backend === 'udp' ? 'flannel0' : undefined
}

/** pkg/subnet/subnet.go WriteSubnetFile. */
export function subnetEnv(f: NodeFacts, backend: NetworkBackend): string {
  if (!f.subnet || !f.cni0) return ''
  return `FLANNEL_NETWORK=${CLUSTER_CIDR}\nFLANNEL_SUBNET=${f.cni0}/${f.subnet.bits}\nFLANNEL_MTU=${backendMtu(backend)}\nFLANNEL_IPMASQ=true\n`
}

function route(dst: string, dev: string, extra: { via?: string; onlink?: boolean; src?: string; kernel?: boolean } = {}): RouteEntry {
  const prefix = dst === 'default' ? { base: 0, bits: 0 } : parseCidr(dst)!
  let text = dst
  if (extra.via) text += ` via ${extra.via}`
  text += ` dev ${dev}`
  if (extra.kernel) text += ' proto kernel scope link'
  if (extra.src) text += ` src ${extra.src}`
  if (extra.onlink) text += ' onlink'
  return { dst, prefix, via: extra.via, dev, onlink: extra.onlink, src: extra.src, text }
}

function build(c: Cluster, f: NodeFacts): NodeNetwork {
  const backend = c.state.config.network.backend
  const mtu = backendMtu(backend)
  const others = topology(c).nodes.filter((o) => o.name !== f.name && o.leased && o.subnet)
  const fdev = flannelDevice(backend)
  const devices: Device[] = [
    { name: 'lo', kind: 'loopback', mtu: 65536, state: 'UNKNOWN', addresses: ['127.0.0.1/8'] },
    { name: 'eth0', kind: 'ethernet', mtu: 1500, state: 'UP', mac: f.eth0Mac, addresses: [`${f.ip}/24`] },
  ]
  if (f.subnet && f.vtep && fdev === 'flannel.1') {
    devices.push({ name: 'flannel.1', kind: 'vxlan', mtu, state: f.flannelUp ? 'UP' : 'DOWN', mac: f.vtepMac, addresses: [`${f.vtep}/32`], vxlan: { vni: VXLAN_VNI, local: f.ip, dev: 'eth0', port: VXLAN_PORT, learning: false } })
  } else if (f.subnet && f.vtep && fdev === 'flannel0') {
    devices.push({ name: 'flannel0', kind: 'tun', mtu, state: f.flannelUp ? 'UNKNOWN' : 'DOWN', addresses: [`${f.vtep}/32`] })
  }
  if (f.subnet && f.cni0) devices.push({ name: 'cni0', kind: 'bridge', mtu, state: 'UP', mac: f.cni0Mac, addresses: [`${f.cni0}/${f.subnet.bits}`] })
  const veths: Device[] = []
  for (const p of podIndex(c).byNode[f.name] ?? []) {
    veths.push({ name: p.veth, kind: 'veth', mtu, state: 'UP', master: 'cni0', mac: localMac('veth-host:' + p.veth), addresses: [], peer: { pod: p.key, ifname: 'eth0', ip: p.ip, mac: p.mac } })
  }

  const routes: RouteEntry[] = [route('default', 'eth0', { via: GATEWAY_IP })]
  const fdb: FdbEntry[] = []
  const neigh: NeighEntry[] = []
  // A stopped flanneld's device is down: the kernel drops the routes through it.
  if (f.flannelUp) {
    if (backend === 'udp' && f.subnet) routes.push(route(CLUSTER_CIDR, 'flannel0'))
    for (const o of others) {
      if (backend === 'vxlan' && o.vtep) {
        routes.push(route(o.podCIDR!, 'flannel.1', { via: o.vtep, onlink: true }))
        const mac = o.publishedVtepMac ?? o.vtepMac
        neigh.push({ ip: o.vtep, dev: 'flannel.1', mac, text: `${o.vtep} dev flannel.1 lladdr ${mac} PERMANENT` })
        fdb.push({ mac, dev: 'flannel.1', dst: o.ip, text: `${mac} dev flannel.1 dst ${o.ip} self permanent` })
      } else if (backend === 'host-gw') routes.push(route(o.podCIDR!, 'eth0', { via: o.ip }))
    }
  }
  if (f.subnet && f.cni0) routes.push(route(cidrText(f.subnet), 'cni0', { kernel: true, src: f.cni0 }))
  routes.push(route(UNDERLAY_CIDR, 'eth0', { kernel: true, src: f.ip }))
  routes.sort((a, b) => (a.dst === 'default' ? -1 : b.dst === 'default' ? 1 : a.prefix.base - b.prefix.base || a.prefix.bits - b.prefix.bits))
  return { node: f.name, ip: f.ip, podCIDR: f.podCIDR, backend, flannelUp: f.flannelUp, partitioned: f.partitioned, mtu, subnetEnv: subnetEnv(f, backend), devices, veths, routes, fdb, neigh }
}

/** The node's devices and tables (undefined for an unknown node). */
export function nodeNetwork(c: Cluster, node: string): NodeNetwork | undefined {
  return memo(c, 'node-network:' + node, ['nodes', 'pods'], () => {
    const f = topology(c).byName[node]
    return f ? build(c, f) : undefined
  })
}

/** Longest-prefix match in a node's main table. */
export function lookupRoute(net: NodeNetwork, dst: string): RouteEntry | undefined {
  const n = ipToInt(dst)
  let best: RouteEntry | undefined
  for (const r of net.routes) if (inPrefix(n, r.prefix) && (!best || r.prefix.bits > best.prefix.bits)) best = r
  return best
}

/** The routes a pod's netns has (bridge plugin isDefaultGateway + flannel's route to the Network). */
export function podRoutes(f: NodeFacts, podIP: string): RouteEntry[] {
  if (!f.subnet || !f.cni0) return []
  return [
    route('default', 'eth0', { via: f.cni0 }),
    route(CLUSTER_CIDR, 'eth0', { via: f.cni0 }),
    route(cidrText(f.subnet), 'eth0', { kernel: true, src: podIP }),
  ]
}

// One packet's way through the simulated network, decision point by decision point: the pod's
// route table, its veth, the cni0 bridge, the node's netfilter hooks (nat PREROUTING/OUTPUT,
// filter FORWARD/OUTPUT/INPUT, nat POSTROUTING), the node's route table, flannel's device
// (VXLAN encapsulation with the FDB/ARP entries, the udp backend's flanneld, or host-gw's plain
// route), eth0 and the underlay, and back in on the other side. Replies carry no new NAT: each
// node's conntrack reverses what it did (un-SNAT at PREROUTING, un-DNAT at POSTROUTING/INPUT).
// (linux net/bridge/br_netfilter, net/netfilter/nf_nat_core.c; flannel pkg/backend/*; fidelity §6–§7)
import { lookupRoute, podRoutes } from '../devices'
import { inPrefix, ipToInt } from '../addr'
import { CLUSTER_PREFIX, EXTERNAL_CLIENT_IP, GATEWAY_IP, type NodeFacts, type PodFacts } from '../topology'
import { filter, natIn, natOut, unDnat } from './hooks'
import { udpOut, vxlanOut } from './encap'
import { deviceAddress, drop, hop, isLoopback, netOf, type End, type Place, type Walk } from './walk-core'

export { walkView, type ConnTrack, type End, type Place, type RandomHook, type Walk, type WalkView } from './walk-core'
export { replayChoice } from './hooks'

/** The node's IP stack: netfilter, routing, and out through the chosen device. */
function hostStack(w: Walk, f: NodeFacts, inDev: string | undefined): End {
  const viaBridge = !!inDev && inDev.startsWith('veth')
  const onLink = viaBridge && !!f.subnet && inPrefix(ipToInt(w.h.dst), f.subnet) && w.h.dst !== f.cni0
  if (viaBridge) {
    hop(w, 'bridge', 'cni0', w.rec && (onLink ? `bridged (L2): ${w.h.dst} is on this bridge; br_netfilter still runs iptables` : `to the gateway ${f.cni0}: the node routes it`), { node: f.name })
  }
  const dropped = natIn(w, f, inDev ? 'PREROUTING' : 'OUTPUT')
  if (dropped) return dropped
  const local = f.local
  if (local.has(w.h.dst) || (!inDev && isLoopback(w.h.dst))) {
    const rejected = filter(w, f, 'INPUT')
    if (rejected) return rejected
    if (w.reply) unDnat(w, f, 'INPUT')
    hop(w, 'routing', 'routing', w.rec && `${w.h.dst} is local to ${f.name}: delivered to a socket on the host (INPUT)`, { node: f.name })
    return { kind: 'host', node: f.name }
  }
  const net = netOf(w, f)
  const route = net && lookupRoute(net, w.h.dst)
  if (!route) {
    hop(w, 'routing', 'routing', w.rec && `no route to ${w.h.dst}`, { node: f.name })
    return drop(w, 'no route to host')
  }
  // Bridged frames keep their TTL; routed packets lose one per node.
  const forwarded = !!inDev && !onLink
  if (forwarded) w.h.ttl -= 1
  hop(w, 'routing', 'routing', w.rec && `route: ${route.text}${forwarded ? ' (TTL − 1)' : ''}`, { node: f.name })
  const rejected = filter(w, f, inDev ? 'FORWARD' : 'OUTPUT')
  if (rejected) return rejected
  const nat = natOut(w, f, route.dev)
  if (nat) return nat
  switch (route.dev) {
    case 'cni0': return toBridgePod(w, f)
    case 'flannel.1': return vxlanOut(w, f, route, wire, hostStack)
    case 'flannel0': return udpOut(w, f, wire, hostStack)
    default: return ethOut(w, f, route.via ?? w.h.dst)
  }
}

function toBridgePod(w: Walk, f: NodeFacts): End {
  const p = w.view.pods.byIP[w.h.dst]
  if (!p || p.node !== f.name) {
    hop(w, 'bridge', 'cni0', w.rec && `ARP for ${w.h.dst} on cni0 gets no answer: no pod on ${f.name} has this address`, { node: f.name })
    return drop(w, 'host unreachable (ARP incomplete)')
  }
  hop(w, 'bridge', 'cni0', w.rec && `forwards the frame to ${p.veth} (${p.key}, ${p.mac})`, { node: f.name })
  hop(w, 'veth', p.veth, w.rec && `veth pair: ${p.veth} on cni0 ↔ eth0 in ${p.key}`, { node: f.name })
  hop(w, 'pod-eth0', 'eth0', w.rec && `arrives in ${p.key}'s network namespace`, { node: f.name, pod: p.key })
  return { kind: 'pod', pod: p, node: f.name }
}

/** The underlay link between two nodes; a partitioned node's frames go nowhere. */
function wire(w: Walk, from: NodeFacts, to: NodeFacts): End | undefined {
  if (from.partitioned) return drop(w, `${from.name} is cut off from the underlay (partition)`)
  w.wires++
  hop(w, 'wire', 'underlay', w.rec && `${from.ip} → ${to.ip} on the 192.168.56.0/24 link`)
  if (to.partitioned) return drop(w, `${to.name} is cut off from the underlay (partition)`)
  return undefined
}

function ethOut(w: Walk, f: NodeFacts, nextHop: string): End {
  const toGateway = nextHop === GATEWAY_IP
  hop(w, 'nic', 'eth0', w.rec && (toGateway ? `to the default gateway ${GATEWAY_IP}` : `to ${nextHop} on the underlay`), { node: f.name })
  if (toGateway) {
    if (f.partitioned) return drop(w, `${f.name} is cut off from the underlay (partition)`)
    w.wires++
    hop(w, 'wire', 'underlay', w.rec && `${f.ip} → gateway ${GATEWAY_IP}`)
    if (w.h.dst === EXTERNAL_CLIENT_IP) {
      hop(w, 'gateway', 'gateway', 'routes it out to the Internet')
      hop(w, 'external', 'client', w.rec && `the external client ${EXTERNAL_CLIENT_IP}`)
      return { kind: 'external' }
    }
    hop(w, 'gateway', 'gateway', w.rec && `${GATEWAY_IP} forwards it towards ${w.h.dst}`)
    if (inPrefix(ipToInt(w.h.dst), CLUSTER_PREFIX)) return drop(w, `the gateway has no route to the pod network (${w.h.dst})`)
    return drop(w, `nothing answers at ${w.h.dst} (no such host in the simulation)`)
  }
  const remote = w.view.topo.byAddress[nextHop]
  if (!remote || remote.ip !== nextHop) return drop(w, `ARP for ${nextHop} on eth0 gets no answer`)
  const lost = wire(w, f, remote)
  if (lost) return lost
  hop(w, 'nic', 'eth0', w.rec && `arrives at ${remote.name}`, { node: remote.name })
  return hostStack(w, remote, 'eth0')
}

/** The pod's route that matches `dst` (longest prefix), as `ip route get` would name it. */
function podRouteFor(f: NodeFacts, podIP: string, dst: string): string {
  const n = ipToInt(dst)
  const r = podRoutes(f, podIP).filter((x) => inPrefix(n, x.prefix)).sort((a, b) => b.prefix.bits - a.prefix.bits)[0]
  return r?.text ?? 'default'
}

function fromPod(w: Walk, p: PodFacts): End {
  const f = p.node ? w.view.topo.byName[p.node] : undefined
  if (isLoopback(w.h.dst) || w.h.dst === p.ip) {
    hop(w, 'pod-eth0', 'lo', w.rec && `loopback inside ${p.key}'s network namespace`, { node: p.node, pod: p.key })
    return { kind: 'pod', pod: p, node: p.node ?? '' }
  }
  if (!f || !f.subnet) {
    hop(w, 'pod-eth0', 'eth0', w.rec && `${p.key} has no network (its node is gone)`, { pod: p.key })
    return drop(w, 'network unreachable')
  }
  hop(w, 'pod-eth0', 'eth0', w.rec && `route in the pod: ${podRouteFor(f, p.ip, w.h.dst)}`, { node: f.name, pod: p.key })
  hop(w, 'veth', p.veth, w.rec && `veth pair: eth0 in ${p.key} ↔ ${p.veth} on cni0`, { node: f.name })
  return hostStack(w, f, p.veth)
}

function fromHost(w: Walk, node: string): End {
  const f = w.view.topo.byName[node]
  if (!f) return drop(w, `node ${node} is not on the network`)
  if (!w.h.src) {
    // Source address selection: the route's preferred source, else the outgoing device's address.
    const net = netOf(w, f)
    const r = net && lookupRoute(net, w.h.dst)
    w.h.src = f.local.has(w.h.dst) || isLoopback(w.h.dst) ? w.h.dst : r?.src ?? deviceAddress(f, r?.dev ?? 'eth0')
  }
  hop(w, 'process', 'host', w.rec && `a socket in ${node}'s host network namespace`, { node })
  return hostStack(w, f, undefined)
}

function fromExternal(w: Walk): End {
  hop(w, 'external', 'client', w.rec && `the external client ${EXTERNAL_CLIENT_IP}`)
  hop(w, 'gateway', 'gateway', w.rec && `into ${GATEWAY_IP}'s network`)
  const f = w.view.topo.byAddress[w.h.dst]
  if (!f || f.ip !== w.h.dst) return drop(w, `the router has no route to ${w.h.dst}: from outside only node addresses are reachable`)
  if (f.partitioned) return drop(w, `${f.name} is cut off from the underlay (partition)`)
  w.wires++
  hop(w, 'wire', 'underlay', w.rec && `gateway → ${f.ip}`)
  hop(w, 'nic', 'eth0', w.rec && `arrives at ${f.name}`, { node: f.name })
  return hostStack(w, f, 'eth0')
}

/** Walks the packet in `w` from `place` until it is delivered, refused or lost. */
export function walkFrom(w: Walk, place: Place): End {
  if (place.at === 'pod') return fromPod(w, place.pod)
  if (place.at === 'host') return fromHost(w, place.node)
  return fromExternal(w)
}

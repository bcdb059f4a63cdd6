// flannel's backends carrying a packet to another node: VXLAN (the kernel's flannel.1 VTEP, FDB and
// ARP entries, UDP 8472) and udp (flannel0 TUN + flanneld, UDP 8285); host-gw needs neither, its
// route points at the other node. Decapsulated packets re-enter that node's IP stack (`next`).
// (flannel pkg/backend/vxlan/vxlan_network.go, pkg/backend/udp)
import type { RouteEntry } from '../devices'
import { UDP_BACKEND_PORT, VXLAN_PORT, VXLAN_VNI, nodeOfPodIP, type NodeFacts } from '../topology'
import { drop, hop, vxlanSourcePort, type End, type Walk } from './walk-core'

type Next = (w: Walk, f: NodeFacts, inDev: string) => End
type Wire = (w: Walk, from: NodeFacts, to: NodeFacts) => End | undefined

export function vxlanOut(w: Walk, f: NodeFacts, route: RouteEntry, wire: Wire, next: Next): End {
  const remote = route.via ? w.view.topo.byAddress[route.via] : undefined
  if (!remote || remote.vtep !== route.via) {
    hop(w, 'vtep', 'flannel.1', w.rec && `no ARP/FDB entry for ${route.via}`, { node: f.name })
    return drop(w, 'no VTEP for the next hop')
  }
  const mac = remote.publishedVtepMac ?? remote.vtepMac
  w.outer = {
    kind: 'vxlan', src: f.ip, dst: remote.ip, sport: vxlanSourcePort(w.h), dport: VXLAN_PORT, vni: VXLAN_VNI,
    srcMac: f.eth0Mac, dstMac: remote.eth0Mac, innerSrcMac: f.vtepMac, innerDstMac: mac,
  }
  hop(w, 'vtep', 'flannel.1', w.rec && `ARP ${route.via} → ${mac}; FDB ${mac} → dst ${remote.ip}: the kernel wraps the unchanged inner packet in Ethernet/IP/UDP/VXLAN (+50 B)`, {
    node: f.name, change: w.rec && `VXLAN encap VNI ${VXLAN_VNI} ${f.ip} → ${remote.ip}:${VXLAN_PORT}`,
  })
  hop(w, 'nic', 'eth0', w.rec && `outer UDP ${w.outer.sport} → ${VXLAN_PORT} leaves ${f.name}`, { node: f.name })
  const lost = wire(w, f, remote)
  if (lost) return lost
  hop(w, 'nic', 'eth0', w.rec && `UDP ${VXLAN_PORT} → the kernel's VXLAN socket`, { node: remote.name })
  if (!remote.flannelUp) return drop(w, `flannel.1 is down on ${remote.name} (flanneld stopped): nothing listens on UDP ${VXLAN_PORT}`)
  const outer = w.outer
  w.outer = undefined
  hop(w, 'vtep', 'flannel.1', 'decapsulated: the inner packet enters the host stack', { node: remote.name, change: w.rec && `VXLAN decap VNI ${VXLAN_VNI}: outer ${outer.src} → ${outer.dst}:${VXLAN_PORT} removed` })
  return next(w, remote, 'flannel.1')
}

export function udpOut(w: Walk, f: NodeFacts, wire: Wire, next: Next): End {
  const remote = nodeOfPodIP(w.c, w.h.dst)
  hop(w, 'vtep', 'flannel0', 'the TUN device hands the packet to flanneld in user space', { node: f.name })
  if (!remote || !remote.leased || remote.name === f.name) return drop(w, `flanneld has no lease for ${w.h.dst}`)
  w.outer = { kind: 'udp', src: f.ip, dst: remote.ip, sport: UDP_BACKEND_PORT, dport: UDP_BACKEND_PORT, srcMac: f.eth0Mac, dstMac: remote.eth0Mac }
  hop(w, 'vtep', 'flanneld', w.rec && `looks up ${remote.podCIDR}'s lease and sends it in a UDP datagram`, { node: f.name, change: w.rec && `UDP encap ${f.ip}:${UDP_BACKEND_PORT} → ${remote.ip}:${UDP_BACKEND_PORT}` })
  hop(w, 'nic', 'eth0', w.rec && `outer UDP ${UDP_BACKEND_PORT} → ${UDP_BACKEND_PORT} leaves ${f.name}`, { node: f.name })
  const lost = wire(w, f, remote)
  if (lost) return lost
  hop(w, 'nic', 'eth0', w.rec && `UDP ${UDP_BACKEND_PORT} → flanneld`, { node: remote.name })
  if (!remote.flannelUp) return drop(w, `flanneld is stopped on ${remote.name}: nothing reads UDP ${UDP_BACKEND_PORT}`)
  const outer = w.outer
  w.outer = undefined
  hop(w, 'vtep', 'flanneld', 'unwraps the datagram', { node: remote.name, change: w.rec && `UDP decap: outer ${outer.src} → ${outer.dst}:${UDP_BACKEND_PORT} removed` })
  hop(w, 'vtep', 'flannel0', 'written to the TUN device: the packet enters the host stack', { node: remote.name })
  return next(w, remote, 'flannel0')
}

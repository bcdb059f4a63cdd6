// Packets as plain data: the headers at each hop (inner, and outer when encapsulated), what
// changed there and why, and the sim times it was sent and arrived. The UI animates these; the
// `podflow trace` table prints them.

export type Proto = 'TCP' | 'UDP' | 'ICMP'

/** The IP + transport header of the packet itself (the inner packet when encapsulated). */
export interface Headers {
  proto: Proto
  src: string
  sport: number
  dst: string
  dport: number
  ttl: number
}

/** The encapsulation around the inner packet: flannel's VXLAN (UDP 8472) or udp backend (8285). */
export interface Outer {
  kind: 'vxlan' | 'udp'
  src: string
  dst: string
  sport: number
  dport: number
  /** VXLAN only. */
  vni?: number
  srcMac?: string
  dstMac?: string
  /** VXLAN's inner Ethernet: the two VTEPs' MACs. */
  innerSrcMac?: string
  innerDstMac?: string
}

export type HopKind =
  | 'process' // a socket in a pod or on a host
  | 'pod-eth0' // the pod's end of its veth pair
  | 'veth' // the host end on cni0
  | 'bridge' // cni0
  | 'netfilter' // an iptables hook on a node
  | 'routing' // a route lookup
  | 'vtep' // flannel.1 / flannel0 / flanneld
  | 'nic' // a node's eth0
  | 'wire' // the underlay link
  | 'gateway' // the underlay's router
  | 'external' // outside the cluster

export interface Hop {
  /** The node this hop is on; undefined on the wire and outside the cluster. */
  node?: string
  /** Device or stage: eth0, vethXXXXXXXX, cni0, flannel.1, PREROUTING, routing, underlay, … */
  element: string
  /** "ns/name" when the hop is inside a pod's network namespace. */
  pod?: string
  kind: HopKind
  headers: Headers
  outer?: Outer
  /** What this hop changed ("DNAT 10.96.0.10:53 → 10.244.0.2:53"). */
  change?: string
  /** What happened here and why. */
  note: string
  /** The iptables rule (iptables-save text) that decided, when one did. */
  rule?: string
  /** Sim ms (fractional): when the packet reached and left this hop. */
  at: number
  done: number
}

export type PacketOutcome = 'delivered' | 'refused' | 'timeout' | 'nxdomain' | 'answered'

export interface Packet {
  id: string
  /** The connection (or DNS exchange) it belongs to. */
  conn: string
  kind: 'dns' | 'http' | 'tcp' | 'probe' | 'icmp'
  /** request/response of a connection; query/answer of DNS; rst/icmp replies to a refused connection. */
  phase: 'request' | 'response' | 'query' | 'answer' | 'rst'
  /** "GET /", "A? web.default.svc.cluster.local", "SYN" … */
  label: string
  /** Endpoints as the learner names them: pod/ns/name, svc/ns/name, node/name, external, or an IP. */
  from: string
  to: string
  sentAt: number
  arriveAt: number
  outcome: PacketOutcome
  hops: Hop[]
  /** Recorded as a sample of a rate-based traffic flow. */
  flow?: string
}

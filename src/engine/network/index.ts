// Registers this area's modules (see ../wiring.ts): installs the packet-level PodNetwork (DNS
// through CoreDNS, HTTP/TCP hop by hop), flanneld's node annotations, the traffic flows and the
// network pokes. Exports the read-only views the UI and the CLI use.
import { setPodNetwork, type PodNetwork } from './types'
import { resolve } from './dns/resolver'
import { http, tcp } from './http'
import './flanneld'
import './pokes'
import './traffic'

export const packetNetwork: PodNetwork = { resolve, http, tcp }
setPodNetwork(packetNetwork)

export { packetsSince, packetById, RING_SIZE } from './packet/log'
export type { Packet, Hop, Headers, Outer, HopKind, PacketOutcome } from './packet/types'
export { nodeNetwork } from './devices'
export type { NodeNetwork, Device, RouteEntry, FdbEntry, NeighEntry } from './devices'
export { iptablesSave } from './iptables'
export { traceConnection, formatTrace } from './trace'
export type { Trace } from './trace'
export { flows } from './traffic'
export type { FlowInfo } from './traffic'

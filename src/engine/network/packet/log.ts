// The bounded record of recent packets (cluster state, so rewinding the sim rewinds it too): a
// ring of the last RING_SIZE packets with their hops, and a per-second budget so that heavy
// traffic is sampled rather than recorded in full.
import type { Cluster } from '../../cluster'
import type { Packet } from './types'

export const RING_SIZE = 500
/** Connections (or DNS exchanges) recorded hop by hop per sim second; the rest only count. */
export const RECORD_PER_SECOND = 20
/** Of those, kubelet probes (frequent, and the same path every time). */
export const PROBES_PER_SECOND = 4

interface PacketLog {
  /** Next packet / connection number. */
  seq: number
  conns: number
  ring: Packet[]
  /** Recording budget window (sim second) and its use. */
  window: number
  used: number
  probes: number
}

const fresh = (): PacketLog => ({ seq: 0, conns: 0, ring: [], window: -1, used: 0, probes: 0 })

function log(c: Cluster): PacketLog {
  return (c.state.components.packets as PacketLog | undefined) ?? c.slot<PacketLog>('packets', fresh)
}

function peek(c: Cluster): PacketLog | undefined {
  return c.state.components.packets as PacketLog | undefined
}

/** Whether the next exchange may be recorded in full (consumes the budget when it may). */
export function takeRecordBudget(c: Cluster, probe = false): boolean {
  const l = log(c)
  const second = Math.floor(c.now / 1000)
  if (l.window !== second) {
    l.window = second
    l.used = 0
    l.probes = 0
  }
  if (l.used >= RECORD_PER_SECOND || (probe && l.probes >= PROBES_PER_SECOND)) return false
  l.used++
  if (probe) l.probes++
  return true
}

export function newConnId(c: Cluster): string {
  return `c${++log(c).conns}`
}

/** An ephemeral source port (32768–60999), deterministic per connection. */
export function ephemeralPort(c: Cluster): number {
  return 32768 + ((log(c).conns * 7919) % 28232)
}

export function nextPacketId(c: Cluster): string {
  return `p${++log(c).seq}`
}

export function recordPackets(c: Cluster, packets: Packet[]): void {
  const ring = log(c).ring
  ring.push(...packets)
  if (ring.length > RING_SIZE) ring.splice(0, ring.length - RING_SIZE)
}

/** Recorded packets still travelling at or after `simMs` (arriveAt ≥ simMs), oldest first. */
export function packetsSince(c: Cluster, simMs: number): Packet[] {
  return (peek(c)?.ring ?? []).filter((p) => p.arriveAt >= simMs)
}

export function packetById(c: Cluster, id: string): Packet | undefined {
  return peek(c)?.ring.find((p) => p.id === id)
}

// The state of one packet on its way (its headers, conntrack, the hops recorded so far) and the
// small steps every stage of the walk shares: spending a hop's time, recording it, dropping.
import type { Cluster } from '../../cluster'
import { nodeNetwork, type NodeNetwork } from '../devices'
import { ipToInt } from '../addr'
import { nodeTables, type NodeTables } from '../iptables'
import { podIndex, topology, type NodeFacts, type PodFacts, type PodIndex, type Topology } from '../topology'
import type { NfEnv } from './netfilter'
import type { Headers, Hop, HopKind, Outer } from './types'

export type Place = { at: 'pod'; pod: PodFacts } | { at: 'host'; node: string } | { at: 'external' }

export type End =
  | { kind: 'pod'; pod: PodFacts; node: string }
  | { kind: 'host'; node: string }
  | { kind: 'external' }
  | { kind: 'dropped'; why: string }
  | { kind: 'rejected'; node: string; rule: string }

export interface Nat {
  node: string
  from: { ip: string; port: number }
  to: { ip: string; port: number }
  rule?: string
}

export interface ConnTrack {
  dnat?: Nat & { choice?: string; probability?: string; svc?: string }
  snat?: Nat
}

/** What a walk reads, fetched once per connection: the views are memoised, but even the lookup adds up. */
export interface WalkView {
  topo: Topology
  pods: PodIndex
  nodes: Map<string, { tables?: NodeTables; net?: NodeNetwork; env: NfEnv }>
}

export function walkView(c: Cluster): WalkView {
  return { topo: topology(c), pods: podIndex(c), nodes: new Map() }
}

export interface Walk {
  c: Cluster
  view: WalkView
  /** Build hop records (sampled packets and traces); otherwise only the outcome is computed. */
  rec: boolean
  hops: Hop[]
  /** Sim ms, fractional. */
  t: number
  h: Headers
  outer?: Outer
  ct: ConnTrack
  reply: boolean
  mark: number
  forceSep?: string
  /** Underlay links crossed. */
  wires: number
  /** The netfilter hooks that consulted randomness (statistic/recent), with the packet as it entered them. */
  random?: RandomHook[]
}

export interface RandomHook {
  node: string
  hook: 'PREROUTING' | 'OUTPUT'
  h: Headers
  mark: number
}

/** Time spent at each kind of hop (ms): host stack work is microseconds; the LAN link dominates. */
export const DUR: Record<HopKind, number> = {
  process: 0.02, 'pod-eth0': 0.005, veth: 0.005, bridge: 0.01, netfilter: 0.005, routing: 0.002,
  vtep: 0.01, nic: 0.01, wire: 0.25, gateway: 0.05, external: 5,
}

export const ep = (ip: string, port: number) => `${ip}:${port}`

/** Records a hop (when recording; notes are built only then) and spends its time. */
export function hop(w: Walk, kind: HopKind, element: string, note: string | false, extra: { node?: string; pod?: string; change?: string | false; rule?: string } = {}): void {
  const at = w.t
  w.t += DUR[kind]
  if (!w.rec) return
  w.hops.push({ node: extra.node, element, pod: extra.pod, kind, headers: { ...w.h }, outer: w.outer && { ...w.outer }, change: extra.change || undefined, note: note || '', rule: extra.rule, at, done: w.t })
}

export function drop(w: Walk, why: string): End {
  if (w.rec && w.hops.length) {
    const last = w.hops[w.hops.length - 1]
    last.note += ` — dropped: ${why}`
  }
  return { kind: 'dropped', why }
}

export const isLoopback = (ip: string) => ip.startsWith('127.')

/** The address a device gives locally originated or masqueraded packets. */
export function deviceAddress(f: NodeFacts, dev: string): string {
  if (dev === 'cni0') return f.cni0 ?? f.ip
  if (dev === 'flannel.1' || dev === 'flannel0') return f.vtep ?? f.ip
  return f.ip
}

/** A hash of the flow's 4-tuple into the ephemeral range 32768–60999. */
function flowPort(h: Headers, salt: number): number {
  let x = Math.imul(ipToInt(h.src) ^ salt, 0x9e3779b1) ^ ipToInt(h.dst)
  x = Math.imul(x ^ (h.sport << 16) ^ h.dport, 0x85ebca6b)
  x ^= x >>> 15
  return 32768 + ((x >>> 0) % 28232)
}

/** A deterministic port for --random-fully (the kernel draws one; a hash keeps runs repeatable). */
export const masqPort = (h: Headers) => flowPort(h, 0x6d61)

/** udp_flow_src_port: the VXLAN source port is a hash of the inner flow, within the ephemeral range. */
export const vxlanSourcePort = (h: Headers) => flowPort(h, 0x7678)

function nodeCtx(w: Walk, f: NodeFacts) {
  let n = w.view.nodes.get(f.name)
  if (!n) {
    n = { env: { c: w.c, node: f.name, local: f.local, forceSep: w.forceSep } }
    w.view.nodes.set(f.name, n)
  }
  return n
}

export function tablesOf(w: Walk, f: NodeFacts): NodeTables | undefined {
  const n = nodeCtx(w, f)
  return (n.tables ??= nodeTables(w.c, f.name))
}

export function netOf(w: Walk, f: NodeFacts): NodeNetwork | undefined {
  const n = nodeCtx(w, f)
  return (n.net ??= nodeNetwork(w.c, f.name))
}

export function env(w: Walk, f: NodeFacts): NfEnv {
  const e = nodeCtx(w, f).env
  e.forceSep = w.forceSep
  return e
}

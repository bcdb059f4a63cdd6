// A connection (or a DNS exchange) end to end: the client's first packet is walked to wherever
// the network takes it; if a socket is there, its reply is walked back through the same
// conntrack state. The TCP handshake is summarised in the request packet: SYN, SYN-ACK and ACK
// take the path the request and response take.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import type { ImageInfo } from '../../node/images/catalog'
import type { NetOrigin } from '../types'
import { listenerOn } from '../view'
import { EXTERNAL_CLIENT_IP, factsOfPod, podIndex, type PodFacts } from '../topology'
import { ephemeralPort, newConnId, nextPacketId } from './log'
import { replayChoice, walkFrom, walkView, type ConnTrack, type End, type Place, type RandomHook, type Walk, type WalkView } from './walk'
import { memo } from '../cache'
import type { Headers, Packet, Proto } from './types'

/** Who sends: a pod's netns, a node's host netns, or the external client. */
export interface Client {
  place: Place
  /** Source address ('' on a host: chosen from the route, as the kernel does). */
  ip: string
  /** pod/ns/name, node/name, external. */
  name: string
  pod?: KObject
}

export type Server =
  | { kind: 'pod'; pod: PodFacts; container: string; info: ImageInfo }
  | { kind: 'kubelet'; node: string }

export interface ConnSpec {
  proto: Exclude<Proto, 'ICMP'>
  dst: string
  dport: number
  /** How the learner names the destination (svc/ns/name, pod/ns/name, an IP). */
  to: string
}

export interface ConnOptions {
  kind: Packet['kind']
  label: string
  record: boolean
  /** Pin kube-proxy's endpoint choice to this KUBE-SEP chain (traffic flows split evenly). */
  forceSep?: string
  flow?: string
  /** Send time (sim ms); default now. */
  at?: number
}

export interface ConnResult {
  conn: string
  outcome: 'delivered' | 'refused' | 'timeout'
  /** Where the first packet ended. */
  end: End
  server?: Server
  /** The headers as the server saw them (after DNAT/SNAT). */
  seen: Headers
  ct: ConnTrack
  /** Integer one-way latency the shell model charges (1 ms on a node, 2 ms across the underlay). */
  oneWayMs: number
  /** Why it failed, for messages and the trace. */
  why?: string
  /** request (+ response/rst) when recording. */
  packets: Packet[]
}

export const KUBELET_PORT = 10250

/** The client a NetOrigin describes. A pod without a container is the kubelet probing it. */
export function clientOf(c: Cluster, from: NetOrigin): Client {
  const pod = from.pod
  const node = from.node ?? pod?.spec?.nodeName
  if (pod && from.container === undefined && node) return { place: { at: 'host', node }, ip: '', name: `node/${node}` }
  if (pod?.spec?.hostNetwork && node) return { place: { at: 'host', node }, ip: '', name: `pod/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`, pod }
  const facts = pod ? factsOfPod(c, pod) : undefined
  if (facts) return { place: { at: 'pod', pod: facts }, ip: facts.ip, name: `pod/${facts.key}`, pod }
  if (node) return { place: { at: 'host', node }, ip: '', name: `node/${node}` }
  return { place: { at: 'external' }, ip: EXTERNAL_CLIENT_IP, name: 'external' }
}

/** The socket at the end of the path listening on `port`, if any. */
export function serverAt(c: Cluster, end: End, port: number): Server | undefined {
  if (end.kind === 'pod') {
    const l = listenerOn(c, end.pod.pod, port)
    return l ? { kind: 'pod', pod: end.pod, container: l.container, info: l.info } : undefined
  }
  if (end.kind === 'host') {
    for (const hp of podIndex(c).hostByNode[end.node] ?? []) {
      const l = listenerOn(c, hp.pod, port)
      if (l) return { kind: 'pod', pod: hp, container: l.container, info: l.info }
    }
    return port === KUBELET_PORT ? { kind: 'kubelet', node: end.node } : undefined
  }
  return undefined
}

function placeOf(end: End): Place | undefined {
  if (end.kind === 'pod') return { at: 'pod', pod: end.pod }
  if (end.kind === 'host') return { at: 'host', node: end.node }
  if (end.kind === 'external') return { at: 'external' }
  return undefined
}

function samePlace(a: Place, end: End): boolean {
  if (a.at === 'pod') return end.kind === 'pod' && end.pod.key === a.pod.key
  if (a.at === 'host') return end.kind === 'host' && end.node === a.node
  return end.kind === 'external'
}

function packet(c: Cluster, conn: string, opts: ConnOptions, phase: Packet['phase'], label: string, from: string, to: string, w: Walk, sentAt: number, outcome: Packet['outcome']): Packet {
  const p: Packet = { id: nextPacketId(c), conn, kind: opts.kind, phase, label, from, to, sentAt, arriveAt: w.t, outcome, hops: w.hops }
  if (opts.flow) p.flow = opts.flow
  return p
}

/** One connection's path: the first packet's walk and its reply's, before any socket is consulted. */
interface Leg {
  end: End
  seen: Headers
  ct: ConnTrack
  wires: number
  back: End
  returned: boolean
  random?: RandomHook[]
  req: Walk
  rep?: Walk
}

function runLeg(c: Cluster, view: WalkView, client: Client, spec: ConnSpec, opts: ConnOptions, sport: number, t0: number, forceSep: string | undefined): Leg {
  const w: Walk = { c, view, rec: opts.record, hops: [], t: t0, h: { proto: spec.proto, src: client.ip, sport, dst: spec.dst, dport: spec.dport, ttl: 64 }, ct: {}, reply: false, mark: 0, forceSep, wires: 0 }
  const end = walkFrom(w, client.place)
  const seen = { ...w.h }
  const place = placeOf(end)
  if (!place) return { end, seen, ct: w.ct, wires: w.wires, back: end, returned: false, random: w.random, req: w }
  // The reply: the server's response, or the RST (ICMP for UDP) its kernel sends when nothing listens.
  const r: Walk = { c, view, rec: opts.record, hops: [], t: w.t, h: { proto: spec.proto, src: w.h.dst, sport: w.h.dport, dst: w.h.src, dport: w.h.sport, ttl: 64 }, ct: w.ct, reply: true, mark: 0, wires: 0 }
  const back = walkFrom(r, place)
  const returned = samePlace(client.place, back) && r.h.dport === sport
  return { end, seen, ct: w.ct, wires: w.wires, back, returned, random: w.random, req: w, rep: r }
}

/**
 * Paths already walked, per client, destination and endpoint choice: valid until nodes, pods,
 * Services, EndpointSlices or the pokes change. A path whose kube-proxy rules draw a random
 * endpoint is replayed up to that draw (same random numbers, same `recent` updates), so the
 * cluster state evolves exactly as if every packet were walked.
 */
interface CacheEntry {
  random?: RandomHook
  plain?: Leg
  bySep: Map<string, Leg>
}

function pathCache(c: Cluster): Map<string, CacheEntry> {
  return memo(c, 'path-cache', ['nodes', 'pods', 'services', 'endpointslices'], () => new Map<string, CacheEntry>())
}

const PATH_CACHE_MAX = 5000

function placeKey(p: Place): string {
  return p.at === 'pod' ? `pod:${p.pod.key}:${p.pod.uid}` : p.at === 'host' ? `host:${p.node}` : 'external'
}

function cachedLeg(c: Cluster, view: WalkView, client: Client, spec: ConnSpec, opts: ConnOptions, sport: number, t0: number): Leg {
  const cache = pathCache(c)
  const key = `${placeKey(client.place)}|${client.ip}|${spec.proto}|${spec.dst}|${spec.dport}|${opts.forceSep ?? ''}`
  const e = cache.get(key)
  if (e && !e.random) return e.plain!
  if (e && e.random) {
    const probe: Walk = { c, view, rec: false, hops: [], t: t0, h: e.random.h, ct: {}, reply: false, mark: 0, forceSep: opts.forceSep, wires: 0 }
    const choice = replayChoice(probe, e.random) ?? ''
    let leg = e.bySep.get(choice)
    if (!leg) {
      // Walk the rest with the endpoint the replay drew (no second draw).
      leg = runLeg(c, view, client, spec, opts, sport, t0, choice || opts.forceSep)
      e.bySep.set(choice, leg)
    }
    return leg
  }
  const leg = runLeg(c, view, client, spec, opts, sport, t0, opts.forceSep)
  if (cache.size >= PATH_CACHE_MAX) cache.clear()
  if (!leg.random) cache.set(key, { plain: leg, bySep: new Map() })
  else if (leg.random.length === 1) cache.set(key, { random: leg.random[0], bySep: new Map([[leg.ct.dnat?.choice ?? '', leg]]) })
  return leg
}

export function connect(c: Cluster, client: Client, spec: ConnSpec, opts: ConnOptions): ConnResult {
  const conn = newConnId(c)
  const sport = ephemeralPort(c)
  const t0 = opts.at ?? c.now
  const view = walkView(c)
  const leg = opts.record ? runLeg(c, view, client, spec, opts, sport, t0, opts.forceSep) : cachedLeg(c, view, client, spec, opts, sport, t0)
  const { end, seen } = leg
  const res: ConnResult = { conn, outcome: 'delivered', end, seen, ct: leg.ct, oneWayMs: leg.wires > 0 ? 2 : 1, packets: [] }
  if (end.kind === 'dropped' || end.kind === 'rejected') {
    res.outcome = end.kind === 'dropped' ? 'timeout' : 'refused'
    res.why = end.kind === 'dropped' ? end.why : `rejected by ${end.node}'s iptables`
    if (opts.record) res.packets.push(packet(c, conn, opts, 'request', opts.label, client.name, spec.to, leg.req, t0, res.outcome))
    return res
  }
  const server = serverAt(c, end, seen.dport)
  res.server = server
  if (opts.record) {
    res.packets.push(packet(c, conn, opts, 'request', opts.label, client.name, spec.to, leg.req, t0, server ? 'delivered' : 'refused'))
    const label = server ? (spec.proto === 'TCP' ? 'SYN-ACK, then the response' : 'reply') : spec.proto === 'UDP' ? 'ICMP port unreachable' : 'RST'
    res.packets.push(packet(c, conn, opts, server ? 'response' : 'rst', label, spec.to, client.name, leg.rep!, leg.req.t, leg.returned ? 'delivered' : 'timeout'))
  }
  if (!leg.returned) {
    res.outcome = 'timeout'
    res.why = leg.back.kind === 'dropped' ? `the reply was lost: ${leg.back.why}` : 'the reply did not come back'
  } else if (!server) {
    res.outcome = 'refused'
    res.why = `nothing listens on ${seen.dst}:${seen.dport}`
  }
  return res
}

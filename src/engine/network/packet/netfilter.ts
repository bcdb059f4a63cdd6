// Evaluates a packet against a node's netfilter rules exactly as printed: chains are walked rule
// by rule, `statistic` draws from the seeded PRNG (xt_statistic: random u31 < stored value),
// `recent` reads and writes the node's lists (xt_recent), MARK/RETURN/DNAT/MASQUERADE/REJECT act
// as in the kernel. (linux net/netfilter/xt_statistic.c, xt_recent.c, xt_addrtype.c)
import type { Cluster } from '../../cluster'
import { random } from '../../sim/rng'
import { inPrefix, ipToInt, parseCidr, type Prefix } from '../addr'
import type { Match, Rule, Table } from '../kubeproxy/rule'
import { netState } from '../state'
import type { Headers } from './types'

export interface NfPacket {
  h: Headers
  /** h.src / h.dst as uint32, computed once per hook. */
  srcN?: number
  dstN?: number
  mark: number
  /** conntrack state: NEW for a connection's first packet, ESTABLISHED after. */
  ctState: 'NEW' | 'ESTABLISHED'
  dnatted: boolean
}

export interface NfEnv {
  c: Cluster
  node: string
  /** The node's own addresses (addrtype LOCAL). */
  local: Set<string>
  /** Traffic flows pin the endpoint chain instead of drawing (their rate is split evenly). */
  forceSep?: string
}

export interface NfResult {
  verdict: 'accept' | 'drop' | 'reject'
  /** Collect the chains entered (for hop notes). */
  trace: boolean
  /** A statistic or recent match was consulted: the result may differ next time. */
  random: boolean
  /** The packet mark after the hook. */
  mark: number
  /** The rule whose target decided (DNAT, MASQUERADE, REJECT, DROP). */
  decisive?: Rule
  dnat?: string
  masquerade?: boolean
  /** The KUBE-SVC/SVL → KUBE-SEP jump that chose the endpoint. */
  choice?: Rule
  /** Chains entered, in order. */
  path: string[]
}

const prefixCache = new Map<string, Prefix | undefined>()
function addrMatch(ip: number, cidr: string): boolean {
  let p = prefixCache.get(cidr)
  if (p === undefined) {
    p = parseCidr(cidr)
    prefixCache.set(cidr, p)
  }
  return !!p && inPrefix(ip, p)
}

function recentList(env: NfEnv, name: string): Record<string, number> {
  const rec = netState(env.c).recent
  return ((rec[env.node] ??= {})[name] ??= {})
}

function matchOne(env: NfEnv, p: NfPacket, r: Rule, m: Match, res: NfResult): boolean {
  switch (m.m) {
    case 'comment': return true
    case 'tcp': case 'udp': case 'sctp': return p.h.proto.toLowerCase() === m.m && (m.dport === undefined || m.dport === p.h.dport)
    case 'statistic':
      res.random = true
      if (env.forceSep && r.target.startsWith('KUBE-SEP-')) return r.target === env.forceSep
      return Math.floor(random(env.c.state) * 0x80000000) < m.probability
    case 'recent': {
      res.random = true
      if (m.mode === 'set') {
        recentList(env, m.name)[p.h.src] = env.c.now
        return true
      }
      if (env.forceSep) return r.target === env.forceSep
      const peek = netState(env.c).recent[env.node]?.[m.name]
      const seen = peek?.[p.h.src]
      if (seen === undefined) return false
      if (m.seconds && env.c.now - seen > m.seconds * 1000) {
        if (m.reap) delete peek![p.h.src]
        return false
      }
      return true
    }
    case 'addrtype':
      if (m.dstType && !env.local.has(p.h.dst)) return false
      if (m.srcType && !env.local.has(p.h.src)) return false
      return true
    case 'mark': return ((p.mark & m.mask) === m.value) !== !!m.invert
    case 'conntrack': {
      let hit = false
      for (const s of m.ctstate) if (s === p.ctState || (s === 'DNAT' && p.dnatted)) hit = true
      return hit !== !!m.invert
    }
  }
}

function matches(env: NfEnv, p: NfPacket, r: Rule, res: NfResult): boolean {
  if (r.src && addrMatch((p.srcN ??= ipToInt(p.h.src)), r.src) === !!r.srcNot) return false
  if (r.dst && addrMatch((p.dstN ??= ipToInt(p.h.dst)), r.dst) === !!r.dstNot) return false
  if (r.proto && r.proto !== p.h.proto.toLowerCase()) return false
  for (const m of r.matches) if (!matchOne(env, p, r, m, res)) return false
  return true
}

type ChainEnd = 'return' | 'fallthrough' | NfResult

function done(res: NfResult, verdict: NfResult['verdict'], decisive?: Rule): NfResult {
  res.verdict = verdict
  res.decisive = decisive
  return res
}

function rulesToScan(t: Table, chain: string, p: NfPacket): Rule[] {
  const all = t.byChain[chain] ?? []
  // KUBE-SERVICES can hold thousands of rules: only the ones for this dst:port, then the generic tail.
  if (chain !== 'KUBE-SERVICES') return all
  const hit = t.serviceIndex[`${p.h.dst}:${p.h.proto === 'TCP' ? 'tcp' : p.h.proto === 'UDP' ? 'udp' : 'icmp'}:${p.h.dport}`]
  const tail = t.serviceTail
  if (!hit) return tail
  const out: Rule[] = []
  for (const i of hit) out.push(all[i])
  for (const r of tail) out.push(r)
  return out
}

function runChain(env: NfEnv, t: Table, chain: string, p: NfPacket, res: NfResult, depth: number): ChainEnd {
  if (res.trace) res.path.push(chain)
  if (depth > 16) return 'fallthrough'
  for (const r of rulesToScan(t, chain, p)) {
    if (!matches(env, p, r, res)) continue
    switch (r.target) {
      case 'RETURN': return 'return'
      case 'MARK':
        p.mark = ((p.mark & ~r.setXmark![1]) ^ r.setXmark![0]) >>> 0
        continue
      case 'ACCEPT': return done(res, 'accept')
      case 'DROP': return done(res, 'drop', r)
      case 'REJECT': return done(res, 'reject', r)
      case 'DNAT':
        res.dnat = r.toDestination
        return done(res, 'accept', r)
      case 'MASQUERADE':
        res.masquerade = true
        return done(res, 'accept', r)
      default: {
        if (r.target.startsWith('KUBE-SEP-')) res.choice = r
        const sub = runChain(env, t, r.target, p, res, depth + 1)
        if (typeof sub !== 'string') return sub
      }
    }
  }
  return 'fallthrough'
}

const MEMO_MAX = 20_000
const memos = new WeakMap<Table, Map<string, NfResult>>()

/**
 * Runs a built-in chain (PREROUTING, OUTPUT, POSTROUTING, INPUT, FORWARD); policy ACCEPT.
 * Outcomes that drew no random number are remembered per table (the tables are rebuilt when
 * Services or endpoints change), so steady traffic does not re-scan the same rules. The result
 * is shared: read it, never change it.
 */
export function runHook(env: NfEnv, t: Table, hook: string, p: NfPacket, trace: boolean): NfResult {
  let memo = memos.get(t)
  if (!memo) memos.set(t, (memo = new Map()))
  const key = `${hook}|${p.h.proto}|${p.h.src}|${p.h.dst}|${p.h.dport}|${p.mark}|${p.ctState}|${p.dnatted ? 1 : 0}|${trace ? 1 : 0}`
  const hit = memo.get(key)
  if (hit) {
    p.mark = hit.mark
    return hit
  }
  const res: NfResult = { verdict: 'accept', trace, random: false, mark: 0, path: [] }
  runChain(env, t, hook, p, res, 0)
  res.mark = p.mark
  if (!res.random) {
    if (memo.size >= MEMO_MAX) memo.clear()
    memo.set(key, res)
  }
  return res
}

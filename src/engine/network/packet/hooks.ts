// The netfilter stages of a node's IP stack, as the walk meets them: nat PREROUTING/OUTPUT (kube-
// proxy's DNAT) and POSTROUTING (MASQUERADE) for a new connection, filter FORWARD/OUTPUT/INPUT
// (REJECT for Services without endpoints), and for replies conntrack's reversal of both.
import { ruleText } from '../kubeproxy/save'
import { probabilityText, type Rule } from '../kubeproxy/rule'
import type { NodeFacts } from '../topology'
import { runHook, type NfPacket } from './netfilter'
import { deviceAddress, drop, env, ep, hop, masqPort, tablesOf, type End, type RandomHook, type Walk } from './walk-core'

/** Replays a random hook exactly as the walk met it (same draws, same `recent` updates): which endpoint chain wins. */
export function replayChoice(w: Walk, r: RandomHook): string | undefined {
  const f = w.view.topo.byName[r.node]
  const tables = f && tablesOf(w, f)
  if (!tables) return undefined
  const res = runHook(env(w, f), tables.nat, r.hook, { h: { ...r.h }, mark: r.mark, ctState: 'NEW', dnatted: false }, false)
  return res.choice?.target
}

/** How the endpoint was chosen: "p=0.50000000000", "ClientIP affinity" or "last rule". */
function probabilityOf(choice: Rule | undefined): string | undefined {
  const m = choice?.matches.find((x) => x.m === 'statistic')
  if (m && m.m === 'statistic') return 'p=' + probabilityText(m.probability)
  if (choice?.matches.some((x) => x.m === 'recent')) return 'ClientIP affinity'
  return choice ? 'last rule' : undefined
}

/** nat PREROUTING/OUTPUT for a new connection; conntrack's un-SNAT for a reply. */
export function natIn(w: Walk, f: NodeFacts, hook: 'PREROUTING' | 'OUTPUT'): End | undefined {
  if (w.reply) {
    const s = w.ct.snat
    if (s && s.node === f.name && w.h.dst === s.to.ip && w.h.dport === s.to.port) {
      const change = w.rec && `un-SNAT dst ${ep(s.to.ip, s.to.port)} → ${ep(s.from.ip, s.from.port)}`
      w.h.dst = s.from.ip
      w.h.dport = s.from.port
      hop(w, 'netfilter', hook, 'conntrack: reply to a masqueraded connection, destination restored', { node: f.name, change })
    }
    return undefined
  }
  const tables = tablesOf(w, f)
  if (!tables) return drop(w, `no netfilter tables on ${f.name}`)
  const entered = { h: { ...w.h }, mark: w.mark }
  const p: NfPacket = { h: w.h, mark: w.mark, ctState: 'NEW', dnatted: false }
  const res = runHook(env(w, f), tables.nat, hook, p, w.rec)
  w.mark = p.mark
  if (res.random) (w.random ??= []).push({ node: f.name, hook, ...entered })
  if (res.dnat) {
    const [ip, port] = res.dnat.split(':')
    const from = { ip: w.h.dst, port: w.h.dport }
    const to = { ip, port: Number(port) }
    const sep = res.choice?.target ?? res.path.find((x) => x.startsWith('KUBE-SEP-'))
    const probability = w.rec ? probabilityOf(res.choice) : undefined
    const svc = res.path.find((x) => x.startsWith('KUBE-SVC-') || x.startsWith('KUBE-SVL-'))
    w.ct.dnat = { node: f.name, from, to, rule: w.rec && res.decisive ? ruleText(res.decisive) : undefined, choice: sep, probability, svc }
    w.h.dst = to.ip
    w.h.dport = to.port
    const change = w.rec ? `DNAT ${ep(from.ip, from.port)} → ${ep(to.ip, to.port)} via ${sep}${probability ? ` (${probability})` : ''}` : undefined
    hop(w, 'netfilter', hook, w.rec && `nat ${res.path.join(' → ')}: kube-proxy's rules pick an endpoint`, { node: f.name, change, rule: w.ct.dnat.rule })
  } else hop(w, 'netfilter', hook, w.rec && `nat ${hook}: no Service rule matches ${ep(w.h.dst, w.h.dport)}`, { node: f.name })
  return undefined
}

/** filter FORWARD/OUTPUT/INPUT for a new connection: kube-proxy's REJECT for Services without endpoints. */
export function filter(w: Walk, f: NodeFacts, hook: 'FORWARD' | 'OUTPUT' | 'INPUT'): End | undefined {
  if (w.reply) return undefined
  const tables = tablesOf(w, f)
  if (!tables) return undefined
  const p: NfPacket = { h: w.h, mark: w.mark, ctState: 'NEW', dnatted: !!w.ct.dnat && w.ct.dnat.node === f.name }
  const res = runHook(env(w, f), tables.filter, hook, p, w.rec)
  if (res.verdict === 'accept') return undefined
  const rule = res.decisive ? ruleText(res.decisive) : ''
  if (res.verdict === 'reject') {
    hop(w, 'netfilter', hook, w.rec && `filter ${res.path.join(' → ')}: REJECT, ICMP port unreachable back to ${w.h.src} (connection refused)`, { node: f.name, rule })
    return { kind: 'rejected', node: f.name, rule }
  }
  hop(w, 'netfilter', hook, w.rec && `filter ${res.path.join(' → ')}: DROP`, { node: f.name, rule })
  return drop(w, 'dropped by netfilter')
}

/** nat POSTROUTING for a new connection (MASQUERADE); conntrack's un-DNAT for a reply. */
export function natOut(w: Walk, f: NodeFacts, dev: string): End | undefined {
  if (w.reply) {
    unDnat(w, f, 'POSTROUTING')
    return undefined
  }
  const tables = tablesOf(w, f)
  if (!tables) return undefined
  const p: NfPacket = { h: w.h, mark: w.mark, ctState: 'NEW', dnatted: false }
  const res = runHook(env(w, f), tables.nat, 'POSTROUTING', p, w.rec)
  w.mark = p.mark
  if (!res.masquerade) return undefined
  const from = { ip: w.h.src, port: w.h.sport }
  const to = { ip: deviceAddress(f, dev), port: masqPort(w.h) }
  const rule = w.rec && res.decisive ? ruleText(res.decisive) : undefined
  w.ct.snat = { node: f.name, from, to, rule }
  w.h.src = to.ip
  w.h.sport = to.port
  hop(w, 'netfilter', 'POSTROUTING', w.rec && `nat ${res.path.join(' → ')}: MASQUERADE to ${dev}'s address`, { node: f.name, change: w.rec && `MASQUERADE src ${ep(from.ip, from.port)} → ${ep(to.ip, to.port)}`, rule })
  return undefined
}

export function unDnat(w: Walk, f: NodeFacts, hook: string): void {
  const d = w.ct.dnat
  if (!d || d.node !== f.name || w.h.src !== d.to.ip || w.h.sport !== d.to.port) return
  const change = w.rec && `un-DNAT src ${ep(d.to.ip, d.to.port)} → ${ep(d.from.ip, d.from.port)}`
  w.h.src = d.from.ip
  w.h.sport = d.from.port
  hop(w, 'netfilter', hook, 'conntrack: reply from the chosen endpoint, source restored to the Service address', { node: f.name, change })
}

// One iptables rule as data: the same object is printed like `iptables-save` prints it and
// evaluated by the packet walker, so what the learner reads is exactly what decided.
export type Match =
  | { m: 'comment'; comment: string }
  | { m: 'tcp' | 'udp' | 'sctp'; dport?: number }
  | { m: 'statistic'; /** lround(2^31 · p), as xt_statistic stores it */ probability: number }
  | { m: 'recent'; mode: 'rcheck' | 'set'; name: string; seconds?: number; reap?: boolean }
  | { m: 'addrtype'; dstType?: 'LOCAL'; srcType?: 'LOCAL' }
  | { m: 'mark'; invert?: boolean; value: number; mask: number }
  | { m: 'conntrack'; invert?: boolean; ctstate: string[] }

export interface Rule {
  chain: string
  src?: string
  srcNot?: boolean
  dst?: string
  dstNot?: boolean
  proto?: 'tcp' | 'udp' | 'sctp'
  matches: Match[]
  /** A chain name or DNAT, MASQUERADE, MARK, RETURN, REJECT, DROP, ACCEPT. */
  target: string
  toDestination?: string
  /** MARK --set-xmark value/mask */
  setXmark?: [number, number]
  randomFully?: boolean
  rejectWith?: string
}

export interface Table {
  name: 'nat' | 'filter'
  /** Built-in chains with their ACCEPT policy, in iptables-save order. */
  builtins: string[]
  /** User chains (printed sorted, as iptables-legacy keeps them). */
  chains: string[]
  byChain: Record<string, Rule[]>
  /** KUBE-SERVICES rules by "dst:proto:dport" (the walker's shortcut; the order within is kept). */
  serviceIndex: Record<string, number[]>
  /** KUBE-SERVICES rules without a fixed destination (the NodePort tail call), in order. */
  serviceTail: Rule[]
}

export const MASQ_MARK = 0x4000

/** kube-proxy writes fmt.Sprintf("%0.10f", 1/n); the kernel keeps lround(2^31 · p). */
export function statisticProbability(n: number): number {
  const written = Number((1 / n).toFixed(10))
  return Math.round(written * 0x80000000)
}

/** libxt_statistic prints the stored value back with "%.11f". */
export function probabilityText(stored: number): string {
  return (stored / 0x80000000).toFixed(11)
}

export function newTable(name: Table['name'], builtins: string[]): Table {
  const byChain: Record<string, Rule[]> = {}
  for (const b of builtins) byChain[b] = []
  return { name, builtins, chains: [], byChain, serviceIndex: {}, serviceTail: [] }
}

export function addChain(t: Table, chain: string): void {
  if (!t.byChain[chain]) {
    t.byChain[chain] = []
    t.chains.push(chain)
  }
}

export function addRule(t: Table, r: Rule): void {
  addChain(t, r.chain)
  const list = t.byChain[r.chain]
  if (r.chain === 'KUBE-SERVICES') {
    const dport = r.matches.find((m) => m.m === r.proto) as { dport?: number } | undefined
    if (r.dst && !r.dstNot && r.dst.endsWith('/32') && r.proto && dport?.dport !== undefined) (t.serviceIndex[`${r.dst.slice(0, -3)}:${r.proto}:${dport.dport}`] ??= []).push(list.length)
    else t.serviceTail.push(r)
  }
  list.push(r)
}

export const comment = (text: string): Match => ({ m: 'comment', comment: text })

// Priority queue of plain-data events ordered by (at, priority, seq).
// A binary heap over parallel arrays: numeric keys in their own arrays keep comparisons on
// packed number arrays (fast in V8) and the whole queue stays plain JSON for snapshots.

export interface SimEvent {
  type: string
  [key: string]: unknown
}

export interface QueueState {
  /** at * 16 + priority (priority 0..15, lower runs first). */
  key: number[]
  seq: number[]
  ev: SimEvent[]
  nextSeq: number
}

export const PRIORITY = { high: 0, api: 2, watch: 4, normal: 8, low: 12 } as const

export function newQueue(): QueueState {
  return { key: [], seq: [], ev: [], nextSeq: 0 }
}

export function push(q: QueueState, at: number, priority: number, ev: SimEvent): void {
  const key = q.key, seq = q.seq, evs = q.ev
  const k = at * 16 + priority
  const sq = q.nextSeq++
  // Sift up with a hole instead of swaps: one write per level.
  let i = key.length
  key.push(k); seq.push(sq); evs.push(ev)
  while (i > 0) {
    const p = (i - 1) >> 1
    const pk = key[p]
    if (pk < k || (pk === k && seq[p] < sq)) break
    key[i] = pk; seq[i] = seq[p]; evs[i] = evs[p]
    i = p
  }
  key[i] = k; seq[i] = sq; evs[i] = ev
}

export function size(q: QueueState): number {
  return q.key.length
}

/** Time of the next event, or undefined when empty. */
export function peekAt(q: QueueState): number | undefined {
  return q.key.length ? Math.floor(q.key[0] / 16) : undefined
}

export function pop(q: QueueState): { at: number; ev: SimEvent } | undefined {
  if (q.key.length === 0) return undefined
  const at = Math.floor(q.key[0] / 16)
  return { at, ev: popEvent(q) }
}

/** Removes and returns the head event without allocating (the event loop's hot path). */
export function popEvent(q: QueueState): SimEvent {
  const key = q.key, seq = q.seq, evs = q.ev
  const head = evs[0]
  const lk = key.pop() as number
  const ls = seq.pop() as number
  const le = evs.pop() as SimEvent
  const m = key.length
  if (m > 0) {
    // Sift the last element down from the root with a hole.
    let i = 0
    for (;;) {
      let c = 2 * i + 1
      if (c >= m) break
      const r = c + 1
      if (r < m && (key[r] < key[c] || (key[r] === key[c] && seq[r] < seq[c]))) c = r
      const ck = key[c]
      if (lk < ck || (lk === ck && ls < seq[c])) break
      key[i] = ck; seq[i] = seq[c]; evs[i] = evs[c]
      i = c
    }
    key[i] = lk; seq[i] = ls; evs[i] = le
  }
  return head
}

/** Removes every event matching the predicate (used when a pod or node goes away). */
export function removeWhere(q: QueueState, pred: (ev: SimEvent) => boolean): number {
  const keep: number[] = []
  for (let i = 0; i < q.ev.length; i++) if (!pred(q.ev[i])) keep.push(i)
  const removed = q.ev.length - keep.length
  if (removed === 0) return 0
  const entries = keep.map((i) => ({ k: q.key[i], s: q.seq[i], e: q.ev[i] }))
  q.key.length = 0; q.seq.length = 0; q.ev.length = 0
  // Re-heapify by sorted insertion order: a sorted array is a valid heap.
  entries.sort((a, b) => a.k - b.k || a.s - b.s)
  for (const e of entries) { q.key.push(e.k); q.seq.push(e.s); q.ev.push(e.e) }
  return removed
}

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

function less(q: QueueState, i: number, j: number): boolean {
  const a = q.key[i]
  const b = q.key[j]
  return a < b || (a === b && q.seq[i] < q.seq[j])
}

function swap(q: QueueState, i: number, j: number): void {
  const k = q.key[i]; q.key[i] = q.key[j]; q.key[j] = k
  const s = q.seq[i]; q.seq[i] = q.seq[j]; q.seq[j] = s
  const e = q.ev[i]; q.ev[i] = q.ev[j]; q.ev[j] = e
}

export function push(q: QueueState, at: number, priority: number, ev: SimEvent): void {
  let i = q.key.length
  q.key.push(at * 16 + priority)
  q.seq.push(q.nextSeq++)
  q.ev.push(ev)
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!less(q, i, parent)) break
    swap(q, i, parent)
    i = parent
  }
}

export function size(q: QueueState): number {
  return q.key.length
}

/** Time of the next event, or undefined when empty. */
export function peekAt(q: QueueState): number | undefined {
  return q.key.length ? Math.floor(q.key[0] / 16) : undefined
}

export function pop(q: QueueState): { at: number; ev: SimEvent } | undefined {
  const n = q.key.length
  if (n === 0) return undefined
  const at = Math.floor(q.key[0] / 16)
  const ev = q.ev[0]
  const lastKey = q.key.pop() as number
  const lastSeq = q.seq.pop() as number
  const lastEv = q.ev.pop() as SimEvent
  if (n > 1) {
    q.key[0] = lastKey
    q.seq[0] = lastSeq
    q.ev[0] = lastEv
    const m = n - 1
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= m) break
      const r = l + 1
      const c = r < m && less(q, r, l) ? r : l
      if (!less(q, c, i)) break
      swap(q, i, c)
      i = c
    }
  }
  return { at, ev }
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

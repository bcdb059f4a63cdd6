// Which checkpoints to keep: every one in the recent window, thinner further back (raftscope keeps
// the whole history; a browser tab cannot, so old history costs a replay of up to `spacing`).
import type { Checkpoint } from './types'

export interface CheckpointPolicy {
  /** Sim ms between checkpoints. */
  everyMs: number
  /** Keep every checkpoint this close to the newest time. */
  recentMs: number
  /** Older checkpoints: one per this many sim ms (doubled until under `max`). */
  oldSpacingMs: number
  max: number
}

export const DEFAULT_POLICY: CheckpointPolicy = { everyMs: 10_000, recentMs: 5 * 60_000, oldSpacingMs: 60_000, max: 120 }

/** Orders by time, then by log position (several checkpoints may share a time). */
export function compareCheckpoints(a: Pick<Checkpoint, 'at' | 'logIndex'>, b: Pick<Checkpoint, 'at' | 'logIndex'>): number {
  return a.at - b.at || a.logIndex - b.logIndex
}

/** Returns the checkpoints to keep (sorted); the first one (the boot) is always kept. */
export function thinCheckpoints<T extends Pick<Checkpoint, 'at' | 'logIndex'>>(list: T[], headTime: number, p: CheckpointPolicy = DEFAULT_POLICY): T[] {
  if (list.length <= 1) return list
  const [first, ...rest] = list
  const recent = rest.filter((k) => k.at >= headTime - p.recentMs)
  const old = rest.filter((k) => k.at < headTime - p.recentMs)
  let spacing = p.oldSpacingMs
  let keptOld = thin(old, spacing, first.at)
  while (1 + keptOld.length + recent.length > p.max && keptOld.length > 1) {
    spacing *= 2
    keptOld = thin(old, spacing, first.at)
  }
  let kept = [first, ...keptOld, ...recent]
  // Still over the cap (a tiny `max`): keep the newest.
  if (kept.length > p.max) kept = [first, ...kept.slice(kept.length - (p.max - 1))]
  return kept
}

/** One checkpoint per `spacing` bucket (the earliest in it). */
function thin<T extends Pick<Checkpoint, 'at'>>(list: T[], spacing: number, firstAt: number): T[] {
  const out: T[] = []
  // The boot checkpoint already covers its bucket.
  let bucket = Math.floor(firstAt / spacing)
  for (const k of list) {
    const b = Math.floor(k.at / spacing)
    if (b !== bucket) out.push(k)
    bucket = b
  }
  return out
}

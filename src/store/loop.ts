// The one requestAnimationFrame loop that maps wall time to sim time.
import type { StoreApi } from 'zustand/vanilla'
import type { PodflowState } from './state'

type Raf = (cb: (t: number) => void) => number
type Caf = (id: number) => void

/** Starts ticking the store every frame; returns a stop function. */
export function startPlaybackLoop(store: StoreApi<PodflowState>, raf: Raf = requestAnimationFrame, caf: Caf = typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame : () => {}): () => void {
  let last: number | null = null
  let id = 0
  let stopped = false
  const frame = (t: number) => {
    if (stopped) return
    if (last !== null) void store.getState().tick(t - last)
    last = t
    id = raf(frame)
  }
  id = raf(frame)
  return () => {
    stopped = true
    caf(id)
  }
}

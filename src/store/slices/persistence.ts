// Persistence slice: autosave the run (throttled by the injected wall clock), load it back, share it.
import type { StateCreator } from 'zustand/vanilla'
import { runFromJson, runToJson, shareUrl } from '../codec'
import type { PersistenceSlice, PodflowState, StoreContext } from '../state'
import type { Timeline } from '../timeline'
import type { Run, StorageLike, StoreResult } from '../types'

export const RUN_KEY = 'podflow.run.v1'

/** The autosaved run, validated; undefined when there is none. */
export function readSavedRun(storage: StorageLike | undefined): StoreResult<Run> | undefined {
  let text: string | null
  try {
    text = storage?.getItem(RUN_KEY) ?? null
  } catch (_) {
    return { ok: false, message: 'storage is not readable' }
  }
  if (text === null) return undefined
  return runFromJson(text)
}

export const persistenceSlice =
  (ctx: StoreContext, tl: Timeline): StateCreator<PodflowState, [], [], PersistenceSlice> =>
  (set, get) => ({
    lastSavedAt: null,
    save: (force = false) => {
      if (!ctx.storage || (!force && !ctx.dirty)) return
      const now = ctx.now()
      const last = get().lastSavedAt
      if (!force && last !== null && now - last < ctx.saveThrottleMs) return
      try {
        ctx.storage.setItem(RUN_KEY, runToJson(get().exportRun()))
        ctx.dirty = false
        set({ lastSavedAt: now })
      } catch (_) {
        set({ notice: 'Could not save the run in this browser (storage full or blocked).' })
      }
    },
    loadFromStorage: async () => {
      const r = readSavedRun(ctx.storage) ?? { ok: false as const, message: 'no saved run' }
      if (r.ok) await tl.exclusive(() => tl.reset(r.value), { busy: true })
      return r
    },
    shareUrl: (base) => shareUrl(base, get().exportRun()),
  })

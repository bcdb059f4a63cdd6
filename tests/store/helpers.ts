// Shared helpers for the store tests: a Map-backed storage and a paused store.
import { createPodflowStore, type PodflowStoreOptions } from '../../src/store'
import type { StorageLike } from '../../src/store'

export class MemoryStorage implements StorageLike {
  data = new Map<string, string>()
  writes = 0
  getItem(key: string): string | null {
    return this.data.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    this.writes++
    this.data.set(key, value)
  }
  removeItem(key: string): void {
    this.data.delete(key)
  }
}

export function pausedStore(opts: PodflowStoreOptions = {}) {
  return createPodflowStore({ paused: true, ...opts })
}

// The store reaches components through context: one store per app (tests mount their own).
// Components read with usePodflow(selector) and never call the engine.
import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { PodflowState, PodflowStore } from '../store'

const StoreContext = createContext<PodflowStore | null>(null)

export function StoreProvider({ store, children }: { store: PodflowStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

/** The store API, for actions and transient subscriptions (store.subscribe). */
export function useStoreApi(): PodflowStore {
  const s = useContext(StoreContext)
  if (!s) throw new Error('usePodflow outside <StoreProvider>')
  return s
}

/** Selects from the store; re-renders only when the selected value changes (Object.is). */
export function usePodflow<T>(selector: (s: PodflowState) => T): T {
  return useStore(useStoreApi(), selector)
}

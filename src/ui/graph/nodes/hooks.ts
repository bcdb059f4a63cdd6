// Hooks shared by the graph's custom nodes: each node selects its own object by id.
import type { KObject } from '../../../engine'
import { usePodflow, useStoreApi } from '../../store-context'

/** The object behind a graph node (re-renders only when that object is replaced). */
export function useObject(id: string): KObject | undefined {
  return usePodflow((s) => s.object(id))
}

export function useSelected(id: string): boolean {
  return usePodflow((s) => s.selected === id)
}

/** Sim time now, read without subscribing (cards re-render when their object changes). */
export function useNowSnapshot(): number {
  return useStoreApi().getState().viewTime
}

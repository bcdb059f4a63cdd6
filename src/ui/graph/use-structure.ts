// Subscribes to the store and recomputes the graph structure only when a step touched pods,
// nodes, services, endpoint slices or owners — and re-renders only when the structure changed.
import { useEffect, useState } from 'react'
import { useStoreApi } from '../store-context'
import { computeStructure, touchesStructure, type GraphStructure } from './structure'

export function useGraphStructure(withOwners: boolean): GraphStructure {
  const api = useStoreApi()
  const [st, setSt] = useState(() => computeStructure(api.getState(), withOwners))
  useEffect(() => {
    const refresh = () => {
      const next = computeStructure(api.getState(), withOwners)
      setSt((cur) => (cur.key === next.key ? cur : next))
    }
    refresh()
    return api.subscribe((s, prev) => {
      if (s.epoch !== prev.epoch) return refresh()
      if (s.version !== prev.version && touchesStructure(s.lastChanges)) refresh()
    })
  }, [api, withOwners])
  return st
}

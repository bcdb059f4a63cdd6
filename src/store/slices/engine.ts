// Engine slice: the cluster handle and cheap read helpers that return ids (lists subscribe to
// ids, items select themselves by id).
import type { StateCreator } from 'zustand/vanilla'
import type { Cluster } from '../../engine'
import type { EngineSlice, PodflowState } from '../state'

/** Splits an id `plural/key` (key is `ns/name` or `name`). */
export function parseId(id: string): { plural: string; key: string } | undefined {
  const i = id.indexOf('/')
  if (i <= 0 || i === id.length - 1) return undefined
  return { plural: id.slice(0, i), key: id.slice(i + 1) }
}

export const engineSlice =
  (cluster: Cluster): StateCreator<PodflowState, [], [], EngineSlice> =>
  (_set, get) => {
    const objects = (plural: string) => get().cluster.state.store.objects[plural] ?? {}
    const objectIds = (plural: string) =>
      Object.keys(objects(plural))
        .sort()
        .map((k) => `${plural}/${k}`)
    return {
      cluster,
      version: 0,
      epoch: 0,
      lastChanges: { added: [], updated: [], removed: [] },
      objectIds,
      podIds: () => objectIds('pods'),
      nodeIds: () => objectIds('nodes'),
      object: (id) => {
        const p = parseId(id)
        return p ? objects(p.plural)[p.key] : undefined
      },
      machine: (name) => get().cluster.state.machines[name],
      activitiesSince: (sinceSeq) => get().cluster.activities(sinceSeq),
    }
  }

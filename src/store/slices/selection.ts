// Selection slice: the selected object id `plural/key`, or none.
import type { StateCreator } from 'zustand/vanilla'
import type { PodflowState, SelectionSlice } from '../state'

export const selectionSlice: StateCreator<PodflowState, [], [], SelectionSlice> = (set) => ({
  selected: null,
  select: (id) => set({ selected: typeof id === 'string' && id.includes('/') ? id : null }),
})

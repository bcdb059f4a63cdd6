// Checkpoints slice: time travel. Seeking restores the nearest checkpoint at or before the target
// and replays the log exactly as the original run applied it.
import type { StateCreator } from 'zustand/vanilla'
import type { ClusterState } from '../../engine'
import { DEFAULT_POLICY, type CheckpointPolicy } from '../checkpoint-policy'
import type { CheckpointSlice, PodflowState } from '../state'
import type { Timeline } from '../timeline'

export const checkpointSlice =
  (tl: Timeline, boot: { at: number; state: ClusterState }, policy: Partial<CheckpointPolicy> = {}): StateCreator<PodflowState, [], [], CheckpointSlice> =>
  (_set, get) => ({
    checkpoints: [{ at: boot.at, logIndex: 0, state: boot.state }],
    policy: { ...DEFAULT_POLICY, ...policy },
    seek: (simMs) =>
      tl.exclusive(
        async () => {
          if (!Number.isFinite(simMs)) return
          const s = get()
          const t = Math.round(Math.min(Math.max(simMs, s.bootTime), s.headTime))
          if (t < s.cluster.now) tl.restoreBefore(t)
          await tl.advanceTo(t)
        },
        { busy: true },
      ),
  })

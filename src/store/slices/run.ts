// Run slice: seed, config, the command log; terminal commands and pokes go through here.
import type { StateCreator } from 'zustand/vanilla'
import { canonicalAction } from '../codec'
import type { PodflowState, RunSlice } from '../state'
import type { Timeline } from '../timeline'
import type { Run } from '../types'
import { RUN_SCHEMA } from '../types'
import { parseLine } from '../command'

export const runSlice =
  (tl: Timeline, run: Run, bootTime: number): StateCreator<PodflowState, [], [], RunSlice> =>
  (set, get) => ({
    seed: run.seed,
    config: { ...run.config },
    log: [],
    applied: 0,
    headTime: bootTime,
    bootTime,
    notice: null,
    busy: false,
    runKubectl: (line, stdin) =>
      tl.exclusive(
        async () => {
          const p = parseLine(line, stdin)
          // A line that does not parse changes nothing: shown, not recorded.
          if (!p.ok) return { exitCode: 1, output: `error: ${p.message}\n` }
          const payload = stdin === undefined ? { line } : { line, stdin }
          return tl.record({ kind: 'kubectl', payload })
        },
        { busy: true },
      ),
    act: (action) =>
      tl.exclusive(async () => {
        const payload = canonicalAction(action)
        if (!payload) return { exitCode: 1, output: `error: invalid action\n` }
        return tl.record({ kind: 'action', payload })
      }),
    clearNotice: () => set({ notice: null }),
    loadRun: (r) => tl.exclusive(() => tl.reset(r), { busy: true }),
    exportRun: () => {
      const s = get()
      return { v: RUN_SCHEMA, seed: s.seed, config: { ...s.config }, log: s.log.slice(), time: s.viewTime }
    },
    whenIdle: () => tl.exclusive(async () => undefined),
  })

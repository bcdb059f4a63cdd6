// Playback slice: paused, speed, view time; wall time maps to sim time in tick().
import type { StateCreator } from 'zustand/vanilla'
import type { PlaybackSlice, PodflowState, StoreContext } from '../state'
import type { Timeline } from '../timeline'

export const MIN_SPEED = 0.25
export const MAX_SPEED = 100
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100]
/** A frame longer than this (a background tab) advances as if it were this long. */
export const MAX_FRAME_MS = 250

export const clampSpeed = (x: number) => (Number.isFinite(x) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, x)) : 1)

export const playbackSlice =
  (ctx: StoreContext, tl: Timeline, viewTime: number): StateCreator<PodflowState, [], [], PlaybackSlice> =>
  (set, get) => ({
    paused: false,
    speed: 1,
    viewTime,
    play: () => set({ paused: false }),
    pause: () => {
      set({ paused: true })
      get().save(true)
    },
    togglePlay: () => (get().paused ? get().play() : get().pause()),
    setSpeed: (speed) => set({ speed: clampSpeed(speed) }),
    faster: () => set((s) => ({ speed: SPEEDS.find((x) => x > s.speed) ?? MAX_SPEED })),
    slower: () => set((s) => ({ speed: [...SPEEDS].reverse().find((x) => x < s.speed) ?? MIN_SPEED })),
    stepEvent: () =>
      tl.exclusive(async () => {
        const s = get()
        const nextEvent = s.cluster.nextEventAt()
        const nextLog = s.log[s.applied]?.at
        const t = Math.min(nextEvent ?? Infinity, nextLog ?? Infinity)
        if (t === Infinity) return
        await tl.advanceTo(Math.max(t, s.cluster.now))
      }),
    stepBy: (ms) =>
      tl.exclusive(async () => {
        if (!Number.isFinite(ms) || ms <= 0) return
        await tl.advanceTo(get().cluster.now + Math.round(ms))
      }),
    tick: async (wallDeltaMs) => {
      const s = get()
      if (s.paused || tl.isBusy() || !Number.isFinite(wallDeltaMs) || wallDeltaMs <= 0) return
      const sim = Math.min(wallDeltaMs, MAX_FRAME_MS) * s.speed + ctx.frac
      const whole = Math.floor(sim)
      ctx.frac = sim - whole
      if (whole === 0) return
      await tl.exclusive(() => tl.advanceTo(s.cluster.now + whole))
    },
  })

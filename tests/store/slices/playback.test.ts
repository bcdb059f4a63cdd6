import { describe, expect, it } from 'vitest'
import { MAX_SPEED, MIN_SPEED, startPlaybackLoop } from '../../../src/store'
import { pausedStore } from '../helpers'

describe('playback slice', () => {
  it('plays, pauses and toggles', () => {
    const s = () => store.getState()
    const store = pausedStore()
    expect(s().paused).toBe(true)
    s().play()
    expect(s().paused).toBe(false)
    s().togglePlay()
    expect(s().paused).toBe(true)
    s().togglePlay()
    expect(s().paused).toBe(false)
    s().pause()
    expect(s().paused).toBe(true)
  })

  it('clamps speed and walks the ladder', () => {
    const store = pausedStore()
    const s = () => store.getState()
    s().setSpeed(1000)
    expect(s().speed).toBe(MAX_SPEED)
    s().setSpeed(0.01)
    expect(s().speed).toBe(MIN_SPEED)
    s().setSpeed(Number.NaN)
    expect(s().speed).toBe(1)
    s().faster()
    expect(s().speed).toBe(2)
    s().slower()
    s().slower()
    expect(s().speed).toBe(0.5)
    s().setSpeed(3)
    s().faster()
    expect(s().speed).toBe(5)
    s().setSpeed(100)
    s().faster()
    expect(s().speed).toBe(100)
    s().setSpeed(0.25)
    s().slower()
    expect(s().speed).toBe(0.25)
  })

  it('maps wall time to sim time only while playing', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    const t0 = s().viewTime
    await s().tick(100)
    expect(s().viewTime).toBe(t0)
    s().play()
    s().setSpeed(2)
    await s().tick(100)
    expect(s().viewTime).toBe(t0 + 200)
    // A long frame (background tab) counts as 250 ms.
    await s().tick(10_000)
    expect(s().viewTime).toBe(t0 + 200 + 500)
    for (const bad of [-5, 0, Number.NaN, Infinity]) await s().tick(bad)
    expect(s().viewTime).toBe(t0 + 700)
    // Fractions carry over: 0.25× for 4 × 1 ms is 1 sim ms.
    s().setSpeed(0.25)
    for (let i = 0; i < 4; i++) await s().tick(1)
    expect(s().viewTime).toBe(t0 + 701)
    expect(s().headTime).toBe(s().viewTime)
  })

  it('steps to the next event and by fixed amounts', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    const t0 = s().viewTime
    const next = s().cluster.nextEventAt()!
    await s().stepEvent()
    expect(s().viewTime).toBe(Math.max(next, t0))
    expect(s().cluster.nextEventAt()! > s().viewTime).toBe(true)
    const t1 = s().viewTime
    await s().stepBy(1_000)
    expect(s().viewTime).toBe(t1 + 1_000)
    await s().stepBy(10_000)
    expect(s().viewTime).toBe(t1 + 11_000)
    await s().stepBy(-5)
    await s().stepBy(Number.NaN)
    expect(s().viewTime).toBe(t1 + 11_000)
  })

  it('runs one requestAnimationFrame loop until stopped', async () => {
    const store = pausedStore()
    store.getState().play()
    const frames: ((t: number) => void)[] = []
    const raf = (cb: (t: number) => void) => frames.push(cb)
    const cancelled: number[] = []
    const stop = startPlaybackLoop(store, raf, (id) => cancelled.push(id))
    const t0 = store.getState().viewTime
    frames.shift()!(1000)
    frames.shift()!(1016)
    await store.getState().whenIdle()
    expect(store.getState().viewTime).toBe(t0 + 16)
    frames.shift()!(1116)
    await store.getState().whenIdle()
    expect(store.getState().viewTime).toBe(t0 + 116)
    stop()
    expect(cancelled).toHaveLength(1)
    const pending = frames.length
    frames.shift()?.(2000)
    expect(frames.length).toBe(Math.max(0, pending - 1))
    expect(store.getState().viewTime).toBe(t0 + 116)
  })
})

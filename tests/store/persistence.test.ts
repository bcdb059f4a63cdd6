import { describe, expect, it } from 'vitest'
import { createPodflowStore, demoRun, initialRunFrom, PREFS_KEY, RUN_KEY, shareUrl } from '../../src/store'
import { MemoryStorage, pausedStore } from './helpers'

describe('persistence', () => {
  it('autosaves the run, throttled by the injected clock; commands save at once', async () => {
    const storage = new MemoryStorage()
    let wall = 1_000
    const store = pausedStore({ storage, now: () => wall, saveThrottleMs: 2_000 })
    const s = () => store.getState()
    expect(storage.getItem(RUN_KEY)).toBeNull()
    await s().runKubectl('kubectl create namespace a')
    expect(JSON.parse(storage.getItem(RUN_KEY)!).log).toHaveLength(1)
    const writes = storage.writes
    s().play()
    wall += 500
    await s().tick(100)
    expect(storage.writes).toBe(writes)
    wall += 2_000
    await s().tick(100)
    expect(storage.writes).toBe(writes + 1)
    expect(JSON.parse(storage.getItem(RUN_KEY)!).time).toBe(s().viewTime)
    // Pausing saves the exact time.
    await s().tick(50)
    s().pause()
    expect(JSON.parse(storage.getItem(RUN_KEY)!).time).toBe(s().viewTime)
    expect(s().lastSavedAt).toBe(wall)
  })

  it('a reload restores the same cluster (hash) from storage', async () => {
    const storage = new MemoryStorage()
    const store = pausedStore({ storage })
    const s = () => store.getState()
    await s().runKubectl('kubectl create deployment web --image=nginx --replicas=2')
    await s().stepBy(12_345)
    await s().act({ type: 'node.stop', node: 'worker-2' })
    await s().stepBy(4_000)
    s().save(true)

    const reloaded = pausedStore({ storage })
    const r = await reloaded.getState().loadFromStorage()
    expect(r.ok).toBe(true)
    expect(reloaded.getState().viewTime).toBe(s().viewTime)
    expect(reloaded.getState().cluster.hash()).toBe(s().cluster.hash())

    // Through initialRunFrom + initialRun, as the app does on start.
    const init = initialRunFrom({ href: 'http://localhost:5173/', storage })
    expect(init.source).toBe('saved')
    const third = createPodflowStore({ paused: true, initialRun: init.run })
    await third.getState().whenIdle()
    expect(third.getState().cluster.hash()).toBe(s().cluster.hash())
  })

  it('a share link restores the run exactly', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    await s().runKubectl('kubectl run tmp --image=busybox -- sleep 3600')
    await s().stepBy(9_000)
    const url = s().shareUrl('https://podflow.test/#view=network')
    const init = initialRunFrom({ href: url, storage: new MemoryStorage() })
    expect(init.source).toBe('link')
    const other = createPodflowStore({ paused: true, initialRun: init.run })
    await other.getState().whenIdle()
    expect(other.getState().cluster.hash()).toBe(s().cluster.hash())
    // The run replaces the whole fragment.
    expect(url.startsWith('https://podflow.test/#run=')).toBe(true)
    expect(shareUrl('https://a/#x', init.run)).toBe('https://a/' + url.slice(url.indexOf('#')))
  })

  it('a bad link or a corrupted save gives the default run and a message', () => {
    const storage = new MemoryStorage()
    const badLink = initialRunFrom({ href: 'https://podflow.test/#run=definitely-not-a-run', storage })
    expect(badLink.source).toBe('default')
    expect(badLink.notice).toMatch(/does not hold a valid run/)
    expect(badLink.run).toEqual(demoRun())
    storage.setItem(RUN_KEY, '{"v":1,"seed":"x"')
    const corrupt = initialRunFrom({ storage })
    expect(corrupt.source).toBe('default')
    expect(corrupt.notice).toMatch(/could not be restored/)
    storage.setItem(RUN_KEY, JSON.stringify({ v: 9 }))
    expect(initialRunFrom({ storage }).notice).toMatch(/unsupported run version 9/)
    expect(initialRunFrom({})).toMatchObject({ source: 'default', notice: undefined })
  })

  it('loadFromStorage leaves the store alone when nothing valid is saved', async () => {
    const storage = new MemoryStorage()
    const store = pausedStore({ storage })
    const before = store.getState().cluster.hash()
    expect(await store.getState().loadFromStorage()).toEqual({ ok: false, message: 'no saved run' })
    storage.setItem(RUN_KEY, 'nonsense')
    expect((await store.getState().loadFromStorage()).ok).toBe(false)
    expect(store.getState().cluster.hash()).toBe(before)
  })

  it('storage that throws sets a notice instead of crashing', async () => {
    const storage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError') } }
    const store = pausedStore({ storage })
    const r = await store.getState().runKubectl('kubectl create namespace a')
    expect(r.exitCode).toBe(0)
    expect(store.getState().notice).toMatch(/Could not save/)
  })

  it('remembers view, theme and language; ignores bad saved prefs', () => {
    const storage = new MemoryStorage()
    const a = pausedStore({ storage }).getState()
    expect([a.view, a.theme, a.language]).toEqual(['workloads', 'dark', 'en'])
    a.setLanguage('zh')
    a.setTheme('light')
    a.setView('control-plane')
    a.setView('bogus' as never)
    const b = pausedStore({ storage }).getState()
    expect([b.view, b.theme, b.language]).toEqual(['control-plane', 'light', 'zh'])
    storage.setItem(PREFS_KEY, '{"language":"fr","theme":42')
    const c = pausedStore({ storage }).getState()
    expect([c.view, c.theme, c.language]).toEqual(['workloads', 'dark', 'en'])
  })
})

describe('boot image', () => {
  it('restoring a precomputed boot state gives the same cluster as simulating the boot, now and later', async () => {
    const { makeBootImage, demoRun: demo } = await import('../../src/store')
    const run = demo()
    const image = makeBootImage(run)
    const a = createPodflowStore({ paused: true, initialRun: run })
    const b = createPodflowStore({ paused: true, initialRun: run, bootImage: JSON.parse(JSON.stringify(image)) })
    await Promise.all([a.getState().whenIdle(), b.getState().whenIdle()])
    expect(b.getState().cluster.hash()).toBe(a.getState().cluster.hash())
    await a.getState().stepBy(60_000)
    await b.getState().stepBy(60_000)
    expect(b.getState().cluster.hash()).toBe(a.getState().cluster.hash())
    // A different seed ignores the image and simulates.
    const c = createPodflowStore({ paused: true, initialRun: { ...run, seed: run.seed + 1 }, bootImage: image })
    await c.getState().whenIdle()
    expect(c.getState().cluster.hash()).not.toBe(a.getState().cluster.hash())
  })
})

import { describe, expect, it } from 'vitest'
import { pausedStore } from './helpers'

/** A run with commands, a poke and a blocking command; returns the hash at each marked time. */
async function scriptedRun() {
  const store = pausedStore()
  const s = () => store.getState()
  const marks: { t: number; hash: string }[] = []
  const mark = () => marks.push({ t: s().viewTime, hash: s().cluster.hash() })
  await s().stepBy(5_000)
  expect((await s().runKubectl('kubectl create deployment web --image=nginx --replicas=3')).exitCode).toBe(0)
  await s().stepBy(20_000)
  await s().act({ type: 'node.stop', node: 'worker-1' })
  // Entries at an instant belong to it: seeking to this time applies the poke too.
  mark()
  await s().stepBy(31_500)
  expect((await s().runKubectl('kubectl scale deployment web --replicas=5')).exitCode).toBe(0)
  await s().stepBy(12_345)
  // A blocking command: worker-1 is down, so it waits its whole timeout in sim time.
  const st = await s().runKubectl('kubectl rollout status deployment/web --timeout=30s')
  expect(st.output).toContain('timed out')
  mark()
  await s().stepBy(7_000)
  mark()
  return { store, marks }
}

describe('time travel', () => {
  it('seeking back and forward equals the straight run (hash)', async () => {
    const { store, marks } = await scriptedRun()
    const s = () => store.getState()
    const end = marks[marks.length - 1]
    expect(s().log).toHaveLength(4)
    for (const m of [marks[0], marks[1], end, marks[1], marks[0], end]) {
      await s().seek(m.t)
      expect(s().viewTime).toBe(m.t)
      expect(s().cluster.hash(), `at ${m.t}`).toBe(m.hash)
    }
    // Back to the boot, then play forward in uneven ticks: the log replays on the way.
    await s().seek(s().bootTime)
    expect(s().applied).toBe(0)
    s().play()
    while (s().viewTime < end.t) await s().tick(Math.min(173, (end.t - s().viewTime) / s().speed))
    expect(s().viewTime).toBe(end.t)
    expect(s().cluster.hash()).toBe(end.hash)
    expect(s().notice).toBeNull()
  })

  it('a straight run in different chunk sizes gives the same hash', async () => {
    const a = await scriptedRun()
    const b = await scriptedRun()
    expect(b.marks).toEqual(a.marks)
  })

  it('seeking bumps epoch and moves viewTime, clamped to the timeline', async () => {
    const { store, marks } = await scriptedRun()
    const s = () => store.getState()
    const epoch = s().epoch
    await s().seek(0)
    expect(s().viewTime).toBe(s().bootTime)
    expect(s().epoch).toBeGreaterThan(epoch)
    await s().seek(1e12)
    expect(s().viewTime).toBe(marks[marks.length - 1].t)
    await s().seek(Number.NaN)
    expect(s().viewTime).toBe(marks[marks.length - 1].t)
  })

  it('acting in the past forks: later commands dropped, notice set', async () => {
    const { store, marks } = await scriptedRun()
    const s = () => store.getState()
    await s().seek(marks[0].t)
    expect(s().applied).toBe(2)
    await s().runKubectl('kubectl delete deployment web')
    expect(s().notice).toBe('Forked: 2 later commands dropped')
    expect(s().log.map((e) => (e.kind === 'kubectl' ? e.payload.line : e.payload.type))).toEqual(['kubectl create deployment web --image=nginx --replicas=3', 'node.stop', 'kubectl delete deployment web'])
    expect(s().headTime).toBe(marks[0].t)
    expect(s().checkpoints.every((k) => k.at <= marks[0].t)).toBe(true)
    // The fork is its own straight timeline now.
    await s().stepBy(10_000)
    const h = s().cluster.hash()
    const t = s().viewTime
    await s().seek(s().bootTime + 1)
    await s().seek(t)
    expect(s().cluster.hash()).toBe(h)
    s().clearNotice()
    expect(s().notice).toBeNull()
  })

  it('one later command gives the singular notice', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    await s().stepBy(2_000)
    await s().runKubectl('kubectl create namespace a')
    await s().stepBy(2_000)
    await s().seek(s().bootTime)
    await s().act({ type: 'node.stop', node: 'worker-2' })
    expect(s().notice).toBe('Forked: 1 later command dropped')
  })
})

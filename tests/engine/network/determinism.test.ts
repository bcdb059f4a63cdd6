import { describe, expect, it } from 'vitest'
import { restoreCluster, type Cluster } from '../../../src/engine/index'
import { podNetwork } from '../../../src/engine/network/types'
import { fromPod, netCluster } from './fixture'

/** A busy minute: a traffic flow, requests through a two-endpoint Service (random picks), a partition. */
function busy(c: Cluster, from: number, to: number, snapshotAt?: number): Cluster {
  let cur = c
  for (let s = from; s < to; s++) {
    if (s === 0) cur.act({ type: 'traffic.set', target: 'svc/default/np', rps: 30 })
    if (s === 20) cur.act({ type: 'node.partition', node: 'worker-2' })
    if (s === 40) cur.act({ type: 'node.unpartition', node: 'worker-2' })
    // More exchanges than the per-second recording budget, so most take the cached path.
    for (let i = 0; i < 25; i++) podNetwork().http(cur, fromPod(cur, 'client'), 'http://b/')
    podNetwork().http(cur, fromPod(cur, 'client'), 'http://sticky/')
    cur.advance(1_000)
    if (snapshotAt === s) cur = restoreCluster(cur.snapshot())
  }
  return cur
}

describe('network determinism', () => {
  it('same seed and commands with traffic running ⇒ same state hash', () => {
    expect(busy(netCluster(), 0, 60).hash()).toBe(busy(netCluster(), 0, 60).hash())
  })

  it('a restore mid-run (cold path caches) ends in the same state as a straight run', () => {
    const straight = busy(netCluster(), 0, 60).hash()
    expect(busy(netCluster(), 0, 60, 10).hash()).toBe(straight)
    expect(busy(netCluster(), 0, 60, 30).hash()).toBe(straight)
  })

  it('different seeds pick differently', () => {
    expect(busy(netCluster('vxlan', 12), 0, 30).hash()).not.toBe(busy(netCluster(), 0, 30).hash())
  })
})

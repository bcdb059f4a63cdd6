// The kubelet's stats sampling: cumulative counters carried from sample to sample, and the load
// records a sample resolved reused only while the ledger's set of records is unchanged.
import { describe, expect, it } from 'vitest'
import { sampleNode } from '../../../src/engine/metrics/kubelet-stats'
import { chargeRequests, clearFlow, forgetPod, setFlow } from '../../../src/engine/metrics/load'
import { lookupImage } from '../../../src/engine/node/images/catalog'
import { IMAGE, readyPods, settled, waitReady, workload } from '../controlplane/hpa/helpers'

const info = () => {
  const look = lookupImage(IMAGE)
  if (!look.ok) throw new Error('image')
  return look.info
}

/** The app's single pod: its key, node and the CPU (nanocore-seconds) its container used between two samples 10 s apart. */
function setup() {
  const c = settled()
  workload(c, 'Deployment', 'web', 1)
  waitReady(c, 'web', 1)
  const pod = readyPods(c, 'web')[0]
  const key = `default/${pod.metadata.name}`
  const node = pod.spec.nodeName as string
  const cpuOver10s = (between: () => void = () => {}): number => {
    const a = sampleNode(c, node)!
    const i = a.pods.indexOf(key)
    between()
    c.advance(10_000)
    const b = sampleNode(c, node)!
    return b.cpus[b.pods.indexOf(key)] - a.cpus[i]
  }
  return { c, key, cpuOver10s }
}

describe('sampleNode', () => {
  it('an idle server uses its idle CPU; a flow added after a sample is counted at the next one', () => {
    const { c, key, cpuOver10s } = setup()
    const idle = info().idleCpuMilli * 10_000 * 1000
    expect(cpuOver10s()).toBe(idle)
    // The pod had no load record when the previous sample resolved it.
    expect(cpuOver10s(() => setFlow(c, 'f', [{ pod: key, container: 'nginx', rps: 2 }]))).toBe(idle + 20 * info().cpuPerRequestMilli * 1e6)
    // A flow removed keeps the record (rate 0); discrete requests on it still count.
    expect(cpuOver10s(() => { clearFlow(c, 'f'); chargeRequests(c, key, 'nginx', 3) })).toBe(idle + 3 * info().cpuPerRequestMilli * 1e6)
  })

  it('a record forgotten and created anew is read from the ledger, not from the previous sample', () => {
    const { c, key, cpuOver10s } = setup()
    chargeRequests(c, key, 'nginx', 5)
    cpuOver10s()
    const idle = info().idleCpuMilli * 10_000 * 1000
    // forgetPod drops the record the sample resolved; the new one's count (8) is read, of which
    // the 5 already charged to the running container are not charged again.
    expect(cpuOver10s(() => { forgetPod(c, key); chargeRequests(c, key, 'nginx', 8) })).toBe(idle + 3 * info().cpuPerRequestMilli * 1e6)
  })
})

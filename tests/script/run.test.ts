import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/engine'
import { runSource, waitUntil } from '../../src/script/run'
import { ScriptError } from '../../src/script/types'

describe('runScript', () => {
  it('runs sleep and podflow commands, collects output and checks expectations', async () => {
    const t = await runSource(['# podflow: seed=5', 'sleep 1.5', 'podflow advance 2m', 'podflow hash', '#> /[0-9a-f]{14}/', 'podflow frobnicate', '#> error: unknown podflow command "frobnicate"', 'podflow hash', '#> nope'].join('\n'), 't.sh')
    expect(t.cluster.now).toBe(120_000 + 1_500 + 120_000)
    expect(t.steps).toHaveLength(5)
    expect(t.steps[2]).toMatchObject({ line: 4, ok: true, checked: true })
    expect(t.steps[2].output[0]).toBe(t.cluster.hash())
    expect(t.steps[3]).toMatchObject({ ok: true, exitCode: 1 })
    expect(t.steps[4].ok).toBe(false)
    expect(t.steps[4].diff).toContain('> nope')
    expect(t).toMatchObject({ ok: false, passedChecks: 2, failedChecks: 1 })
  })

  it('uses the header for the cluster', async () => {
    const t = await runSource('# podflow: seed=9 workers=1 cpu=4 memory=8Gi network=host-gw\npodflow hash', 't.sh')
    expect(t.cluster.state.config).toMatchObject({ seed: 9, workers: 1, nodeCpu: '4', nodeMemory: '8Gi', network: { backend: 'host-gw' } })
  })

  it('runs kubectl through pipes: stderr first, then filtered stdout', async () => {
    const t = await runSource(['kubectl get nodes | grep -c worker', '#> 2', 'kubectl get nodes | tail -n 1 | wc -l', '#> 1', 'kubectl get pod nope | grep x', '#> Error from server (NotFound): pods "nope" not found', 'kubectl get nodes', '#> NAME STATUS ROLES AGE VERSION', '#> ...'].join('\n'))
    for (const s of t.steps) expect(s.diff ?? '').toBe('')
    expect(t.ok).toBe(true)
  })

  it('runs podflow pokes: node stop/start/add/remove, crash, with errors on stderr', async () => {
    const t = await runSource(
      [
        'kubectl run p --image=nginx:1.7.9',
        'sleep 30',
        'podflow crash p --exit 2',
        '#> container p in pod p exited with code 2',
        'podflow crash nope -n default',
        '#> error: pods "nope" not found',
        'podflow crash',
        '#> error: podflow crash needs exactly one POD',
        '#> ...',
        'podflow node stop worker-9',
        '#> error: node "worker-9" not found',
        'podflow node stop worker-1',
        '#> kubelet on worker-1 stopped',
        'podflow node start worker-1',
        '#> kubelet on worker-1 started',
        'podflow node add',
        '#> /node/ worker-3 added * podCIDR *',
        'podflow node remove worker-3',
        '#> node worker-3 removed',
        'podflow node',
        '#> error: unknown podflow command "node"',
        '#> ...',
      ].join('\n'),
    )
    for (const s of t.steps) expect(s.diff ?? '', s.text).toBe('')
    expect(t.steps.find((s) => s.text === 'podflow crash nope -n default')?.exitCode).toBe(1)
  })

  it('blocking kubectl commands advance sim time through waitUntil; streams print the initial state only', async () => {
    const t = await runSource(['kubectl create deployment web --image=nginx:1.7.9 --replicas=2', 'kubectl rollout status deployment/web', '#> ...', '#> deployment "web" successfully rolled out', 'kubectl get pods -w | wc -l', '#> 3'].join('\n'))
    for (const s of t.steps) expect(s.diff ?? '', s.text).toBe('')
    expect(t.cluster.now).toBeGreaterThan(120_000)
    expect(t.cluster.now).toBeLessThan(180_000)
  })

  it('is deterministic: same script, same hash', async () => {
    const src = '# podflow: seed=3\nkubectl create deployment web --image=nginx --replicas=2\nsleep 30\n'
    const [a, b] = [await runSource(src), await runSource(src)]
    expect(a.cluster.hash()).toBe(b.cluster.hash())
  })

  it('throws a ScriptError for unsupported commands before running anything', async () => {
    await expect(runSource('kubectl get pods\ncurl x', 'bad.sh')).rejects.toThrow(ScriptError)
  })
})

describe('waitUntil', () => {
  it('advances in steps until the condition holds or the timeout passes', () => {
    const c = createCluster({ settle: false })
    const t0 = c.now
    expect(waitUntil(c, () => c.now >= t0 + 250, 10_000)).toBe(true)
    expect(c.now).toBe(t0 + 300)
    expect(waitUntil(c, () => false, 1_000)).toBe(false)
    expect(c.now).toBe(t0 + 1_300)
    expect(waitUntil(c, () => true, 0)).toBe(true)
  })
})

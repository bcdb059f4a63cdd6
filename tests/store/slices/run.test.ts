import { describe, expect, it } from 'vitest'
import { pausedStore } from '../helpers'

describe('run slice', () => {
  it('runs kubectl lines and records them with their sim time', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    await s().stepBy(3_000)
    const t = s().viewTime
    const r = await s().runKubectl('kubectl get nodes')
    expect(r.exitCode).toBe(0)
    expect(r.output.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/)
    expect(s().log).toEqual([{ at: t, kind: 'kubectl', payload: { line: 'kubectl get nodes' } }])
    expect(s().applied).toBe(1)
  })

  it('applies pipes and feeds stdin to -f -', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    const manifest = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n'
    const r = await s().runKubectl('kubectl apply -f -', manifest)
    expect(r).toEqual({ exitCode: 0, output: 'namespace/demo created\n' })
    expect(s().log[0].payload).toEqual({ line: 'kubectl apply -f -', stdin: manifest })
    const g = await s().runKubectl('kubectl get ns | grep demo | wc -l')
    expect(g.output).toBe('1\n')
    // A heredoc inside the line works too.
    const h = await s().runKubectl("kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\nEOF")
    expect(h.output).toBe('namespace/other created\n')
  })

  it('prints kubectl errors with exit code 1 and still records the command', async () => {
    const store = pausedStore()
    const r = await store.getState().runKubectl('kubectl get pod nope')
    expect(r).toEqual({ exitCode: 1, output: 'Error from server (NotFound): pods "nope" not found\n' })
    expect(store.getState().log).toHaveLength(1)
  })

  it('rejects lines that do not parse, without recording them', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    for (const line of ['', 'ls -la', 'kubectl get pods && rm -rf /', 'echo $HOME', 'sleep 5', 'podflow advance 10s', 'kubectl get "pods']) {
      const r = await s().runKubectl(line)
      expect(r.exitCode, line).toBe(1)
      expect(r.output, line).toMatch(/^error: /)
    }
    expect(s().log).toEqual([])
    expect(s().version).toBe(0)
  })

  it('podflow lines poke the engine', async () => {
    const store = pausedStore()
    const r = await store.getState().runKubectl('podflow node stop worker-2')
    expect(r).toEqual({ exitCode: 0, output: 'kubelet on worker-2 stopped\n' })
    expect(store.getState().machine('worker-2')?.kubeletRunning).toBe(false)
  })

  it('act records engine pokes; errors come back as output', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    expect(await s().act({ type: 'node.stop', node: 'worker-1' })).toEqual({ exitCode: 0, output: 'kubelet on worker-1 stopped\n' })
    expect(await s().act({ type: 'node.stop', node: 'nope' })).toEqual({ exitCode: 1, output: 'error: node "nope" not found\n' })
    expect(s().log.map((e) => e.kind)).toEqual(['action', 'action'])
    // Not plain bounded data: refused, not recorded.
    expect((await s().act({ type: 'node.stop', node: { deep: true } })).exitCode).toBe(1)
    expect((await s().act({ type: 'BAD TYPE' })).exitCode).toBe(1)
    expect(s().log).toHaveLength(2)
  })

  it('blocking commands let sim time run', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    await s().runKubectl('kubectl create deployment web --image=nginx')
    const t = s().viewTime
    const r = await s().runKubectl('kubectl rollout status deployment/web')
    expect(r.exitCode).toBe(0)
    expect(r.output).toContain('deployment "web" successfully rolled out')
    expect(s().viewTime).toBeGreaterThan(t)
    expect(s().log[1].at).toBe(t)
  })

  it('commands run one at a time even when fired together', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    const [a, b] = await Promise.all([s().runKubectl('kubectl create namespace x'), s().runKubectl('kubectl get namespace x -o name')])
    expect(a.output).toBe('namespace/x created\n')
    expect(b.output).toBe('namespace/x\n')
    expect(s().busy).toBe(false)
  })

  it('exports the run and loads it into a fresh cluster', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    await s().runKubectl('kubectl create deployment web --image=nginx --replicas=2')
    await s().stepBy(15_000)
    const run = s().exportRun()
    expect(run).toMatchObject({ v: 1, seed: 1, time: s().viewTime, config: { workers: 2, cpu: '2', memory: '4Gi', network: 'vxlan' } })
    const other = pausedStore()
    await other.getState().loadRun(run)
    expect(other.getState().cluster.hash()).toBe(s().cluster.hash())
    expect(other.getState().log).toEqual(run.log)
    // A different seed and config build a different cluster.
    await other.getState().loadRun({ ...run, seed: 7, config: { ...run.config, workers: 3 }, log: [] })
    expect(other.getState().nodeIds()).toHaveLength(4)
    expect(other.getState().seed).toBe(7)
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import type { PodflowStore } from '../../../src/store'
import { pausedStore } from '../helpers'
import { BIG, CRASHER } from './inspect-fixtures'

const SMALL = `apiVersion: v1
kind: Pod
metadata:
  name: small
spec:
  nodeName: worker-1
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: 250m
        memory: 64Mi
      limits:
        cpu: 500m
        memory: 128Mi
`

async function run(store: PodflowStore, line: string, stdin?: string) {
  const out = await store.getState().runKubectl(line, stdin)
  expect(out.exitCode, out.output).toBe(0)
  return out.output
}

describe('inspect slice', () => {
  let store: PodflowStore
  const s = () => store.getState()

  beforeAll(async () => {
    store = pausedStore()
    await s().whenIdle()
    await run(store, 'kubectl apply -f -', BIG)
    await run(store, 'kubectl apply -f -', CRASHER)
    await run(store, 'kubectl apply -f -', SMALL)
    await run(store, 'kubectl create deployment web --image=nginx --replicas=2')
    await run(store, 'kubectl expose deployment web --port=80')
    await s().stepBy(30_000)
    await s().whenIdle()
  })

  it('prints exactly what kubectl get -o yaml prints, without recording or advancing time', async () => {
    const logLength = s().log.length
    const now = s().cluster.now
    const hash = s().cluster.hash()
    const yaml = s().inspectYaml('pods/default/big')
    expect(yaml).toContain('name: big\n')
    expect(yaml).toContain('reason: Unschedulable')
    expect(s().log.length).toBe(logLength)
    expect(s().cluster.now).toBe(now)
    expect(s().cluster.hash()).toBe(hash)
    // The same text the terminal prints (that command is recorded, so it goes last).
    const printed = await run(store, 'kubectl get pod big -o yaml')
    expect(yaml).toBe(printed)
  })

  it('memoises by object identity and answers undefined for unknown ids', () => {
    expect(s().inspectYaml('pods/default/big')).toBe(s().inspectYaml('pods/default/big'))
    expect(s().inspectYaml('pods/default/nope')).toBeUndefined()
    expect(s().inspectYaml('garbage')).toBeUndefined()
    expect(s().inspectDescribe('garbage')).toBeUndefined()
  })

  it('describes like kubectl describe', () => {
    const text = s().inspectDescribe('pods/default/crasher') ?? ''
    expect(text).toMatch(/^Name:\s+crasher$/m)
    expect(text).toMatch(/Init Containers:\n\s+setup:/)
    expect(text).toMatch(/Warning\s+BackOff/)
  })

  it('gives the kubectl get -o wide row without NAME', () => {
    const row = s().inspectRow('pods/default/crasher')
    expect(row?.columns.slice(0, 4)).toEqual(['READY', 'STATUS', 'RESTARTS', 'AGE'])
    expect(row?.columns).toContain('NODE')
    expect(row?.cells[0]).toBe('0/1')
    expect(row?.cells[1]).toMatch(/CrashLoopBackOff|Error/)
    expect(s().inspectRow('nodes/worker-1')?.columns[0]).toBe('STATUS')
  })

  it('lists the events of an object, oldest first, and every event newest last', () => {
    const rows = s().inspectEvents('pods/default/big')
    expect(rows.map((r) => r.reason)).toEqual(['FailedScheduling'])
    expect(rows[0]).toMatchObject({ type: 'Warning', source: 'default-scheduler', object: 'pod/big', objectId: 'pods/default/big', namespace: 'default' })
    expect(rows[0].message).toMatch(/^0\/3 nodes are available: .*2 Insufficient cpu/)
    const crash = s().inspectEvents('pods/default/crasher')
    expect(crash.map((r) => r.reason)).toContain('BackOff')
    const backoff = crash.find((r) => r.reason === 'BackOff')!
    expect(backoff.count).toBeGreaterThan(1)
    expect(backoff.host).toBe(s().object('pods/default/crasher')?.spec?.nodeName)
    expect(backoff.lastSeen).toBeGreaterThan(backoff.firstSeen)
    const all = s().allEvents()
    expect(all.length).toBeGreaterThan(crash.length)
    for (let i = 1; i < all.length; i++) expect(all[i].lastSeen).toBeGreaterThanOrEqual(all[i - 1].lastSeen)
    expect(all).toBe(s().allEvents())
    const nodeEvent = all.find((r) => r.object === 'node/worker-1')
    expect(nodeEvent?.objectId).toBe('nodes/worker-1')
  })

  it('reads container logs, the previous instance and the API errors', () => {
    expect(s().podLogs('pods/default/crasher', 'setup')).toEqual({ ok: true, value: 'preparing\n' })
    expect(s().podLogs('pods/default/crasher', 'app', true)).toEqual({ ok: true, value: 'started\n' })
    expect(s().podLogs('pods/default/crasher', 'app')).toBe(s().podLogs('pods/default/crasher', 'app'))
    const waiting = s().podLogs('pods/default/big', 'app')
    expect(waiting).toEqual({ ok: false, message: 'container "app" in pod "big" is waiting to start: ContainerCreating' })
    const noPrev = s().podLogs('pods/default/small', 'app', true)
    expect(noPrev.ok).toBe(false)
    expect(s().podLogs('nodes/worker-1', 'x').ok).toBe(false)
  })

  it('gives the per-node filter results of a pending pod', () => {
    const reasons = s().schedulingReasons('pods/default/big')
    expect(reasons).toEqual([
      { node: 'control-plane', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
      { node: 'worker-1', reasons: ['Insufficient cpu'] },
      { node: 'worker-2', reasons: ['Insufficient cpu'] },
    ])
    expect(s().schedulingReasons('pods/default/missing')).toBeUndefined()
    expect(s().schedulingReasons('nodes/worker-1')).toBeUndefined()
  })

  it('sums a node’s requests like kubectl describe node', () => {
    const a = s().nodeAllocation('worker-1')!
    expect(a.cpu.allocatable).toBe(2000)
    expect(a.pods.allocatable).toBe(110)
    const small = a.podRequests.find((p) => p.id === 'pods/default/small')
    expect(small).toMatchObject({ name: 'small', namespace: 'default', cpu: 250, memory: 64 * 1024 * 1024 })
    expect(a.cpu.requests).toBe(a.podRequests.reduce((n, p) => n + p.cpu, 0))
    expect(a.cpu.limits).toBeGreaterThanOrEqual(500)
    expect(a.pods.count).toBe(a.podRequests.length)
    expect(a.podRequests.some((p) => p.id.startsWith('pods/kube-system/kube-proxy-'))).toBe(true)
    // The describe text agrees on the total.
    const describe = s().inspectDescribe('nodes/worker-1') ?? ''
    expect(describe).toMatch(new RegExp(`cpu\\s+${a.cpu.requests}m \\(${Math.trunc((a.cpu.requests / 2000) * 100)}%\\)`))
    expect(s().nodeAllocation('nope')).toBeUndefined()
  })

  it('lists a Service’s endpoints with pod ids', () => {
    const ep = s().serviceEndpoints('services/default/web')
    expect(ep.exists).toBe(true)
    expect(ep.addresses).toHaveLength(2)
    for (const a of ep.addresses) {
      expect(a.ready).toBe(true)
      expect(a.ports).toEqual([80])
      expect(a.podId).toMatch(/^pods\/default\/web-/)
      expect(s().object(a.podId!)?.status?.podIP).toBe(a.ip)
    }
    expect(s().serviceEndpoints('services/default/nope')).toEqual({ exists: false, addresses: [] })
  })

  it('links owners and owned objects both ways', () => {
    const rs = s().ownerLinks('deployments/default/web').dependents
    expect(rs).toHaveLength(1)
    expect(rs[0]).toMatchObject({ kind: 'ReplicaSet', controller: true })
    const pods = s().ownerLinks(rs[0].id!).dependents
    expect(pods.map((p) => p.kind)).toEqual(['Pod', 'Pod'])
    const back = s().ownerLinks(pods[0].id!)
    expect(back.owners).toEqual([{ kind: 'ReplicaSet', name: rs[0].name, id: rs[0].id, controller: true }])
    expect(s().ownerLinks('pods/default/big')).toEqual({ owners: [], dependents: [] })
    // Stable while nothing changes.
    expect(s().ownerLinks('deployments/default/web')).toBe(s().ownerLinks('deployments/default/web'))
  })

  it('keeps the events of a deleted object by name', async () => {
    await run(store, 'kubectl delete pod big --wait=false')
    await s().stepBy(1000)
    expect(s().object('pods/default/big')).toBeUndefined()
    expect(s().inspectYaml('pods/default/big')).toBeUndefined()
    expect(s().inspectEvents('pods/default/big').map((r) => r.reason)).toContain('FailedScheduling')
  })

  it('reads without flushing the event recorder buffer', async () => {
    const c = s().cluster
    const before = c.state.eventBuffer
    c.state.eventBuffer = [{ source: { component: 'test' }, involved: { kind: 'Pod', namespace: 'default', name: 'small', uid: 'u', apiVersion: 'v1', resourceVersion: '1' }, type: 'Normal', reason: 'Test', message: 'm', at: c.now }]
    const rv = c.state.store.resourceVersion
    s().inspectDescribe('pods/default/small')
    s().inspectRow('pods/default/small')
    expect(c.state.store.resourceVersion).toBe(rv)
    expect(c.state.eventBuffer).toHaveLength(1)
    c.state.eventBuffer = before
  })
})

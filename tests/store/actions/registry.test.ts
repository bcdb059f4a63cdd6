import { describe, expect, it } from 'vitest'
import { ACTIONS, actionById, actionForShortcut, actionsFor, CLUSTER, GALLERY, performAction, targetOf } from '../../../src/store'
import { pausedStore } from '../helpers'

const out = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => (r.ok ? r.value : undefined)
const ids = (list: { action: { id: string }; available: boolean }[]) => list.filter((x) => x.available).map((x) => x.action.id)

async function withWeb() {
  const store = pausedStore()
  const s = () => store.getState()
  await s().runKubectl('kubectl create deployment web --image=nginx:1.27 --replicas=2')
  await s().stepBy(20_000)
  const pod = s().podIds().find((id) => id.startsWith('pods/default/web-'))!
  return { store, s, pod }
}

describe('action registry', () => {
  it('has unique ids, both languages and the playback shortcuts', () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length)
    for (const a of ACTIONS) {
      expect(a.label.en.length, a.id).toBeGreaterThan(0)
      expect(a.label.zh.length, a.id).toBeGreaterThan(0)
    }
    expect(actionForShortcut(' ')?.id).toBe('playback.toggle')
    expect(actionForShortcut('ArrowRight')?.id).toBe('playback.step')
    expect(actionForShortcut('[')?.id).toBe('playback.slower')
    expect(actionForShortcut(']')?.id).toBe('playback.faster')
    expect(actionForShortcut('q')).toBeUndefined()
  })

  it('parses targets from selection ids', () => {
    expect(targetOf('pods/default/web-1', 'app')).toEqual({ kind: 'object', id: 'pods/default/web-1', plural: 'pods', namespace: 'default', name: 'web-1', container: 'app' })
    expect(targetOf('nodes/worker-1')).toEqual({ kind: 'object', id: 'nodes/worker-1', plural: 'nodes', name: 'worker-1' })
    expect(targetOf(null)).toEqual(CLUSTER)
    expect(targetOf('junk')).toEqual(CLUSTER)
  })

  it('offers what applies to each kind of target, with availability', async () => {
    const { s, pod } = await withWeb()
    expect(ids(actionsFor(s(), targetOf(pod)))).toEqual(['pod.delete', 'container.crash'])
    expect(ids(actionsFor(s(), targetOf('nodes/worker-1')))).toEqual(['node.stop', 'node.cordon', 'node.drain', 'cluster.add-worker', 'node.remove'])
    // The control plane is not a worker: no drain / remove.
    expect(ids(actionsFor(s(), targetOf('nodes/control-plane')))).toEqual(['node.stop', 'node.cordon', 'cluster.add-worker'])
    expect(ids(actionsFor(s(), targetOf('deployments/default/web')))).toEqual(['deployment.scale', 'deployment.set-image'])
    expect(ids(actionsFor(s(), CLUSTER))).toEqual(['cluster.add-worker', 'cluster.create-from-gallery'])
    expect(ids(actionsFor(s(), CLUSTER, { includePlayback: true }))).toContain('playback.toggle')
    // A missing object: nothing available.
    expect(ids(actionsFor(s(), targetOf('pods/default/gone')))).toEqual([])
  })

  it('delete pod dispatches the kubectl line a learner would type', async () => {
    const { store, s, pod } = await withWeb()
    const name = pod.split('/')[2]
    expect(actionById('pod.delete')!.dispatch(s(), targetOf(pod))).toEqual({ ok: true, value: { kind: 'kubectl', line: `kubectl delete pod ${name} --wait=false` } })
    const r = await performAction(store, 'pod.delete', targetOf(pod))
    expect(r).toEqual({ ok: true, value: { exitCode: 0, output: `pod "${name}" deleted\n` } })
    expect(s().log.at(-1)?.payload).toEqual({ line: `kubectl delete pod ${name} --wait=false` })
    // Terminating now: no second delete.
    expect(actionById('pod.delete')!.available(s(), targetOf(pod))).toBe(false)
    expect((await performAction(store, 'pod.delete', targetOf(pod))).ok).toBe(false)
    const sys = targetOf('pods/kube-system/etcd-control-plane')
    expect(actionById('pod.delete')!.dispatch(s(), sys)).toEqual({ ok: true, value: { kind: 'kubectl', line: 'kubectl delete pod etcd-control-plane -n kube-system --wait=false' } })
  })

  it('crash container sends an engine poke and the container restarts', async () => {
    const { store, s, pod } = await withWeb()
    const [, ns, name] = pod.split('/')
    expect(actionById('container.crash')!.dispatch(s(), targetOf(pod))).toEqual({ ok: true, value: { kind: 'action', action: { type: 'container.crash', namespace: ns, pod: name, container: 'nginx', exitCode: 1 } } })
    expect(actionById('container.crash')!.dispatch(s(), targetOf(pod, 'nope')).ok).toBe(false)
    expect((await performAction(store, 'container.crash', targetOf(pod))).ok).toBe(true)
    await s().stepBy(15_000)
    expect(s().object(pod)?.status?.containerStatuses?.[0]?.restartCount).toBe(1)
  })

  it('kubelet stop/start and cordon/uncordon flip availability', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    const n = targetOf('nodes/worker-1')
    expect(actionById('node.stop')!.dispatch(s(), n)).toEqual({ ok: true, value: { kind: 'action', action: { type: 'node.stop', node: 'worker-1' } } })
    expect((await performAction(store, 'node.stop', n)).ok).toBe(true)
    expect(ids(actionsFor(s(), n))).toContain('node.start')
    expect(ids(actionsFor(s(), n))).not.toContain('node.stop')
    expect((await performAction(store, 'node.start', n)).ok).toBe(true)
    expect(actionById('node.cordon')!.dispatch(s(), n)).toEqual({ ok: true, value: { kind: 'kubectl', line: 'kubectl cordon worker-1' } })
    expect(out(await performAction(store, 'node.cordon', n))).toEqual({ exitCode: 0, output: 'node/worker-1 cordoned\n' })
    expect(ids(actionsFor(s(), n))).toContain('node.uncordon')
    expect(out(await performAction(store, 'node.uncordon', n))).toEqual({ exitCode: 0, output: 'node/worker-1 uncordoned\n' })
    expect(actionById('node.drain')!.dispatch(s(), n)).toEqual({ ok: true, value: { kind: 'kubectl', line: 'kubectl drain worker-1 --ignore-daemonsets --delete-emptydir-data' } })
  })

  it('drain evicts the worker\'s pods (blocking, sim time runs)', async () => {
    const { store, s } = await withWeb()
    const t = s().viewTime
    const r = await performAction(store, 'node.drain', targetOf('nodes/worker-1'))
    expect(r.ok, JSON.stringify(r)).toBe(true)
    expect(s().object('nodes/worker-1')?.spec?.unschedulable).toBe(true)
    expect(s().viewTime).toBeGreaterThanOrEqual(t)
  })

  it('add and remove workers', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    expect(out(await performAction(store, 'cluster.add-worker', CLUSTER))?.output).toMatch(/^node worker-3 added/)
    await s().stepBy(5_000)
    expect(s().nodeIds()).toContain('nodes/worker-3')
    expect(actionById('node.remove')!.dispatch(s(), targetOf('nodes/worker-3'))).toEqual({ ok: true, value: { kind: 'action', action: { type: 'node.remove', node: 'worker-3' } } })
    expect((await performAction(store, 'node.remove', targetOf('nodes/worker-3'))).ok).toBe(true)
    expect(s().nodeIds()).not.toContain('nodes/worker-3')
    expect((await performAction(store, 'node.remove', targetOf('nodes/control-plane'))).ok).toBe(false)
  })

  it('scale validates the replica count', async () => {
    const { store, s } = await withWeb()
    const d = targetOf('deployments/default/web')
    const scale = actionById('deployment.scale')!
    expect(scale.input?.[0].initial?.(s(), d)).toBe(2)
    expect(scale.dispatch(s(), d, { replicas: 4 })).toEqual({ ok: true, value: { kind: 'kubectl', line: 'kubectl scale deployment/web --replicas=4' } })
    expect(scale.dispatch(s(), d, { replicas: '3' }).ok).toBe(true)
    for (const replicas of [-1, 1.5, 1e9, 'many', undefined, '3; rm -rf /']) expect(scale.dispatch(s(), d, { replicas } as never).ok, String(replicas)).toBe(false)
    expect(out(await performAction(store, 'deployment.scale', d, { replicas: 4 }))?.output).toBe('deployment.apps/web scaled\n')
    expect(actionById('statefulset.scale')!.dispatch(s(), targetOf('statefulsets/db/db'), { replicas: 1 })).toEqual({ ok: true, value: { kind: 'kubectl', line: 'kubectl scale statefulset/db --replicas=1 -n db' } })
  })

  it('set image, then roll back', async () => {
    const { store, s } = await withWeb()
    const d = targetOf('deployments/default/web')
    const setImage = actionById('deployment.set-image')!
    expect(actionById('deployment.rollout-undo')!.available(s(), d)).toBe(false)
    expect(setImage.input?.[1].initial?.(s(), d)).toBe('nginx:1.27')
    expect(setImage.dispatch(s(), d, { image: 'nginx:1.28' })).toEqual({ ok: true, value: { kind: 'kubectl', line: 'kubectl set image deployment/web nginx=nginx:1.28' } })
    for (const image of ['', 'nginx 1.28', 'nginx:1.28;reboot', '$(x)']) expect(setImage.dispatch(s(), d, { image }).ok, image).toBe(false)
    expect(setImage.dispatch(s(), d, { image: 'nginx:1', container: 'a b' }).ok).toBe(false)
    expect(out(await performAction(store, 'deployment.set-image', d, { image: 'nginx:1.28' }))?.output).toBe('deployment.apps/web image updated\n')
    await s().stepBy(2_000)
    expect(actionById('deployment.rollout-undo')!.available(s(), d)).toBe(true)
    expect(actionById('deployment.rollout-undo')!.dispatch(s(), d)).toEqual({ ok: true, value: { kind: 'kubectl', line: 'kubectl rollout undo deployment/web' } })
    expect(out(await performAction(store, 'deployment.rollout-undo', d))?.output).toBe('deployment.apps/web rolled back\n')
  })

  it('every gallery manifest applies cleanly', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    const gallery = actionById('cluster.create-from-gallery')!
    expect(gallery.dispatch(s(), CLUSTER, { item: 'nope' }).ok).toBe(false)
    for (const item of GALLERY) {
      const r = await performAction(store, gallery.id, CLUSTER, { item: item.id })
      expect(r.ok, `${item.id}: ${JSON.stringify(r)}`).toBe(true)
    }
    await s().stepBy(30_000)
    const pods = s().podIds().filter((id) => id.startsWith('pods/default/'))
    expect(pods.length).toBeGreaterThanOrEqual(1 + 1 + 3 + 2 + 2 + 1)
    expect(s().log.every((e) => e.kind === 'kubectl' && e.payload.line === 'kubectl apply -f -')).toBe(true)
  })

  it('playback entries drive the store', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    const t = s().viewTime
    await performAction(store, 'playback.toggle', CLUSTER)
    expect(s().paused).toBe(false)
    await performAction(store, 'playback.faster', CLUSTER)
    expect(s().speed).toBe(2)
    await performAction(store, 'playback.slower', CLUSTER)
    await performAction(store, 'playback.slower', CLUSTER)
    expect(s().speed).toBe(0.5)
    await performAction(store, 'playback.step-10s', CLUSTER)
    expect(s().viewTime).toBe(t + 10_000)
    await performAction(store, 'playback.step', CLUSTER)
    expect(s().viewTime).toBeGreaterThan(t + 10_000)
    expect(s().log).toEqual([])
    expect(await performAction(store, 'no.such', CLUSTER)).toEqual({ ok: false, message: 'unknown action "no.such"' })
  })
})

// kubectl rollout status|history|undo|restart|pause|resume and set image against the simulated
// deployment controller (kubectl pkg/polymorphichelpers/rollout_status.go, history.go, rollback.go).
import { describe, expect, it } from 'vitest'
import type { KObject } from '../../../src/engine'
import { rolloutStatus } from '../../../src/kubectl/commands/rollout'
import { cluster, k } from '../helpers'

async function web(replicas = 4) {
  const c = await cluster()
  await k(c, `create deployment web --image=nginx:1.7.9 --replicas=${replicas}`)
  await k(c, 'rollout status deployment/web')
  return c
}

const revOf = (rs: KObject) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']

describe('kubectl rollout status', () => {
  it('prints the upstream lines as the rollout moves, then success', async () => {
    const c = await web(4)
    expect((await k(c, 'set image deployment/web nginx=nginx:1.9.1')).out).toBe('deployment.apps/web image updated\n')
    c.advance(50) // let the controller observe the new generation
    const r = await k(c, 'rollout status deployment/web')
    expect(r.code).toBe(0)
    const lines = r.out.trim().split('\n')
    expect(lines[0]).toMatch(/^Waiting for deployment "web" rollout to finish: [0-3] out of 4 new replicas have been updated\.\.\.$/)
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out')
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^Waiting for deployment "web" rollout to finish: (\d out of 4 new replicas have been updated|\d old replicas are pending termination|\d of 4 updated replicas are available)\.\.\.$/)
    expect(lines.some((l) => l.includes('old replicas are pending termination'))).toBe(true)
    // Consecutive duplicates are folded.
    for (let i = 1; i < lines.length; i++) expect(lines[i]).not.toBe(lines[i - 1])
  })

  it('--watch=false prints one line; --timeout gives up; a deadline error is reported', async () => {
    const c = await web(2)
    await k(c, 'patch deployment web -p {"spec":{"progressDeadlineSeconds":20}}')
    await k(c, 'set image deployment/web nginx=nginx:1.255') // ImagePullBackOff: never ready
    c.advance(3000)
    const once = await k(c, 'rollout status deployment/web --watch=false')
    expect(once).toEqual({ code: 0, out: 'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n', err: '' })
    const t0 = c.now
    const timed = await k(c, 'rollout status deployment/web --timeout=2s')
    expect(timed.code).toBe(1)
    expect(timed.err).toBe('error: timed out waiting for the condition\n')
    expect(c.now - t0).toBeGreaterThanOrEqual(2000)
    const dead = await k(c, 'rollout status deployment/web')
    expect(dead.code).toBe(1)
    expect(dead.err).toBe('error: deployment "web" exceeded its progress deadline\n')
    expect(c.api.get('deployments', 'default', 'web')!.status.conditions.find((x: { type: string }) => x.type === 'Progressing').reason).toBe('ProgressDeadlineExceeded')
  })
})

describe('kubectl rollout history / undo', () => {
  it('case 26: undo after one update makes revision 3; history shows 2 and 3', async () => {
    const c = await web(2)
    await k(c, 'set image deployment/web nginx=nginx:1.9.1')
    await k(c, 'rollout status deployment/web')
    expect((await k(c, 'rollout undo deployment/web')).out).toBe('deployment.apps/web rolled back\n')
    await k(c, 'rollout status deployment/web')
    const d = c.api.get('deployments', 'default', 'web')!
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.7.9')
    expect(d.spec.template.metadata.labels['pod-template-hash']).toBeUndefined()
    const h = await k(c, 'rollout history deployment/web')
    expect(h.out.trimEnd()).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>')
    const rs3 = c.api.list('replicasets').find((rs) => revOf(rs) === '3')!
    expect(rs3.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1')
  })

  it('--to-revision, the change-cause column and --revision=N', async () => {
    const c = await web(1)
    await k(c, 'set image deployment/web nginx=nginx:1.9.1')
    await k(c, 'annotate deployment web kubernetes.io/change-cause=v2')
    await k(c, 'rollout status deployment/web')
    await k(c, 'set image deployment/web nginx=nginx:1.16.1')
    await k(c, 'rollout status deployment/web')
    const h = await k(c, 'rollout history deployment/web')
    expect(h.out).toContain('REVISION  CHANGE-CAUSE\n1         <none>\n2         v2\n3         v2\n')
    const r2 = await k(c, 'rollout history deployment/web --revision=2')
    expect(r2.out).toMatch(/^deployment\.apps\/web with revision #2\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=[4-9bcdf]+\n {2}Annotations:\tkubernetes\.io\/change-cause: v2\n {2}Containers:\n {3}nginx:\n {4}Image:\tnginx:1\.9\.1\n/)
    expect((await k(c, 'rollout undo deployment/web --to-revision=1')).out).toBe('deployment.apps/web rolled back\n')
    await k(c, 'rollout status deployment/web')
    expect(c.api.get('deployments', 'default', 'web')!.spec.template.spec.containers[0].image).toBe('nginx:1.7.9')
    expect(c.api.get('deployments', 'default', 'web')!.metadata.annotations?.['kubernetes.io/change-cause']).toBeUndefined()
    expect((await k(c, 'rollout undo deployment/web --to-revision=4')).out).toBe('deployment.apps/web skipped rollback (current template already matches revision 4)\n')
  })

  it('bad input leaves the cluster unchanged', async () => {
    const c = await web(1)
    await k(c, 'set image deployment/web nginx=nginx:1.9.1')
    await k(c, 'rollout status deployment/web')
    const before = c.hash()
    expect(await k(c, 'rollout undo deployment/web --to-revision=9')).toEqual({ code: 1, out: '', err: 'error: unable to find specified revision 9 in history\n' })
    expect((await k(c, 'rollout history deployment/web --revision=9')).err).toBe('error: unable to find the specified revision\n')
    expect((await k(c, 'set image deployment/web x=nginx:1.9.1')).err).toBe('error: unable to find container named "x"\n')
    expect((await k(c, 'set image deployment/x nginx=nginx:1.9.1')).err).toBe('Error from server (NotFound): deployments.apps "x" not found\n')
    expect((await k(c, 'rollout undo deployment/x')).err).toBe('Error from server (NotFound): deployments.apps "x" not found\n')
    expect((await k(c, 'rollout resume deployment/web')).err).toBe('error: deployments.apps "web" is not paused\n')
    expect((await k(c, 'rollout status deployment/web --revision=5')).err).toBe('error: desired revision (5) is different from the running revision (2)\n')
    expect((await k(c, 'rollout status deployment/web --revision=2')).out).toBe('deployment "web" successfully rolled out\n')
    // Dry runs change nothing either.
    const dry = await k(c, 'rollout undo deployment/web --dry-run=client')
    expect(dry.out).toMatch(/^deployment\.apps\/web Pod Template:\n {2}Labels:\tapp=web\n/)
    expect(dry.out).toContain('Image:\tnginx:1.7.9')
    expect((await k(c, 'rollout undo deployment/web --dry-run=server')).out).toBe('deployment.apps/web rolled back (server dry run)\n')
    expect(c.hash()).toBe(before)
  })
})

describe('kubectl rollout pause / resume / restart', () => {
  it('a paused deployment does not roll out until resumed; undo is refused while paused', async () => {
    const c = await web(2)
    expect((await k(c, 'rollout pause deployment/web')).out).toBe('deployment.apps/web paused\n')
    await k(c, 'set image deployment/web nginx=nginx:1.9.1')
    c.advance(5000)
    expect(c.api.list('replicasets', { namespace: 'default' })).toHaveLength(1)
    const cond = c.api.get('deployments', 'default', 'web')!.status.conditions.find((x: { type: string }) => x.type === 'Progressing')
    expect(cond).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' })
    expect((await k(c, 'rollout undo deployment/web')).err).toBe('error: no rollout history found for deployment "web"\n') // the revision is looked up first
    await k(c, 'rollout resume deployment/web')
    await k(c, 'rollout status deployment/web')
    await k(c, 'rollout pause deployment/web')
    await k(c, 'set image deployment/web nginx=nginx:1.16.1')
    expect((await k(c, 'rollout undo deployment/web')).err).toBe(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n`)
    expect((await k(c, 'rollout resume deployment/web')).out).toBe('deployment.apps/web resumed\n')
    await k(c, 'rollout status deployment/web')
    expect(c.api.list('replicasets', { namespace: 'default' })).toHaveLength(3)
    expect(c.api.get('deployments', 'default', 'web')!.spec.template.spec.containers[0].image).toBe('nginx:1.16.1')
  })

  it('restart stamps restartedAt on the template and rolls a new ReplicaSet', async () => {
    const c = await web(2)
    expect((await k(c, 'rollout restart deployment/web')).out).toBe('deployment.apps/web restarted\n')
    const d = c.api.get('deployments', 'default', 'web')!
    expect(d.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const again = await k(c, 'rollout restart deployment/web')
    expect(again.err).toBe('error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n')
    await k(c, 'rollout status deployment/web')
    expect(c.api.list('replicasets', { namespace: 'default' }).map(revOf).sort()).toEqual(['1', '2'])
  })
})

describe('status viewers for StatefulSets and DaemonSets', () => {
  const sts = (status: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({ kind: 'StatefulSet', metadata: { name: 'web', generation: 2 }, spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate' }, ...spec }, status: { observedGeneration: 2, ...status } }) as unknown as KObject
  it('StatefulSet lines', () => {
    expect(rolloutStatus(sts({ observedGeneration: 1 })).text).toBe('Waiting for statefulset spec update to be observed...')
    expect(rolloutStatus(sts({ readyReplicas: 2 })).text).toBe('Waiting for 1 pods to be ready...')
    expect(rolloutStatus(sts({ readyReplicas: 3, updatedReplicas: 2 }, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }))).toEqual({ text: 'partitioned roll out complete: 2 new pods have been updated...', done: true })
    expect(rolloutStatus(sts({ readyReplicas: 3, updatedReplicas: 1 }, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } })).text).toBe('Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...')
    expect(rolloutStatus(sts({ readyReplicas: 3, updatedReplicas: 1, currentRevision: 'web-1', updateRevision: 'web-2' })).text).toBe('waiting for statefulset rolling update to complete 1 pods at revision web-2...')
    expect(rolloutStatus(sts({ readyReplicas: 3, currentReplicas: 3, currentRevision: 'web-7c5ddbdf54', updateRevision: 'web-7c5ddbdf54' }))).toEqual({ text: 'statefulset rolling update complete 3 pods at revision web-7c5ddbdf54...', done: true })
    expect(rolloutStatus(sts({}, { updateStrategy: { type: 'OnDelete' } })).error).toBe('rollout status is only available for RollingUpdate strategy type')
  })
  it('DaemonSet lines', () => {
    const ds = (status: Record<string, unknown>) => ({ kind: 'DaemonSet', metadata: { name: 'x', generation: 1 }, spec: {}, status: { observedGeneration: 1, desiredNumberScheduled: 3, ...status } }) as unknown as KObject
    expect(rolloutStatus(ds({ updatedNumberScheduled: 1 })).text).toBe('Waiting for daemon set "x" rollout to finish: 1 out of 3 new pods have been updated...')
    expect(rolloutStatus(ds({ updatedNumberScheduled: 3, numberAvailable: 2 })).text).toBe('Waiting for daemon set "x" rollout to finish: 2 of 3 updated pods are available...')
    expect(rolloutStatus(ds({ updatedNumberScheduled: 3, numberAvailable: 3 }))).toEqual({ text: 'daemon set "x" successfully rolled out', done: true })
  })
  it('rollout status on a real DaemonSet finishes', async () => {
    const c = await cluster()
    const r = await k(c, 'rollout status daemonset/kube-proxy -n kube-system')
    expect(r).toEqual({ code: 0, out: 'daemon set "kube-proxy" successfully rolled out\n', err: '' })
  })
})

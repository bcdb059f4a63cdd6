import { describe, expect, it } from 'vitest'
import { cluster, cond, create, eventsOf, job, jobPods, k, until } from './helpers'
import { JOB_TRACKING_FINALIZER } from '../../../../src/engine/controlplane/job/util'

const squash = (s: string) => s.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).join('\n').trim()

describe('job-controller', () => {
  it('case 29: 7 failed pods with growing delays, then Failed BackoffLimitExceeded', async () => {
    const c = await cluster()
    create(c, job('pi', 'exit 1'))
    expect(until(c, () => cond(c.api.get('jobs', 'default', 'pi'), 'Failed')?.status === 'True', 900_000)).toBe(true)
    const j = c.api.get('jobs', 'default', 'pi')!
    expect(cond(j, 'Failed')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' })
    expect(cond(j, 'FailureTarget')).toBeUndefined() // v1.30 writes Failed directly
    expect(j.status).toMatchObject({ failed: 7, ready: 0, terminating: 0, uncountedTerminatedPods: {} })
    expect(j.status.completionTime).toBeUndefined()
    const creates = eventsOf(c, 'Job', 'pi').filter((e) => e.reason === 'SuccessfulCreate')
    expect(creates).toHaveLength(7)
    const gaps = creates.slice(1).map((e, i) => (e.at - creates[i].at) / 1000)
    // Each gap = back-off (10 s doubling) + the pod's short run before it failed.
    ;[10, 20, 40, 80, 160, 320].forEach((b, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(b)
      expect(gaps[i]).toBeLessThan(b + 5)
    })
    const fail = eventsOf(c, 'Job', 'pi').find((e) => e.reason === 'BackoffLimitExceeded')!
    expect(fail).toMatchObject({ type: 'Warning', message: 'Job has reached the specified backoff limit' })
    const pods = jobPods(c, 'pi')
    expect(pods).toHaveLength(7)
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      expect(p.metadata.finalizers ?? []).not.toContain(JOB_TRACKING_FINALIZER)
      expect(p.metadata.labels).toMatchObject({ 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': j.metadata.uid, 'batch.kubernetes.io/controller-uid': j.metadata.uid })
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: j.metadata.uid, controller: true, blockOwnerDeletion: true }])
    }
    const out = await k(c, 'kubectl get job pi')
    expect(squash(out.out).split('\n')[1]).toMatch(/^pi Failed 0\/1 \S+ \S+$/)
  })

  it('runs a job to completion: Complete, completionTime, events, finalizer removed, logs', async () => {
    const c = await cluster()
    create(c, job('hello', 'echo hello from the job; sleep 5'))
    c.advance(1000)
    const running = jobPods(c, 'hello')
    expect(running).toHaveLength(1)
    expect(running[0].metadata.finalizers).toContain(JOB_TRACKING_FINALIZER)
    expect(c.api.get('jobs', 'default', 'hello')!.status).toMatchObject({ active: 1, ready: 0, terminating: 0 })
    expect(until(c, () => cond(c.api.get('jobs', 'default', 'hello'), 'Complete')?.status === 'True', 60_000)).toBe(true)
    const j = c.api.get('jobs', 'default', 'hello')!
    expect(cond(j, 'Complete')).not.toHaveProperty('reason') // v1.30: no CompletionsReached yet
    expect(cond(j, 'SuccessCriteriaMet')).toBeUndefined()
    expect(j.status).toMatchObject({ succeeded: 1, ready: 0 })
    expect(j.status.active).toBeUndefined()
    expect(j.status.completionTime).toBeDefined()
    expect(jobPods(c, 'hello')[0].metadata.finalizers ?? []).toEqual([])
    expect(eventsOf(c, 'Job', 'hello').map((e) => `${e.reason} ${e.message}`)).toEqual([`SuccessfulCreate Created pod: ${running[0].metadata.name}`, 'Completed Job completed'])
    expect((await k(c, 'kubectl logs job/hello')).out).toBe('hello from the job\n')
    const d = squash((await k(c, 'kubectl describe job hello')).out)
    expect(d).toContain('Pods Statuses: 0 Active (0 Ready) / 1 Succeeded / 0 Failed')
    expect(squash((await k(c, 'kubectl get job hello')).out).split('\n')[1]).toMatch(/^hello Complete 1\/1 \d+s \d+s$/)
  })

  it('respects completions and parallelism (active = min(parallelism, remaining))', async () => {
    const c = await cluster()
    create(c, job('batch', 'sleep 3', { completions: 5, parallelism: 2 }))
    let maxActive = 0
    const done = until(c, () => {
      const j = c.api.get('jobs', 'default', 'batch')!
      maxActive = Math.max(maxActive, j.status?.active ?? 0, jobPods(c, 'batch').filter((p) => p.status?.phase !== 'Succeeded').length)
      return cond(j, 'Complete')?.status === 'True'
    }, 120_000)
    expect(done).toBe(true)
    expect(maxActive).toBe(2)
    expect(jobPods(c, 'batch')).toHaveLength(5)
    expect(c.api.get('jobs', 'default', 'batch')!.status.succeeded).toBe(5)
    expect(squash((await k(c, 'kubectl get job batch')).out).split('\n')[1]).toMatch(/^batch Complete 5\/5 /)
  })

  it('prints n/1 of P when completions are unset and parallelism > 1', async () => {
    const c = await cluster()
    create(c, job('workq', 'sleep 60', { parallelism: 3 }))
    c.advance(5000)
    expect(jobPods(c, 'workq')).toHaveLength(3)
    expect(squash((await k(c, 'kubectl get job workq')).out).split('\n')[1]).toMatch(/^workq Running 0\/1 of 3 /)
  })

  it('Indexed jobs name pods <job>-<index>-xxxxx with the index annotation and env', async () => {
    const c = await cluster()
    create(c, job('idx', 'echo index $JOB_COMPLETION_INDEX', { completions: 3, parallelism: 3, completionMode: 'Indexed' }))
    c.advance(500)
    const pods = jobPods(c, 'idx').sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
    expect(pods.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, ''))).toEqual(['idx-0', 'idx-1', 'idx-2'])
    pods.forEach((p, i) => {
      expect(p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).toBe(String(i))
      expect(p.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe(String(i))
      expect(p.spec.hostname).toBe(`idx-${i}`)
      expect(p.spec.containers[0].env).toContainEqual({ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } })
    })
    expect(until(c, () => cond(c.api.get('jobs', 'default', 'idx'), 'Complete')?.status === 'True', 60_000)).toBe(true)
    expect(c.api.get('jobs', 'default', 'idx')!.status).toMatchObject({ succeeded: 3, completedIndexes: '0-2' })
    const p1 = jobPods(c, 'idx').find((p) => p.metadata.name.startsWith('idx-1-'))!
    expect((await k(c, `kubectl logs ${p1.metadata.name}`)).out).toBe('index 1\n')
  })

  it('OnFailure: container restarts count toward backoffLimit; the active pod is deleted', async () => {
    const c = await cluster()
    create(c, job('crashy', 'exit 1', { backoffLimit: 2 }, { restartPolicy: 'OnFailure' }))
    expect(until(c, () => cond(c.api.get('jobs', 'default', 'crashy'), 'Failed')?.status === 'True', 300_000)).toBe(true)
    expect(cond(c.api.get('jobs', 'default', 'crashy'), 'Failed')?.reason).toBe('BackoffLimitExceeded')
    const evs = eventsOf(c, 'Job', 'crashy').map((e) => e.reason)
    expect(evs.filter((r) => r === 'SuccessfulCreate')).toHaveLength(1) // the kubelet restarts, the controller does not recreate
    expect(evs).toContain('SuccessfulDelete')
    c.advance(40_000)
    expect(jobPods(c, 'crashy')).toHaveLength(0)
  })

  it('activeDeadlineSeconds fails the job with DeadlineExceeded and deletes its pods', async () => {
    const c = await cluster()
    create(c, job('slow', 'sleep 600', { activeDeadlineSeconds: 10 }))
    c.advance(9000)
    expect(cond(c.api.get('jobs', 'default', 'slow'), 'Failed')).toBeUndefined()
    c.advance(2000)
    const j = c.api.get('jobs', 'default', 'slow')!
    expect(cond(j, 'Failed')).toMatchObject({ status: 'True', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' })
    expect(eventsOf(c, 'Job', 'slow').map((e) => `${e.type} ${e.reason}`)).toEqual(['Normal SuccessfulCreate', 'Normal SuccessfulDelete', 'Warning DeadlineExceeded'])
    expect(j.status.failed).toBeUndefined() // pods the controller deletes are not counted
    c.advance(40_000)
    expect(jobPods(c, 'slow')).toHaveLength(0)
  })

  it('ttlSecondsAfterFinished deletes the finished job and its pods', async () => {
    const c = await cluster()
    create(c, job('brief', 'true', { ttlSecondsAfterFinished: 5 }))
    expect(until(c, () => cond(c.api.get('jobs', 'default', 'brief'), 'Complete')?.status === 'True', 30_000)).toBe(true)
    c.advance(3000)
    expect(c.api.get('jobs', 'default', 'brief')).toBeDefined()
    c.advance(5000)
    expect(c.api.get('jobs', 'default', 'brief')).toBeUndefined()
    expect(jobPods(c, 'brief')).toHaveLength(0)
  })

  it('suspend deletes active pods, resume creates them again and resets startTime', async () => {
    const c = await cluster()
    create(c, job('later', 'sleep 600', { suspend: true }))
    c.advance(2000)
    let j = c.api.get('jobs', 'default', 'later')!
    expect(jobPods(c, 'later')).toHaveLength(0)
    expect(cond(j, 'Suspended')).toMatchObject({ status: 'True', reason: 'JobSuspended', message: 'Job suspended' })
    expect(j.status.startTime).toBeUndefined()
    expect(squash((await k(c, 'kubectl get job later')).out).split('\n')[1]).toMatch(/^later Suspended 0\/1 /)
    c.api.mutate('jobs', 'default', 'later', (o) => { o.spec.suspend = false })
    c.advance(2000)
    j = c.api.get('jobs', 'default', 'later')!
    expect(cond(j, 'Suspended')).toMatchObject({ status: 'False', reason: 'JobResumed', message: 'Job resumed' })
    expect(j.status.startTime).toBeDefined()
    expect(jobPods(c, 'later')).toHaveLength(1)
    c.api.mutate('jobs', 'default', 'later', (o) => { o.spec.suspend = true })
    c.advance(40_000)
    expect(jobPods(c, 'later')).toHaveLength(0)
    expect(c.api.get('jobs', 'default', 'later')!.status.failed).toBeUndefined()
    expect(cond(c.api.get('jobs', 'default', 'later'), 'Suspended')?.status).toBe('True')
    // The second "Job suspended" is aggregated into the first event (count 2), as the EventCorrelator does.
    expect(eventsOf(c, 'Job', 'later').map((e) => e.reason)).toEqual(['Suspended', 'Resumed', 'SuccessfulCreate', 'SuccessfulDelete'])
    expect(c.api.list('events').find((e) => (e.involvedObject as { name?: string }).name === 'later' && e.reason === 'Suspended')?.count).toBe(2)
  })

  it('a pod deleted by hand counts as failed and is replaced; deleting the job removes its pods', async () => {
    const c = await cluster()
    create(c, job('keep', 'sleep 600'))
    c.advance(3000)
    const [first] = jobPods(c, 'keep')
    await k(c, `kubectl delete pod ${first.metadata.name} --wait=false`)
    c.advance(15_000)
    const j = c.api.get('jobs', 'default', 'keep')!
    expect(j.status.failed).toBe(1)
    expect(jobPods(c, 'keep').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(1)
    c.advance(40_000)
    expect(jobPods(c, 'keep').map((p) => p.metadata.name)).not.toContain(first.metadata.name)
    await k(c, 'kubectl delete job keep --wait=false')
    c.advance(60_000)
    expect(c.api.get('jobs', 'default', 'keep')).toBeUndefined()
    expect(jobPods(c, 'keep')).toHaveLength(0)
  })

  it('an unscheduled pod of a deleted job loses its tracking finalizer and goes away', async () => {
    const c = await cluster()
    create(c, job('stuck', 'true', {}, { nodeSelector: { disk: 'none' } }))
    c.advance(2000)
    const [p] = jobPods(c, 'stuck')
    expect(p.spec.nodeName).toBeUndefined()
    expect(p.metadata.finalizers).toEqual([JOB_TRACKING_FINALIZER])
    await k(c, 'kubectl delete job stuck --wait=false')
    c.advance(5000)
    expect(jobPods(c, 'stuck')).toHaveLength(0)
  })

  it('rejects bad jobs and leaves the cluster unchanged', async () => {
    const c = await cluster()
    const before = c.api.list('jobs').length
    const r = c.api.create(job('bad', 'true', {}, { restartPolicy: 'Always' }))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.status.message).toContain('spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"')
    const neg = c.api.create(job('neg', 'true', { backoffLimit: -1 }))
    expect(neg.ok).toBe(false)
    c.advance(5000)
    expect(c.api.list('jobs')).toHaveLength(before)
    expect(jobPods(c, 'bad')).toHaveLength(0)
  })
})

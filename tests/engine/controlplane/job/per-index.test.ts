import { describe, expect, it } from 'vitest'
import { cluster, cond, create, job, jobPods, until } from './helpers'
import { INDEX_FAILURE_COUNT_ANNOTATION } from '../../../../src/engine/controlplane/job/per-index'

const failIndex1 = 'if [ "$JOB_COMPLETION_INDEX" = "1" ]; then exit 1; fi; echo ok'

describe('job-controller with backoffLimitPerIndex', () => {
  it('retries each index on its own; failed indexes fail the job once all are finished', async () => {
    const c = await cluster()
    create(c, job('per', failIndex1, { completions: 3, parallelism: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1 }))
    expect(until(c, () => cond(c.api.get('jobs', 'default', 'per'), 'Failed')?.status === 'True', 120_000)).toBe(true)
    const j = c.api.get('jobs', 'default', 'per')!
    expect(cond(j, 'Failed')).toMatchObject({ reason: 'FailedIndexes', message: 'Job has failed indexes' })
    expect(j.status).toMatchObject({ completedIndexes: '0,2', failedIndexes: '1', succeeded: 2, failed: 2 })
    const idx1 = jobPods(c, 'per').filter((p) => p.metadata.name.startsWith('per-1-'))
    expect(idx1.map((p) => p.metadata.annotations?.[INDEX_FAILURE_COUNT_ANNOTATION]).sort()).toEqual(['0', '1'])
    expect(jobPods(c, 'per')).toHaveLength(4)
  })

  it('maxFailedIndexes fails the job as soon as it is exceeded', async () => {
    const c = await cluster()
    create(c, job('max', failIndex1 + '; sleep 300', { completions: 3, parallelism: 3, completionMode: 'Indexed', backoffLimitPerIndex: 0, maxFailedIndexes: 0 }))
    expect(until(c, () => cond(c.api.get('jobs', 'default', 'max'), 'Failed')?.status === 'True', 60_000)).toBe(true)
    const j = c.api.get('jobs', 'default', 'max')!
    expect(cond(j, 'Failed')).toMatchObject({ reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes' })
    expect(j.status.failedIndexes).toBe('1')
  })
})

import { describe, expect, it } from 'vitest'
import { cluster, pod } from './helpers'

describe('pod-garbage-collector', () => {
  it('force-deletes pods of a deleted node after the 40 s quarantine', () => {
    const c = cluster()
    c.api.create(pod('orphan', { nodeName: 'worker-1' }))
    c.api.create(pod('kept', { nodeName: 'worker-2' }))
    c.api.delete('nodes', undefined, 'worker-1')
    c.advance(30_000)
    expect(c.api.get('pods', 'default', 'orphan')).toBeDefined()
    c.advance(11_000)
    expect(c.api.get('pods', 'default', 'orphan')).toBeUndefined()
    expect(c.api.get('pods', 'default', 'kept')).toBeDefined()
  })
})

import { describe, expect, it } from 'vitest'
import { pausedStore } from '../helpers'

describe('selection slice', () => {
  it('selects an object id or nothing', () => {
    const store = pausedStore()
    const s = () => store.getState()
    expect(s().selected).toBeNull()
    s().select('nodes/worker-1')
    expect(s().selected).toBe('nodes/worker-1')
    s().select('not-an-id')
    expect(s().selected).toBeNull()
    s().select('pods/default/web')
    s().select(null)
    expect(s().selected).toBeNull()
  })

  it('a new run clears the selection', async () => {
    const store = pausedStore()
    store.getState().select('nodes/worker-1')
    await store.getState().loadRun(store.getState().exportRun())
    expect(store.getState().selected).toBeNull()
  })
})

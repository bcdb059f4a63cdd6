import { describe, expect, it } from 'vitest'
import { firstPendingIndexes, formatIndexes, parseIndexes } from '../../../../src/engine/controlplane/job/indexed'

describe('indexed job helpers', () => {
  it('formats and parses completedIndexes', () => {
    expect(formatIndexes([4, 0, 2, 3, 7, 8])).toBe('0,2-4,7-8')
    expect(formatIndexes([])).toBe('')
    expect(parseIndexes('0,2-4,7-8')).toEqual([0, 2, 3, 4, 7, 8])
    expect(parseIndexes('x,1')).toEqual([1])
  })

  it('picks the lowest indexes neither done nor active', () => {
    expect(firstPendingIndexes(5, [0, 2], [1], 2)).toEqual([3, 4])
    expect(firstPendingIndexes(3, [0, 1, 2], [], 2)).toEqual([])
  })
})

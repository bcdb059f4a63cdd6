import { describe, expect, it } from 'vitest'
import { splitArgs } from '../../src/app/split-args'

describe('splitArgs', () => {
  it('splits with quotes and escapes', () => {
    expect(splitArgs(`get pods -l 'app in (a, b)' -o "jsonpath={.items[*].metadata.name}" a\\ b ''`)).toEqual([
      'get', 'pods', '-l', 'app in (a, b)', '-o', 'jsonpath={.items[*].metadata.name}', 'a b', '',
    ])
  })
})

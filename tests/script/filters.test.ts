import { describe, expect, it } from 'vitest'
import { applyFilters, parseFilter, posixToJs, splitLines } from '../../src/script/filters'

const grep = (...args: string[]) => parseFilter('grep', args)
const lines = 'NAME READY STATUS\nweb-1 1/1 Running\nweb-2 0/1 Pending\ndb-1 1/1 Running\n'

describe('filters', () => {
  it('grep plain, -c, -i, -v', () => {
    expect(applyFilters([grep('Running')], lines)).toEqual(['web-1 1/1 Running', 'db-1 1/1 Running'])
    expect(applyFilters([grep('-c', 'Running')], lines)).toEqual(['2'])
    expect(applyFilters([grep('-ci', 'running')], lines)).toEqual(['2'])
    expect(applyFilters([grep('-c', 'running')], lines)).toEqual(['0'])
    expect(applyFilters([grep('-v', 'Running')], lines)).toEqual(['NAME READY STATUS', 'web-2 0/1 Pending'])
    expect(applyFilters([grep('-c', 'x')], '')).toEqual(['0'])
  })

  it('grep basic vs extended regex', () => {
    expect(applyFilters([grep('web|db')], lines)).toEqual([])
    expect(applyFilters([grep('web\\|db')], lines)).toHaveLength(3)
    expect(applyFilters([grep('-E', 'web|db')], lines)).toHaveLength(3)
    expect(applyFilters([grep('-E', '^web-[0-9]+')], lines)).toHaveLength(2)
    expect(applyFilters([grep('^web-[[:digit:]]')], lines)).toHaveLength(2)
    expect(applyFilters([grep('-F', '1/1')], lines)).toHaveLength(2)
    expect(posixToJs('a+(b)', false)).toBe('a\\+\\(b\\)')
    expect(posixToJs('a\\{2\\}', false)).toBe('a{2}')
  })

  it('grep context with -- separators, like GNU grep', () => {
    const text = 'a\nmatch1\nb\nc\nd\nmatch2\ne\n'
    expect(applyFilters([grep('-A', '1', 'match')], text)).toEqual(['match1', 'b', '--', 'match2', 'e'])
    expect(applyFilters([grep('-B1', 'match')], text)).toEqual(['a', 'match1', '--', 'd', 'match2'])
    expect(applyFilters([grep('-A', '3', 'Conditions:')], 'x\nConditions:\n  Type\n  A True\n  B True\n  C True\n')).toEqual(['Conditions:', '  Type', '  A True', '  B True'])
    expect(applyFilters([grep('-C', '5', 'match1')], text)).toEqual(splitLines(text))
  })

  it('head, tail, wc -l', () => {
    expect(applyFilters([parseFilter('head', ['-n', '2'])], lines)).toHaveLength(2)
    expect(applyFilters([parseFilter('head', ['-1'])], lines)).toEqual(['NAME READY STATUS'])
    expect(applyFilters([parseFilter('head', ['-n', '-1'])], lines)).toHaveLength(3)
    expect(applyFilters([parseFilter('tail', ['-n', '1'])], lines)).toEqual(['db-1 1/1 Running'])
    expect(applyFilters([parseFilter('tail', ['-2'])], lines)).toHaveLength(2)
    expect(applyFilters([parseFilter('tail', ['-n', '+2'])], lines)).toHaveLength(3)
    expect(applyFilters([parseFilter('tail', ['-n', '0'])], lines)).toEqual([])
    expect(applyFilters([parseFilter('wc', ['-l'])], lines)).toEqual(['4'])
    expect(applyFilters([parseFilter('wc', ['-l'])], '')).toEqual(['0'])
    expect(applyFilters([grep('Running'), parseFilter('wc', ['-l'])], lines)).toEqual(['2'])
  })

  it('rejects bad arguments', () => {
    expect(() => parseFilter('head', ['-x'])).toThrow(/unsupported argument/)
    expect(() => parseFilter('tail', ['-n'])).toThrow(/invalid number of lines/)
    expect(() => grep('-B')).toThrow(/invalid -B argument/)
    expect(() => grep('a', 'file.txt')).toThrow(/unexpected argument "file.txt"/)
    expect(() => parseFilter('sort', [])).toThrow(/unsupported command "sort"/)
  })
})

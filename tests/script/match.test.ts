import { describe, expect, it } from 'vitest'
import { formatDiff, matchLine, matchLines, matchToken, normalize, tokenRegex } from '../../src/script/match'

describe('matchLine', () => {
  it('collapses whitespace and trims', () => {
    expect(matchLine('NAME   READY  STATUS', '  NAME READY\tSTATUS   ')).toBe(true)
    expect(matchLine('NAME READY', 'NAME  READY  STATUS')).toBe(false)
    expect(normalize('  a   b \t c ')).toBe('a b c')
  })

  it('`*` matches exactly one token', () => {
    expect(matchLine('web 3/3 *', 'web 3/3 60s')).toBe(true)
    expect(matchLine('web 3/3 *', 'web 3/3')).toBe(false)
    expect(matchLine('web 3/3 *', 'web 3/3 60s extra')).toBe(false)
    expect(matchLine('*', '')).toBe(false)
  })

  it('`/regex/` matches a whole token', () => {
    expect(matchLine('control-plane Ready control-plane * /v1\\.30\\.\\d+/', 'control-plane   Ready   control-plane   2m   v1.30.2')).toBe(true)
    expect(matchLine('x /v1\\.30\\.\\d+/', 'x v1.30.2-rc')).toBe(false)
    expect(matchLine('/([7-9]|1[0-9])/', '8')).toBe(true)
    expect(matchLine('/([7-9]|1[0-9])/', '18')).toBe(true)
    expect(matchLine('/([7-9]|1[0-9])/', '20')).toBe(false)
    expect(matchLine('/([7-9]|1[0-9])/', '6')).toBe(false)
  })

  it("golden 00's coredns line", () => {
    const p = '/coredns-[4-9bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5}/   1/1   Running   0   *'
    expect(matchLine(p, 'coredns-7db6d8ff4d-x2lbq   1/1     Running   0          2m')).toBe(true)
    expect(matchLine(p, 'coredns-7db6d8ff4d-x2lbq   0/1     Running   0          2m')).toBe(false)
    expect(matchLine(p, 'coredns-7db6d8ff4d-xaeiou   1/1     Running   0          2m')).toBe(false)
  })

  it("golden 03's service line (ClusterIP range, \\/ escape)", () => {
    const p = 'redis-service   NodePort   /10\\.(9[6-9]|10\\d|11[01])\\.\\d+\\.\\d+/   <none>        /6379:3[0-2]\\d{3}\\/TCP/   30s'
    expect(matchLine(p, 'redis-service   NodePort   10.104.12.7   <none>   6379:31234/TCP   30s')).toBe(true)
    expect(matchLine(p, 'redis-service   NodePort   10.96.0.12   <none>   6379:30000/TCP   30s')).toBe(true)
    expect(matchLine(p, 'redis-service   NodePort   10.112.0.12   <none>   6379:30000/TCP   30s')).toBe(false)
    expect(matchLine(p, 'redis-service   NodePort   10.100.0.12   <none>   6379:33000/TCP   30s')).toBe(false)
    expect(matchLine(p, 'redis-service   NodePort   10.100.0.12   <none>   6379:30000/UDP   30s')).toBe(false)
  })

  it("golden 06's delete line: two regex tokens", () => {
    const p = '/pod/ /"web-[4-9bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5}"/ deleted'
    expect(matchLine(p, 'pod "web-6b8f9c5d7-x7k2p" deleted')).toBe(true)
    expect(matchLine(p, 'pods "web-6b8f9c5d7-x7k2p" deleted')).toBe(false)
    expect(matchLine(p, 'pod "web-6b8f9c5d7-x7k2" deleted')).toBe(false)
    expect(matchLine(p, 'pod web-6b8f9c5d7-x7k2p deleted')).toBe(false)
  })

  it("golden 13's line with braces and a * column stays literal elsewhere", () => {
    const p = '  Warning  FailedScheduling  * default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.'
    expect(matchLine(p, '  Warning  FailedScheduling  10s   default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.')).toBe(true)
    expect(matchLine(p, '  Warning  FailedScheduling  10s   default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 Insufficient cpu.')).toBe(false)
  })

  it('regex-looking tokens also match literally; bad regexes are literal', () => {
    expect(matchToken('/data/mysql/', '/data/mysql/')).toBe(true)
    expect(matchToken('/[/', '/[/')).toBe(true)
    expect(matchToken('/[/', 'x')).toBe(false)
    expect(tokenRegex('/a\\/')).toBeNull()
    expect(tokenRegex('//')).toBeNull()
    expect(tokenRegex('/a\\\\/')?.test('a\\')).toBe(true)
  })

  it('an empty expectation matches only an empty line', () => {
    expect(matchLine('', '')).toBe(true)
    expect(matchLine('   ', '\t')).toBe(true)
    expect(matchLine('', 'x')).toBe(false)
  })
})

describe('matchLines', () => {
  it('requires the same number of lines, ignoring trailing empty output lines', () => {
    expect(matchLines(['a', 'b'], ['a', 'b', '', '  ']).ok).toBe(true)
    expect(matchLines(['a', 'b'], ['a']).ok).toBe(false)
    expect(matchLines(['a'], ['a', 'b']).ok).toBe(false)
    expect(matchLines(['a', '', 'b'], ['a', '', 'b']).ok).toBe(true)
    expect(matchLines(['a', 'b'], ['a', '', 'b']).ok).toBe(false)
  })

  it('`...` matches any number of lines, backtracking', () => {
    const exp = ['NAME READY', '...', 'etcd 1/1', '...', 'sched 1/1', '...']
    expect(matchLines(exp, ['NAME READY', 'etcd 1/1', 'sched 1/1']).ok).toBe(true)
    expect(matchLines(exp, ['NAME READY', 'a', 'b', 'etcd 1/1', 'c', 'sched 1/1', 'd', 'e']).ok).toBe(true)
    expect(matchLines(exp, ['NAME READY', 'sched 1/1', 'etcd 1/1']).ok).toBe(false)
    expect(matchLines(['...'], []).ok).toBe(true)
    expect(matchLines(['...', 'x', '...', 'x'], ['x', 'x', 'x']).ok).toBe(true)
    expect(matchLines(['...', 'x', 'y'], ['x', 'x', 'y']).ok).toBe(true)
    expect(matchLines(['...', 'command terminated with exit code 126'], ['bash: curl: not found', 'command terminated with exit code 126']).ok).toBe(true)
  })

  it('no output against expectations fails; an empty expectation list needs empty output', () => {
    expect(matchLines(['x'], []).ok).toBe(false)
    expect(matchLines([], []).ok).toBe(true)
    expect(matchLines([], ['x']).ok).toBe(false)
  })

  it('reports where matching got furthest', () => {
    const m = matchLines(['NAME AGE', 'a 5s', 'b 5s'], ['NAME AGE', 'a 5s', 'b 6s'])
    expect(m).toEqual({ ok: false, expectIndex: 2, actualIndex: 2 })
    const d = formatDiff(['NAME AGE', 'a 5s', 'b 5s'], ['NAME AGE', 'a 5s', 'b 6s'], m)
    expect(d).toContain('> b 5s')
    expect(d).toContain('> b 6s')
    expect(d.split('\n').filter((l) => l.includes('> ')).length).toBe(2)
  })

  it('diff of missing output says so', () => {
    const m = matchLines(['x'], [])
    expect(formatDiff(['x'], [], m)).toContain('(no output)')
    const m2 = matchLines(['x', 'y'], ['x'])
    expect(formatDiff(['x', 'y'], ['x'], m2)).toContain('(end of output)')
  })
})

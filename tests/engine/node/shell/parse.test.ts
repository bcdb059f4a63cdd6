import { describe, expect, test } from 'vitest'
import { parseScript, ShellSyntaxError } from '../../../../src/engine/node/shell/parse'
import type { Node, Program } from '../../../../src/engine/node/shell/ast'

const root = (p: Program) => p.nodes[p.root] as Extract<Node, { t: 'seq' }>
const node = (p: Program, i: number) => p.nodes[i]

describe('parseScript', () => {
  test('a list of simple commands separated by ; and newlines', () => {
    const p = parseScript('echo a; echo b\necho c')
    expect(root(p).items).toHaveLength(3)
    expect(node(p, root(p).items[0])).toMatchObject({ t: 'cmd', words: [[{ k: 'lit', s: 'echo' }], [{ k: 'lit', s: 'a' }]] })
  })

  test('&& and || chain into one and-or list', () => {
    const p = parseScript('true && echo yes || echo no')
    const ao = node(p, root(p).items[0])
    expect(ao.t).toBe('andor')
    expect((ao as Extract<Node, { t: 'andor' }>).rest.map((r) => r.op)).toEqual(['&&', '||'])
  })

  test('pipes', () => {
    const p = parseScript('echo a | grep a | wc -l')
    const pipe = node(p, root(p).items[0]) as Extract<Node, { t: 'pipe' }>
    expect(pipe.t).toBe('pipe')
    expect(pipe.cmds).toHaveLength(3)
  })

  test('quoting: single quotes are literal, double quotes expand, backslash escapes', () => {
    const p = parseScript(`echo 'a $X' "b $Y" c\\ d`)
    const cmd = node(p, root(p).items[0]) as Extract<Node, { t: 'cmd' }>
    expect(cmd.words[1]).toEqual([{ k: 'lit', s: 'a $X', q: true }])
    expect(cmd.words[2]).toEqual([{ k: 'lit', s: 'b ', q: true }, { k: 'var', name: 'Y', q: true }])
    expect(cmd.words[3]).toEqual([{ k: 'lit', s: 'c', q: false }, { k: 'lit', s: ' ', q: true }, { k: 'lit', s: 'd', q: false }])
  })

  test('until loop as in the init-container tutorial', () => {
    const p = parseScript('until nslookup redis-service; do echo waiting for redis; sleep 2; done;')
    const loop = node(p, root(p).items[0]) as Extract<Node, { t: 'loop' }>
    expect(loop).toMatchObject({ t: 'loop', until: true })
  })

  test('if/elif/else, for, groups and subshells', () => {
    const p = parseScript('if false; then echo 1; elif true; then echo 2; else echo 3; fi; for x in a b; do echo $x; done; { echo g; }; (echo s)')
    const kinds = root(p).items.map((i) => node(p, i).t)
    expect(kinds).toEqual(['if', 'for', 'group', 'group'])
    expect((node(p, root(p).items[0]) as Extract<Node, { t: 'if' }>).clauses).toHaveLength(2)
  })

  test('assignments, redirections and IO numbers', () => {
    const p = parseScript('A=1 B="x y" cmd >out.txt 2>&1 >>log')
    const cmd = node(p, root(p).items[0]) as Extract<Node, { t: 'cmd' }>
    expect(cmd.assigns.map((a) => a.name)).toEqual(['A', 'B'])
    expect(cmd.redirs.map((r) => [r.fd, r.op])).toEqual([[1, '>'], [2, '>&'], [1, '>>']])
  })

  test('command substitution and arithmetic', () => {
    const p = parseScript('echo $(hostname) `date` $((1+2)) ${X:-def}')
    const cmd = node(p, root(p).items[0]) as Extract<Node, { t: 'cmd' }>
    expect(cmd.words.slice(1).map((w) => w[0].k)).toEqual(['sub', 'sub', 'arith', 'var'])
  })

  test.each([
    ['if true; then echo', 'syntax error: unexpected end of file (expecting "fi")'],
    ['echo "unterminated', 'syntax error: unterminated quoted string'],
    ['do echo', 'syntax error: unexpected "do"'],
    ['while true; do echo; ', 'syntax error: unexpected end of file (expecting "done")'],
    ['echo a |', 'syntax error: unexpected end of file'],
  ])('syntax error for %j', (src, msg) => {
    expect(() => parseScript(src)).toThrow(ShellSyntaxError)
    expect(() => parseScript(src)).toThrow(msg)
  })
})

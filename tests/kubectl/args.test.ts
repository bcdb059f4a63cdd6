import { describe, expect, it } from 'vitest'
import { GLOBAL_FLAGS, levenshtein, parseArgs, positionalIndexes, suggestionsFor, type FlagSpec } from '../../src/kubectl/args'

const SPECS: FlagSpec[] = [...GLOBAL_FLAGS,
  { name: 'output', short: 'o', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'replicas', type: 'int' },
  { name: 'env', type: 'strings', noSplit: true },
  { name: 'label-columns', short: 'L', type: 'strings' },
  { name: 'wait', type: 'bool' },
]

const parse = (argv: string[]) => {
  const r = parseArgs(argv, SPECS)
  if (!r.ok) throw new Error(r.message)
  return r.value
}

describe('parseArgs', () => {
  it('reads long flags with = and with a separate value', () => {
    const p = parse(['pods', '--output=yaml', '--namespace', 'kube-system'])
    expect(p.flags).toEqual({ output: 'yaml', namespace: 'kube-system' })
    expect(p.args).toEqual(['pods'])
  })
  it('reads attached, separate and = shorthand values', () => {
    expect(parse(['-nfoo']).flags.namespace).toBe('foo')
    expect(parse(['-n', 'foo']).flags.namespace).toBe('foo')
    expect(parse(['-o=wide']).flags.output).toBe('wide')
    expect(parse(['-owide']).flags.output).toBe('wide')
  })
  it('combines boolean shorthands and accepts --flag=false', () => {
    expect(parse(['-it']).flags).toEqual({ stdin: true, tty: true })
    expect(parse(['--wait=false']).flags.wait).toBe(false)
  })
  it('keeps arguments after -- apart', () => {
    const p = parse(['pod', '-i', '--', 'sh', '-c', 'echo --x'])
    expect(p.args).toEqual(['pod'])
    expect(p.dashArgs).toEqual(['sh', '-c', 'echo --x'])
  })
  it('repeats list flags; StringSlice splits on commas, StringArray does not', () => {
    const p = parse(['--env', 'A=1,2', '--env=B=2', '-L', 'app,tier', '-L', 'x'])
    expect(p.flags.env).toEqual(['A=1,2', 'B=2'])
    expect(p.flags['label-columns']).toEqual(['app', 'tier', 'x'])
  })
  it('parses ints and rejects bad ones like pflag', () => {
    expect(parse(['--replicas=3']).flags.replicas).toBe(3)
    const r = parseArgs(['--replicas=abc'], SPECS)
    expect(r).toEqual({ ok: false, message: 'invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax' })
  })
  it('reports unknown flags and missing values', () => {
    expect(parseArgs(['--foo'], SPECS)).toEqual({ ok: false, message: 'unknown flag: --foo' })
    expect(parseArgs(['-z'], SPECS)).toEqual({ ok: false, message: "unknown shorthand flag: 'z' in -z" })
    expect(parseArgs(['-iz'], SPECS)).toEqual({ ok: false, message: "unknown shorthand flag: 'z' in -iz" })
    expect(parseArgs(['--output'], SPECS)).toEqual({ ok: false, message: 'flag needs an argument: --output' })
    expect(parseArgs(['-n'], SPECS)).toEqual({ ok: false, message: "flag needs an argument: 'n' in -n" })
  })
})

describe('command lookup helpers', () => {
  it('skips global flags and their values when finding the command words', () => {
    const argv = ['-n', 'kube-system', 'get', '--context=x', 'pods', '--', 'x']
    expect(positionalIndexes(argv).map((i) => argv[i])).toEqual(['get', 'pods'])
  })
  it('suggests close command names as cobra does', () => {
    expect(levenshtein('gte', 'get')).toBe(2)
    expect(suggestionsFor('gte', ['get', 'apply', 'delete'])).toEqual(['get'])
    expect(suggestionsFor('zzzzz', ['get', 'apply'])).toEqual([])
    expect(suggestionsFor('desc', ['describe', 'delete'])).toEqual(['describe'])
  })
})

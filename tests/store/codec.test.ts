import LZString from 'lz-string'
import { describe, expect, it } from 'vitest'
import { decodeRun, defaultRun, encodeRun, LIMITS, runFromJson, runFromUrl, shareUrl, validateRun, type Run } from '../../src/store'

const sample: Run = {
  v: 1,
  seed: 42,
  config: { workers: 3, cpu: '4', memory: '8Gi', network: 'host-gw' },
  log: [
    { at: 125_000, kind: 'kubectl', payload: { line: 'kubectl apply -f -', stdin: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a+b\n' } },
    { at: 130_000, kind: 'action', payload: { type: 'node.stop', node: 'worker-1' } },
    { at: 130_000, kind: 'action', payload: { type: 'container.crash', pod: 'web-1', namespace: 'default', exitCode: 1 } },
  ],
  time: 140_000,
}

const link = (x: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(x))
const bad = (x: unknown) => {
  const r = decodeRun(link(x))
  expect(r.ok, JSON.stringify(x).slice(0, 80)).toBe(false)
  return r.ok ? '' : r.message
}

describe('share links', () => {
  it('round-trips a run exactly', () => {
    const text = encodeRun(sample)
    expect(text).toMatch(/^[A-Za-z0-9+\-$]+$/)
    expect(decodeRun(text)).toEqual({ ok: true, value: sample })
    expect(runFromUrl(shareUrl('https://x.test/app/?q=1#old', sample))).toEqual({ ok: true, value: sample })
    expect(runFromUrl('https://x.test/#view=net&run=' + text)).toEqual({ ok: true, value: sample })
    expect(runFromUrl('https://x.test/app/')).toBeUndefined()
    expect(runFromUrl('https://x.test/app/#view=net')).toBeUndefined()
    expect(decodeRun(encodeRun(defaultRun()))).toEqual({ ok: true, value: defaultRun() })
  })

  it('rejects garbage with a message, never throws', () => {
    for (const text of ['', 'garbage', '!!!!', 'N4Ig', '%%%', 'a'.repeat(500), 'NoIgLg5g9gDgjCAXEA'])
      expect(decodeRun(text).ok, text.slice(0, 20)).toBe(false)
    expect(runFromUrl('https://x.test/#run=')?.ok).toBe(false)
    expect(runFromUrl('https://x.test/#run=@@@')?.ok).toBe(false)
    const r = decodeRun('garbage')
    expect(!r.ok && r.message).toMatch(/^This link does not hold a valid run: .*Showing the default cluster instead\.$/)
    // Valid lz-string, but not JSON / not an object.
    expect(decodeRun(LZString.compressToEncodedURIComponent('{"v":1,')).ok).toBe(false)
    for (const x of [null, 1, 'run', [], true]) bad(x)
  })

  it('rejects wrong types and out-of-range values', () => {
    const withField = (patch: Record<string, unknown>) => ({ ...sample, ...patch })
    expect(bad(withField({ v: 2 }))).toContain('unsupported run version 2')
    expect(bad(withField({ v: '1' }))).toContain('version')
    expect(bad(withField({ seed: -1 }))).toContain('seed')
    expect(bad(withField({ seed: 1.5 }))).toContain('seed')
    expect(bad(withField({ seed: 1e300 }))).toContain('seed')
    expect(bad(withField({ seed: '42' }))).toContain('seed')
    expect(bad(withField({ time: 1e20 }))).toContain('time')
    expect(bad(withField({ time: -1 }))).toContain('time')
    expect(bad(withField({ config: null }))).toContain('config')
    expect(bad(withField({ config: { ...sample.config, workers: 1e9 } }))).toContain('workers')
    expect(bad(withField({ config: { ...sample.config, workers: '3' } }))).toContain('workers')
    expect(bad(withField({ config: { ...sample.config, cpu: '1e9' } }))).toContain('cpu')
    expect(bad(withField({ config: { ...sample.config, memory: 'lots' } }))).toContain('memory')
    expect(bad(withField({ config: { ...sample.config, network: 'calico' } }))).toContain('network')
    expect(bad(withField({ log: {} }))).toContain('log must be an array')
  })

  it('rejects bad log entries', () => {
    const withEntry = (e: unknown) => ({ ...sample, log: [e] })
    expect(bad(withEntry({ at: 1, kind: 'shell', payload: { line: 'rm -rf /' } }))).toContain('log[0].kind')
    expect(bad(withEntry({ at: 1, kind: 'kubectl' }))).toContain('payload')
    expect(bad(withEntry({ at: 1, kind: 'kubectl', payload: { line: 7 } }))).toContain('line')
    expect(bad(withEntry({ at: 1, kind: 'kubectl', payload: { line: 'x'.repeat(LIMITS.lineChars + 1) } }))).toContain('line')
    expect(bad(withEntry({ at: 1, kind: 'kubectl', payload: { line: 'kubectl get', stdin: 5 } }))).toContain('stdin')
    expect(bad(withEntry({ at: 1e20, kind: 'kubectl', payload: { line: 'kubectl get' } }))).toContain('at')
    expect(bad(withEntry({ at: 'soon', kind: 'kubectl', payload: { line: 'kubectl get' } }))).toContain('at')
    expect(bad(withEntry({ at: 1, kind: 'action', payload: { type: 'node.stop', node: { x: 1 } } }))).toContain('node')
    expect(bad(withEntry({ at: 1, kind: 'action', payload: { type: 'Node Stop!' } }))).toContain('type')
    expect(bad(withEntry({ at: 1, kind: 'action', payload: { type: 'x', a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 } }))).toContain('too many')
    expect(bad(withEntry({ at: 1, kind: 'action', payload: { type: 'x', n: 1e300 } }))).toContain('"n"')
    expect(bad({ ...sample, log: [sample.log[1], sample.log[0]] })).toContain('back in time')
    // __proto__ in JSON is an own key: rejected as a field name, never merged into a prototype.
    const r = decodeRun(LZString.compressToEncodedURIComponent('{"v":1,"seed":1,"config":{"workers":1,"cpu":"1","memory":"1Gi","network":"vxlan"},"log":[{"at":1,"kind":"action","payload":{"type":"x","__proto__":{"polluted":1}}}]}'))
    expect(r.ok).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('drops unknown top-level fields and copies into fresh objects', () => {
    const r = validateRun({ ...sample, extra: 'x', config: { ...sample.config, extra: 1 } })
    expect(r.ok && r.value).toEqual(sample)
  })

  it('rejects oversized input fast: huge links and a log of 10^6 entries', () => {
    const start = Date.now()
    const huge = 'A'.repeat(LIMITS.linkChars + 1)
    expect(decodeRun(huge).ok).toBe(false)
    const entry = { at: 1, kind: 'kubectl', payload: { line: 'kubectl get pods' } }
    const big = { ...sample, log: new Array(1_000_000).fill(entry) }
    const v = validateRun(big)
    expect(!v.ok && v.message).toBe(`log has 1000000 entries (at most ${LIMITS.logEntries})`)
    expect(runFromJson(JSON.stringify(big)).ok).toBe(false)
    // The longest allowed link of noise decompresses to nothing valid, quickly.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'
    let noise = ''
    for (let i = 0; i < LIMITS.linkChars; i++) noise += alphabet[(i * 7919 + ((i * i) % 61)) % alphabet.length]
    expect(decodeRun(noise).ok).toBe(false)
    expect(Date.now() - start).toBeLessThan(10_000)
    // Many manifests: the total stdin size is bounded too.
    const fat = { at: 1, kind: 'kubectl', payload: { line: 'kubectl apply -f -', stdin: 'x'.repeat(LIMITS.stdinChars) } }
    expect(validateRun({ ...sample, log: new Array(20).fill(fat) }).ok).toBe(false)
  })
})

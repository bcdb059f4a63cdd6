// Runs to and from text: JSON for localStorage, lz-string for share links. Every field is
// validated and copied into fresh objects, so a corrupted or hostile input gives a message,
// never an exception or a half-built run.
import LZString from 'lz-string'
import type { Action } from '../engine'
import { RUN_SCHEMA, type LogEntry, type Run, type RunConfig, type StoreResult } from './types'

export const LIMITS = {
  /** Share-link payload (characters after `#run=`); bounds lz-string's decompressed size too. */
  linkChars: 20_000,
  /** Stored JSON (localStorage is ~5 MB per origin). */
  storedChars: 4_000_000,
  logEntries: 5_000,
  lineChars: 4_096,
  stdinChars: 256 * 1024,
  totalStdinChars: 2 * 1024 * 1024,
  /** Sim time: 30 days. */
  maxSimMs: 30 * 86_400_000,
  maxWorkers: 50,
  maxSeed: 0xffffffff,
  actionFields: 8,
  actionValueChars: 256,
}

const BACKENDS = ['vxlan', 'host-gw', 'udp'] as const
const CPU = /^(\d{1,3}(\.\d{1,3})?|\d{1,6}m)$/
const MEMORY = /^\d{1,7}(Ki|Mi|Gi|Ti|k|M|G|T)?$/
const ACTION_TYPE = /^[a-z][a-z0-9.-]{0,39}$/
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]{0,31}$/

class Invalid extends Error {}
const bad = (msg: string): never => {
  throw new Invalid(msg)
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const isInt = (x: unknown, min: number, max: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max

function config(x: unknown): RunConfig {
  if (!isObject(x)) bad('config must be an object')
  const o = x as Record<string, unknown>
  if (!isInt(o.workers, 0, LIMITS.maxWorkers)) bad(`config.workers must be an integer from 0 to ${LIMITS.maxWorkers}`)
  if (typeof o.cpu !== 'string' || !CPU.test(o.cpu)) bad('config.cpu must be a CPU quantity like "2" or "500m"')
  if (typeof o.memory !== 'string' || !MEMORY.test(o.memory)) bad('config.memory must be a memory quantity like "4Gi"')
  if (!BACKENDS.includes(o.network as (typeof BACKENDS)[number])) bad(`config.network must be one of ${BACKENDS.join(', ')}`)
  return { workers: o.workers as number, cpu: o.cpu as string, memory: o.memory as string, network: o.network as RunConfig['network'] }
}

function action(x: unknown, where: string): Action {
  if (!isObject(x)) bad(`${where}: an action must be an object`)
  const o = x as Record<string, unknown>
  if (typeof o.type !== 'string' || !ACTION_TYPE.test(o.type)) bad(`${where}: bad action type`)
  const keys = Object.keys(o)
  if (keys.length > LIMITS.actionFields) bad(`${where}: too many action fields`)
  const out: Action = { type: o.type as string }
  for (const k of keys) {
    if (k === 'type') continue
    if (!FIELD_NAME.test(k)) bad(`${where}: bad action field name`)
    const v = o[k]
    const okValue = (typeof v === 'string' && v.length <= LIMITS.actionValueChars) || (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e9) || typeof v === 'boolean'
    if (!okValue) bad(`${where}: action field "${k}" must be a short string, a number or a boolean`)
    out[k] = v
  }
  return out
}

function log(x: unknown): LogEntry[] {
  if (!Array.isArray(x)) bad('log must be an array')
  const arr = x as unknown[]
  if (arr.length > LIMITS.logEntries) bad(`log has ${arr.length} entries (at most ${LIMITS.logEntries})`)
  const out: LogEntry[] = []
  let prev = 0
  let stdinTotal = 0
  arr.forEach((e, i) => {
    const where = `log[${i}]`
    if (!isObject(e)) bad(`${where} must be an object`)
    const o = e as Record<string, unknown>
    if (!isInt(o.at, 0, LIMITS.maxSimMs)) bad(`${where}.at must be a sim time in ms`)
    if ((o.at as number) < prev) bad(`${where}.at goes back in time`)
    prev = o.at as number
    if (o.kind === 'kubectl') {
      if (!isObject(o.payload)) bad(`${where}.payload must be an object`)
      const p = o.payload as Record<string, unknown>
      if (typeof p.line !== 'string' || p.line.length === 0 || p.line.length > LIMITS.lineChars) bad(`${where}.payload.line must be a command line`)
      const entry: LogEntry = { at: o.at as number, kind: 'kubectl', payload: { line: p.line as string } }
      if (p.stdin !== undefined) {
        if (typeof p.stdin !== 'string' || p.stdin.length > LIMITS.stdinChars) bad(`${where}.payload.stdin must be a string of at most ${LIMITS.stdinChars} characters`)
        stdinTotal += (p.stdin as string).length
        if (stdinTotal > LIMITS.totalStdinChars) bad('the log\'s manifests are too large')
        entry.payload.stdin = p.stdin as string
      }
      out.push(entry)
    } else if (o.kind === 'action') {
      out.push({ at: o.at as number, kind: 'action', payload: action(o.payload, `${where}.payload`) })
    } else bad(`${where}.kind must be "kubectl" or "action"`)
  })
  return out
}

/** Validates an untrusted value as a Run and returns a fresh copy. */
export function validateRun(x: unknown): StoreResult<Run> {
  try {
    if (!isObject(x)) bad('a run must be an object')
    const o = x as Record<string, unknown>
    if (o.v !== RUN_SCHEMA) bad(`unsupported run version ${JSON.stringify(o.v)?.slice(0, 20) ?? 'undefined'} (expected ${RUN_SCHEMA})`)
    if (!isInt(o.seed, 0, LIMITS.maxSeed)) bad('seed must be a non-negative 32-bit integer')
    const run: Run = { v: RUN_SCHEMA, seed: o.seed as number, config: config(o.config), log: log(o.log) }
    if (o.time !== undefined) {
      if (!isInt(o.time, 0, LIMITS.maxSimMs)) bad('time must be a sim time in ms')
      run.time = o.time as number
    }
    return { ok: true, value: run }
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, message: e.message }
    return { ok: false, message: `invalid run: ${e instanceof Error ? e.message : String(e)}` }
  }
}

function parseJson(text: string): StoreResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (_) {
    return { ok: false, message: 'not valid JSON' }
  }
}

export function runToJson(run: Run): string {
  return JSON.stringify(run)
}

export function runFromJson(text: string): StoreResult<Run> {
  if (typeof text !== 'string') return { ok: false, message: 'saved run is not text' }
  if (text.length > LIMITS.storedChars) return { ok: false, message: 'saved run is too large' }
  const j = parseJson(text)
  return j.ok ? validateRun(j.value) : { ok: false, message: `saved run is ${j.message}` }
}

/** Share-link text (URL-safe). */
export function encodeRun(run: Run): string {
  return LZString.compressToEncodedURIComponent(runToJson(run))
}

export function decodeRun(text: string): StoreResult<Run> {
  const fail = (message: string): StoreResult<Run> => ({ ok: false, message: `This link does not hold a valid run: ${message}. Showing the default cluster instead.` })
  if (typeof text !== 'string' || text.length === 0) return fail('it is empty')
  if (text.length > LIMITS.linkChars) return fail(`it is too long (${text.length} characters, at most ${LIMITS.linkChars})`)
  if (!/^[A-Za-z0-9+\-$]*$/.test(text)) return fail('it contains characters a share link never has')
  let json: string | null
  try {
    json = LZString.decompressFromEncodedURIComponent(text)
  } catch (_) {
    json = null
  }
  if (!json) return fail('it is corrupted')
  const j = parseJson(json)
  if (!j.ok) return fail('it is corrupted')
  const r = validateRun(j.value)
  return r.ok ? r : fail(r.message)
}

/** Reads `#run=…` from a URL; undefined when the URL has none. */
export function runFromUrl(href: string): StoreResult<Run> | undefined {
  const hash = href.indexOf('#')
  if (hash < 0) return undefined
  // Not URLSearchParams: it would turn lz-string's '+' into a space.
  const part = href.slice(hash + 1).split('&').find((p) => p.startsWith('run='))
  if (part === undefined) return undefined
  return decodeRun(part.slice(4))
}

/** `base` with the run in its fragment. */
export function shareUrl(base: string, run: Run): string {
  const hash = base.indexOf('#')
  return `${hash < 0 ? base : base.slice(0, hash)}#run=${encodeRun(run)}`
}

/** A canonical copy of an engine poke (type first), or undefined when it is not plain, bounded data. */
export function canonicalAction(x: unknown): Action | undefined {
  try {
    return action(x, 'action')
  } catch (_) {
    return undefined
  }
}

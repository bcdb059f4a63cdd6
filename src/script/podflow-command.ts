// `podflow …` lines in scenario scripts: pokes kubectl has no verb for (stop a node, crash a
// container), plus time and hash helpers. Prints like a terminal: results on stdout, errors on stderr.
import type { Action, Cluster } from '../engine'
import { parseDuration } from './parse'

export interface CommandOutput {
  out(text: string): void
  err(text: string): void
}

export const PODFLOW_USAGE = [
  'podflow node stop|start|remove NODE',
  'podflow node add',
  'podflow crash POD [-c CONTAINER] [--exit CODE] [-n NAMESPACE]',
  'podflow advance DURATION',
  'podflow hash',
]

function act(c: Cluster, action: Action, io: CommandOutput): number {
  const r = c.act(action)
  if (!r.ok) {
    io.err(`error: ${r.status.message}\n`)
    return 1
  }
  if (r.value) io.out(r.value.endsWith('\n') ? r.value : r.value + '\n')
  return 0
}

function usage(io: CommandOutput, msg: string): number {
  io.err(`error: ${msg}\nusage:\n${PODFLOW_USAGE.map((u) => '  ' + u).join('\n')}\n`)
  return 1
}

function parseCrash(args: string[]): Action | string {
  const action: Action = { type: 'container.crash', namespace: 'default' }
  const rest: string[] = []
  for (let k = 0; k < args.length; k++) {
    const a = args[k]
    const eq = a.indexOf('=')
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined]
    const value = () => inline ?? args[++k]
    if (flag === '-c' || flag === '--container') action.container = value()
    else if (flag === '-n' || flag === '--namespace') action.namespace = value()
    else if (flag === '--exit' || flag === '--exit-code') {
      const v = value()
      if (v === undefined || !/^\d+$/.test(v)) return `invalid exit code ${JSON.stringify(v ?? '')}`
      action.exitCode = Number(v)
    } else if (a.startsWith('-')) return `unknown flag ${a} for podflow crash`
    else rest.push(a)
  }
  if (rest.length !== 1) return 'podflow crash needs exactly one POD'
  action.pod = rest[0].replace(/^pods?\//, '').replace(/^po\//, '')
  if (action.container === undefined) delete action.container
  if (action.namespace === undefined) return 'flag -n needs a namespace'
  return action
}

/** Runs `podflow ARGS` (args without the leading "podflow"); returns the exit code. */
export function runPodflowCommand(c: Cluster, args: string[], io: CommandOutput): number {
  const [verb, ...rest] = args
  switch (verb) {
    case 'node': {
      const [sub, name, ...extra] = rest
      if (sub === 'add') {
        if (name !== undefined) return usage(io, 'podflow node add takes no arguments')
        return act(c, { type: 'node.add' }, io)
      }
      if (sub === 'stop' || sub === 'start' || sub === 'remove') {
        if (name === undefined || extra.length) return usage(io, `podflow node ${sub} needs exactly one NODE`)
        return act(c, { type: `node.${sub}`, node: name.replace(/^nodes?\//, '') }, io)
      }
      return usage(io, `unknown podflow command "node${sub ? ' ' + sub : ''}"`)
    }
    case 'crash': {
      const a = parseCrash(rest)
      if (typeof a === 'string') return usage(io, a)
      return act(c, a, io)
    }
    case 'advance': {
      const ms = rest.length ? rest.map(parseDuration) : [undefined]
      if (ms.some((m) => m === undefined)) return usage(io, `podflow advance needs a duration like 30s, 5m or 1h`)
      c.advance(ms.reduce<number>((s, m) => s + (m as number), 0))
      return 0
    }
    case 'hash':
      if (rest.length) return usage(io, 'podflow hash takes no arguments')
      io.out(c.hash() + '\n')
      return 0
    default:
      io.err(`error: unknown podflow command "${verb ?? ''}"\n`)
      return 1
  }
}

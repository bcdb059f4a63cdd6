// `podflow …` lines in scenario scripts: pokes kubectl has no verb for (stop a node, crash a
// container), plus time and hash helpers. Prints like a terminal: results on stdout, errors on stderr.
import { formatTrace, iptablesSave, traceConnection, type Action, type Cluster } from '../engine'
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
  'podflow trace SRC DST [--port N] [-n NAMESPACE]   (SRC/DST: pod/NAME, svc/NAME, node/NAME, external, an IP)',
  'podflow iptables NODE [-t nat|filter]',
  'podflow load svc/NAME|pod/NAME --rps N [-n NAMESPACE] [--from external|node/NAME|pod/NAME] [--port N]',
  'podflow net partition|heal NODE',
  'podflow flannel stop|start NODE',
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

interface Flags {
  positional: string[]
  values: Record<string, string>
}

/** Splits `--flag value`, `--flag=value` and `-n value`; `known` maps every accepted spelling to a key. */
function parseFlags(args: string[], known: Record<string, string>, verb: string): Flags | string {
  const out: Flags = { positional: [], values: {} }
  for (let k = 0; k < args.length; k++) {
    const a = args[k]
    const eq = a.indexOf('=')
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined]
    if (!flag.startsWith('-') || flag === '-') {
      out.positional.push(a)
      continue
    }
    const key = known[flag]
    if (!key) return `unknown flag ${flag} for podflow ${verb}`
    const v = inline ?? args[++k]
    if (v === undefined) return `flag ${flag} needs a value`
    out.values[key] = v
  }
  return out
}

function portFlag(v: string | undefined): number | undefined | string {
  if (v === undefined) return undefined
  return /^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536 ? Number(v) : `invalid port ${JSON.stringify(v)}`
}

function runTrace(c: Cluster, args: string[], io: CommandOutput): number {
  const f = parseFlags(args, { '--port': 'port', '-p': 'port', '-n': 'namespace', '--namespace': 'namespace' }, 'trace')
  if (typeof f === 'string') return usage(io, f)
  if (f.positional.length !== 2) return usage(io, 'podflow trace needs a SRC and a DST')
  const port = portFlag(f.values.port)
  if (typeof port === 'string') return usage(io, port)
  const r = traceConnection(c, f.positional[0], f.positional[1], { port, namespace: f.values.namespace })
  if (!r.ok) {
    io.err(`error: ${r.status.message}\n`)
    return 1
  }
  io.out(formatTrace(r.value))
  return 0
}

function runIptables(c: Cluster, args: string[], io: CommandOutput): number {
  const f = parseFlags(args, { '-t': 'table', '--table': 'table' }, 'iptables')
  if (typeof f === 'string') return usage(io, f)
  if (f.positional.length !== 1) return usage(io, 'podflow iptables needs exactly one NODE')
  const table = f.values.table ?? 'nat'
  if (table !== 'nat' && table !== 'filter') return usage(io, `unknown table "${table}" (nat or filter)`)
  const node = f.positional[0].replace(/^nodes?\//, '')
  const text = iptablesSave(c, node, table)
  if (text === undefined) {
    io.err(`error: node "${node}" not found\n`)
    return 1
  }
  io.out(text)
  return 0
}

function runLoad(c: Cluster, args: string[], io: CommandOutput): number {
  const f = parseFlags(args, { '--rps': 'rps', '-n': 'namespace', '--namespace': 'namespace', '--from': 'from', '--port': 'port' }, 'load')
  if (typeof f === 'string') return usage(io, f)
  if (f.positional.length !== 1) return usage(io, 'podflow load needs exactly one target (svc/NAME or pod/NAME)')
  const m = /^(svc|service|pod|po)\/([a-z0-9][a-z0-9.-]*)$/.exec(f.positional[0])
  if (!m) return usage(io, `invalid target "${f.positional[0]}": use svc/NAME or pod/NAME`)
  if (f.values.rps === undefined) return usage(io, 'podflow load needs --rps N (0 stops the load)')
  if (!/^\d+(\.\d+)?$/.test(f.values.rps)) return usage(io, `invalid rate ${JSON.stringify(f.values.rps)}: requests per second must be a number ≥ 0`)
  const port = portFlag(f.values.port)
  if (typeof port === 'string') return usage(io, port)
  const ns = f.values.namespace ?? 'default'
  let from = f.values.from
  const fm = from && /^(pod|po|node)\/([a-z0-9][a-z0-9.-]*)$/.exec(from)
  if (fm) from = fm[1] === 'node' ? `node/${fm[2]}` : `pod/${ns}/${fm[2]}`
  else if (from !== undefined && from !== 'external') return usage(io, `invalid source "${from}": use external, node/NAME or pod/NAME`)
  const action: Action = { type: 'traffic.set', target: `${m[1].startsWith('s') ? 'svc' : 'pod'}/${ns}/${m[2]}`, rps: Number(f.values.rps) }
  if (from !== undefined) action.from = from
  if (port !== undefined) action.port = port
  return act(c, action, io)
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
    case 'trace':
      return runTrace(c, rest, io)
    case 'iptables':
      return runIptables(c, rest, io)
    case 'load':
      return runLoad(c, rest, io)
    case 'net': {
      const [sub, name, ...extra] = rest
      if (sub !== 'partition' && sub !== 'heal') return usage(io, `unknown podflow command "net${sub ? ' ' + sub : ''}"`)
      if (name === undefined || extra.length) return usage(io, `podflow net ${sub} needs exactly one NODE`)
      return act(c, { type: sub === 'partition' ? 'node.partition' : 'node.unpartition', node: name.replace(/^nodes?\//, '') }, io)
    }
    case 'flannel': {
      const [sub, name, ...extra] = rest
      if (sub !== 'stop' && sub !== 'start') return usage(io, `unknown podflow command "flannel${sub ? ' ' + sub : ''}"`)
      if (name === undefined || extra.length) return usage(io, `podflow flannel ${sub} needs exactly one NODE`)
      return act(c, { type: `flannel.${sub}`, node: name.replace(/^nodes?\//, '') }, io)
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

// Runs one terminal line against a cluster, like the script runner does for one command:
// `kubectl …` (with pipes into grep/head/tail/wc and a heredoc for `-f -`) or a `podflow …` poke.
// Blocking commands (wait, rollout status) advance the cluster directly, so a replay of the same
// line at the same sim time does exactly the same thing.
import type { Action, Cluster } from '../engine'
import { runKubectl } from '../kubectl'
import type { KubectlIO } from '../kubectl/types'
import { parseScript, ScriptError, waitUntil, type Command } from '../script'
import { applyFilters, splitLines } from '../script/filters'
import { runPodflowCommand } from '../script/podflow-command'
import type { CommandOutput, StoreResult } from './types'

/** Parses a terminal line (plus optional stdin) into one runnable command. */
export function parseLine(line: string, stdin?: string): StoreResult<Command> {
  let cmds: Command[]
  try {
    cmds = parseScript(line, 'terminal').commands
  } catch (e) {
    if (e instanceof ScriptError) return { ok: false, message: e.reason }
    throw e
  }
  if (cmds.length !== 1) return { ok: false, message: cmds.length ? 'one command at a time' : 'empty command' }
  const cmd = cmds[0]
  if (cmd.program === 'sleep') return { ok: false, message: 'sleep: time runs with the playback controls here' }
  if (cmd.program === 'podflow' && cmd.args[0] === 'advance') return { ok: false, message: 'podflow advance: time runs with the playback controls here' }
  if (stdin !== undefined) cmd.stdin = stdin
  return { ok: true, value: cmd }
}

/** Executes a parsed command; never throws (an engine bug prints as an internal error). */
export async function execute(c: Cluster, cmd: Command): Promise<CommandOutput> {
  const chunks: { err: boolean; text: string }[] = []
  const io = { out: (text: string) => void chunks.push({ err: false, text }), err: (text: string) => void chunks.push({ err: true, text }) }
  let exitCode: number
  try {
    if (cmd.program === 'podflow') exitCode = runPodflowCommand(c, cmd.args, io)
    else {
      const kio: KubectlIO = { ...io, stdin: cmd.stdin, waitUntil: async (cond, timeoutMs) => waitUntil(c, cond, timeoutMs), streamLimitMs: 0 }
      exitCode = await runKubectl(c, cmd.args, kio)
    }
  } catch (e) {
    chunks.push({ err: true, text: `podflow: internal error: ${e instanceof Error ? e.message : String(e)}\n` })
    exitCode = 1
  }
  if (cmd.filters.length === 0) return { exitCode, output: chunks.map((k) => k.text).join('') }
  const err = splitLines(chunks.filter((k) => k.err).map((k) => k.text).join(''))
  const out = applyFilters(cmd.filters, chunks.filter((k) => !k.err).map((k) => k.text).join(''))
  const lines = [...err, ...out]
  return { exitCode, output: lines.length ? lines.join('\n') + '\n' : '' }
}

/** Applies an engine poke; prints like `podflow …` does. */
export function executeAction(c: Cluster, action: Action): CommandOutput {
  try {
    const r = c.act(action)
    if (!r.ok) return { exitCode: 1, output: `error: ${r.status.message}\n` }
    return { exitCode: 0, output: r.value ? (r.value.endsWith('\n') ? r.value : r.value + '\n') : '' }
  } catch (e) {
    return { exitCode: 1, output: `podflow: internal error: ${e instanceof Error ? e.message : String(e)}\n` }
  }
}

/** The terminal line a poke corresponds to (`podflow node stop worker-1`), for the log view. */
export function actionLine(a: Action): string {
  const s = (v: unknown) => String(v ?? '')
  switch (a.type) {
    case 'node.add':
      return 'podflow node add'
    case 'node.stop':
    case 'node.start':
    case 'node.remove':
      return `podflow node ${a.type.slice(5)} ${s(a.node)}`
    case 'container.crash': {
      let line = `podflow crash ${s(a.pod)}`
      if (a.namespace !== undefined && a.namespace !== 'default') line += ` -n ${s(a.namespace)}`
      if (a.container !== undefined) line += ` -c ${s(a.container)}`
      if (a.exitCode !== undefined) line += ` --exit ${s(a.exitCode)}`
      return line
    }
    default:
      return `podflow ${a.type} ${JSON.stringify(a)}`
  }
}

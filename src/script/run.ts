// Runs a parsed scenario script against a fresh cluster and records, per command, the output a
// terminal would show and whether its `#>` expectations hold.
import { createCluster, type Cluster, type CreateOptions } from '../engine'
import { runKubectl } from '../kubectl'
import type { KubectlIO } from '../kubectl/types'
import { applyFilters, splitLines } from './filters'
import { formatDiff, matchLines } from './match'
import { parseDuration, parseScript } from './parse'
import { runPodflowCommand } from './podflow-command'
import type { Command, Script, ScriptHeader } from './types'

/** Sim-time step used while a blocking kubectl command waits. */
export const WAIT_STEP_MS = 100

export interface StepResult {
  /** 1-based line of the command. */
  line: number
  text: string
  exitCode: number
  /** Output lines as the terminal shows them (stderr, then the filtered stdout, for a pipeline). */
  output: string[]
  expected: string[]
  expectLines: number[]
  /** Whether the command had expectations. */
  checked: boolean
  /** Expectations hold (true when unchecked), and the command did not crash. */
  ok: boolean
  /** Readable diff when not ok. */
  diff?: string
  /** An exception thrown while running the command (a Podflow bug, not a kubectl error). */
  crash?: string
}

export interface Transcript {
  file: string
  steps: StepResult[]
  ok: boolean
  passedChecks: number
  failedChecks: number
  cluster: Cluster
}

export function clusterOptions(h: ScriptHeader): CreateOptions {
  const o: CreateOptions = {}
  if (h.seed !== undefined) o.seed = h.seed
  if (h.workers !== undefined) o.workers = h.workers
  if (h.cpu !== undefined) o.nodeCpu = h.cpu
  if (h.memory !== undefined) o.nodeMemory = h.memory
  if (h.network !== undefined) o.network = { backend: h.network }
  return o
}

export interface RunOptions {
  /** Run against this cluster instead of a fresh one built from the header. */
  cluster?: Cluster
  /** Sim time a stream (`-w`, `logs -f`) may run; 0 prints the initial state only. */
  streamLimitMs?: number
  /** Virtual files for `kubectl apply -f FILE`. */
  files?: Record<string, string>
  /** Called after each command (for live printing). */
  onStep?: (step: StepResult) => void
}

/** Advances the cluster in small steps until `cond` holds or `timeoutMs` of sim time pass. */
export function waitUntil(c: Cluster, cond: () => boolean, timeoutMs: number): boolean {
  const end = c.now + Math.max(0, timeoutMs)
  while (!cond()) {
    if (c.now >= end) return false
    c.advance(Math.min(WAIT_STEP_MS, end - c.now))
  }
  return true
}

interface Chunk {
  stream: 'out' | 'err'
  text: string
}

async function execute(c: Cluster, cmd: Command, opts: RunOptions): Promise<{ chunks: Chunk[]; exitCode: number; crash?: string }> {
  const chunks: Chunk[] = []
  const io = {
    out: (text: string) => void chunks.push({ stream: 'out', text }),
    err: (text: string) => void chunks.push({ stream: 'err', text }),
  }
  try {
    if (cmd.program === 'sleep') {
      c.advance(cmd.args.reduce((s, a) => s + (parseDuration(a) ?? 0), 0))
      return { chunks, exitCode: 0 }
    }
    if (cmd.program === 'podflow') return { chunks, exitCode: runPodflowCommand(c, cmd.args, io) }
    const kio: KubectlIO = {
      ...io,
      stdin: cmd.stdin,
      files: opts.files,
      waitUntil: async (cond, timeoutMs) => waitUntil(c, cond, timeoutMs),
      streamLimitMs: opts.streamLimitMs ?? 0,
    }
    return { chunks, exitCode: await runKubectl(c, cmd.args, kio) }
  } catch (e) {
    const msg = e instanceof Error ? (e.stack ?? e.message) : String(e)
    chunks.push({ stream: 'err', text: `podflow: internal error: ${msg}\n` })
    return { chunks, exitCode: 1, crash: msg }
  }
}

/** What the terminal shows: unfiltered commands interleave; pipelines show stderr first. */
function terminalLines(cmd: Command, chunks: Chunk[]): string[] {
  if (cmd.filters.length === 0) return splitLines(chunks.map((k) => k.text).join(''))
  const err = chunks.filter((k) => k.stream === 'err').map((k) => k.text).join('')
  const out = chunks.filter((k) => k.stream === 'out').map((k) => k.text).join('')
  return [...splitLines(err), ...applyFilters(cmd.filters, out)]
}

export async function runScript(script: Script, opts: RunOptions = {}): Promise<Transcript> {
  const c = opts.cluster ?? createCluster(clusterOptions(script.header))
  const steps: StepResult[] = []
  let passedChecks = 0
  let failedChecks = 0
  for (const cmd of script.commands) {
    const { chunks, exitCode, crash } = await execute(c, cmd, opts)
    const output = terminalLines(cmd, chunks)
    const checked = cmd.expect.length > 0
    const step: StepResult = { line: cmd.line, text: cmd.text, exitCode, output, expected: cmd.expect, expectLines: cmd.expectLines, checked, ok: true }
    if (checked) {
      const m = matchLines(cmd.expect, output)
      if (!m.ok) {
        step.ok = false
        step.diff = formatDiff(cmd.expect, output, m)
      }
    }
    if (crash) {
      step.ok = false
      step.crash = crash
      step.diff = (step.diff ? step.diff + '\n' : '') + `  the command crashed: ${crash.split('\n').slice(0, 4).join('\n    ')}`
    }
    if (checked || crash) {
      if (step.ok) passedChecks++
      else failedChecks++
    }
    steps.push(step)
    opts.onStep?.(step)
  }
  return { file: script.file, steps, ok: failedChecks === 0, passedChecks, failedChecks, cluster: c }
}

/** Parses and runs script source (throws ScriptError on a parse error). */
export async function runSource(source: string, file = 'script.sh', opts: RunOptions = {}): Promise<Transcript> {
  return runScript(parseScript(source, file), opts)
}

/** The failures of a transcript, formatted like `podflow check` prints them. */
export function formatFailures(t: Transcript): string {
  return t.steps
    .filter((s) => !s.ok)
    .map((s) => `${t.file}:${s.line}: ${s.text.split('\n')[0]}\n${s.diff ?? ''}`)
    .join('\n\n')
}

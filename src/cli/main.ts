// The `podflow` command line: run, check and hash scenario scripts; run the benchmarks.
// The engine is loaded lazily so `--help` and usage errors stay instant.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseScript } from '../script/parse'
import type { StepResult, Transcript } from '../script/run'
import { ScriptError, type Script } from '../script/types'

export const USAGE = `Usage: podflow <command> [args]

Commands:
  run FILE          run a scenario script and print the transcript ($ command, then its output)
  check FILE...     run scripts and check their #> expectations; prints each failure with a diff,
                    then "N passed, N failed" (one count per script); exits 1 on any failure
  hash FILE         run a script and print the final cluster state hash
  bench [ID...]     run the performance benchmarks (JSON lines), or only those given (E1 E3 E5 E6)
  trace [-f FILE] SRC DST [--port N] [-n NS]
                    walk one connection through the simulated network and print its hop table
                    (SRC/DST: pod/NAME, svc/NAME, node/NAME, external, an IP); with -f, in the
                    cluster FILE's script leaves behind, else in a fresh default cluster
  iptables [-f FILE] NODE [-t nat|filter]
                    print a node's iptables rules as iptables-save does
  --help            show this help

Scenario scripts are a subset of bash: kubectl ..., podflow ..., sleep N, heredocs and pipes into
grep/head/tail/wc. See tests/golden/README.md for the expectation (#>) rules.
`

export interface CliIO {
  out(text: string): void
  err(text: string): void
}

async function runScript(...args: Parameters<typeof import('../script/run').runScript>) {
  const run = await import('../script/run')
  return run.runScript(...args)
}

const stdio: CliIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
}

/** Reads and parses a script; on failure prints the error (to `report`) and returns undefined. */
function load(file: string, io: CliIO, report: (text: string) => void = io.err): Script | undefined {
  let source: string
  try {
    source = readFileSync(file, 'utf8')
  } catch (e) {
    report(`podflow: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`)
    return undefined
  }
  try {
    return parseScript(source, file)
  } catch (e) {
    if (e instanceof ScriptError) {
      report(`${e.message}\n`)
      return undefined
    }
    throw e
  }
}

function printStep(io: CliIO, step: StepResult): void {
  io.out(`$ ${step.text}\n`)
  for (const l of step.output) io.out(l + '\n')
}

async function cmdRun(files: string[], io: CliIO): Promise<number> {
  if (files.length !== 1) return usageError(io, 'run needs exactly one FILE')
  const script = load(files[0], io)
  if (!script) return 1
  const t = await runScript(script, { onStep: (s) => printStep(io, s) })
  if (!t.ok) {
    for (const s of t.steps.filter((x) => !x.ok)) io.err(`${t.file}:${s.line}: expectation failed: ${s.text.split('\n')[0]}\n${s.diff ?? ''}\n`)
    return 1
  }
  return 0
}

function reportFailures(io: CliIO, t: Transcript): void {
  for (const s of t.steps.filter((x) => !x.ok)) {
    io.out(`${t.file}:${s.line}: $ ${s.text.split('\n')[0]}\n${s.diff ?? ''}\n\n`)
  }
}

async function cmdCheck(files: string[], io: CliIO): Promise<number> {
  if (files.length === 0) return usageError(io, 'check needs at least one FILE')
  let passed = 0
  let failed = 0
  for (const file of files) {
    // In a check, parse errors are part of the report on stdout, in order with the rest.
    const script = load(file, io, io.out)
    if (!script) {
      io.out(`FAIL ${file}\n`)
      failed++
      continue
    }
    let t: Transcript
    try {
      t = await runScript(script)
    } catch (e) {
      io.out(`FAIL ${file}: ${(e as Error).stack ?? e}\n`)
      failed++
      continue
    }
    reportFailures(io, t)
    if (t.ok) passed++
    else failed++
    io.out(`${t.ok ? 'ok  ' : 'FAIL'} ${file} (${t.passedChecks}/${t.passedChecks + t.failedChecks} expectations)\n`)
  }
  io.out(`${passed} passed, ${failed} failed\n`)
  return failed ? 1 : 0
}

async function cmdHash(files: string[], io: CliIO): Promise<number> {
  if (files.length !== 1) return usageError(io, 'hash needs exactly one FILE')
  const script = load(files[0], io)
  if (!script) return 1
  const t = await runScript(script)
  io.out(t.cluster.hash() + '\n')
  return 0
}

async function cmdBench(args: string[], io: CliIO): Promise<number> {
  const bad = args.find((a) => !/^E\d+$/.test(a))
  if (bad) return usageError(io, `bench takes benchmark ids (E1, E3, E5, E6), got "${bad}"`)
  const { runBenchmarks } = await import('../../bench/run')
  const results = await runBenchmarks((line) => io.out(line + '\n'), args)
  return results.every((r) => r.ratio >= 1) ? 0 : 1
}

/**
 * `trace` and `iptables` look at a cluster: the one a script (-f FILE) leaves behind, or a fresh
 * default cluster. The verbs themselves are the scenario scripts' `podflow` lines.
 */
async function cmdInspect(verb: string, args: string[], io: CliIO): Promise<number> {
  const rest: string[] = []
  let file: string | undefined
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-f' || args[i] === '--file') {
      file = args[++i]
      if (file === undefined) return usageError(io, `${verb} -f needs a FILE`)
    } else rest.push(args[i])
  }
  const script = file ? load(file, io) : parseScript('', '(default cluster)')
  if (!script) return 1
  const t = await runScript(script)
  if (!t.ok) {
    for (const s of t.steps.filter((x) => !x.ok)) io.err(`${t.file}:${s.line}: expectation failed: ${s.text.split('\n')[0]}\n${s.diff ?? ''}\n`)
    return 1
  }
  const { runPodflowCommand } = await import('../script/podflow-command')
  return runPodflowCommand(t.cluster, [verb, ...rest], io)
}

function usageError(io: CliIO, msg: string): number {
  io.err(`podflow: ${msg}\n\n${USAGE}`)
  return 2
}

export async function main(argv: string[], io: CliIO = stdio): Promise<number> {
  const [cmd, ...rest] = argv
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(USAGE)
    return 0
  }
  switch (cmd) {
    case 'run':
      return cmdRun(rest, io)
    case 'check':
      return cmdCheck(rest, io)
    case 'hash':
      return cmdHash(rest, io)
    case 'bench':
      return cmdBench(rest, io)
    case 'trace':
    case 'iptables':
      return cmdInspect(cmd, rest, io)
    case undefined:
      return usageError(io, 'missing command')
    default:
      return usageError(io, `unknown command "${cmd}"`)
  }
}

// Run when executed directly (`tsx src/cli/main.ts`); bin/podflow.mjs calls main() itself.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (e) => {
      process.stderr.write(`podflow: ${(e as Error).stack ?? e}\n`)
      process.exitCode = 1
    },
  )
}

// Parses a scenario script (DESIGN.md "Scenario scripts"; tests/golden/README.md): header,
// comments, commands with heredocs and pipes, and the `#>` expectations of each command.
import type { NetworkBackend } from '../engine'
import { FilterError, parseFilter } from './filters'
import { lexCommand, LexError, type Token } from './lex'
import { ScriptError, type Command, type Script, type ScriptHeader } from './types'

const PROGRAMS = new Set(['kubectl', 'podflow', 'sleep'])
const FILTERS = new Set(['grep', 'head', 'tail', 'wc'])
const BACKENDS: NetworkBackend[] = ['vxlan', 'host-gw', 'udp']
const QUANTITY = /^\d+(\.\d+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/

const unsupported = (word: string) =>
  `unsupported command "${word}" (scenario scripts run kubectl, podflow, sleep and pipes into grep/head/tail/wc)`

function parseHeader(text: string, fail: (msg: string) => never): ScriptHeader {
  const header: ScriptHeader = {}
  for (const pair of text.trim().split(/\s+/).filter(Boolean)) {
    const m = /^([a-z]+)=(.*)$/.exec(pair)
    if (!m) fail(`bad header entry "${pair}" (expected key=value)`)
    const [, key, value] = m
    if (key === 'seed' || key === 'workers') {
      if (!/^\d+$/.test(value)) fail(`header ${key} must be a non-negative integer, got "${value}"`)
      const n = Number(value)
      if (key === 'workers' && (n < 1 || n > 500)) fail(`header workers must be between 1 and 500, got ${n}`)
      header[key] = n
    } else if (key === 'network') {
      if (!BACKENDS.includes(value as NetworkBackend)) fail(`header network must be one of ${BACKENDS.join(', ')}, got "${value}"`)
      header.network = value as NetworkBackend
    } else if (key === 'cpu' || key === 'memory') {
      if (!QUANTITY.test(value)) fail(`header ${key} must be a quantity like "2" or "4Gi", got "${value}"`)
      header[key] = value
    } else fail(`unknown header key "${key}" (known: seed, workers, network, cpu, memory)`)
  }
  return header
}

/** `sleep` durations: seconds, with optional s/m/h/d suffix and fractions; several are summed. */
export function parseDuration(word: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(word)
  if (!m) return undefined
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]] as number
  return Math.round(Number(m[1]) * unit)
}

function splitPipeline(tokens: Token[]): Token[][] {
  const stages: Token[][] = [[]]
  for (const t of tokens) {
    if (t.kind === 'pipe') stages.push([])
    else stages[stages.length - 1].push(t)
  }
  return stages
}

export function parseScript(source: string, file = 'script.sh'): Script {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const commands: Command[] = []
  let header: ScriptHeader = {}
  let headerSeen = false
  let i = 0
  const failAt = (index: number, msg: string): never => {
    throw new ScriptError(file, index + 1, msg)
  }

  while (i < lines.length) {
    const raw = lines[i]
    const trimmed = raw.trim()
    if (trimmed === '') {
      i++
      continue
    }
    if (trimmed.startsWith('#>')) {
      const cmd = commands[commands.length - 1]
      if (!cmd) failAt(i, 'expectation `#>` before any command')
      cmd.expect.push(trimmed.slice(2))
      cmd.expectLines.push(i + 1)
      i++
      continue
    }
    if (trimmed.startsWith('#')) {
      const h = /^#\s*podflow:(.*)$/.exec(trimmed)
      if (h) {
        if (headerSeen) failAt(i, 'a second `# podflow:` header')
        if (commands.length) failAt(i, 'the `# podflow:` header must come before the first command')
        header = parseHeader(h[1], (msg) => failAt(i, msg))
        headerSeen = true
      }
      i++
      continue
    }

    const start = i
    let lexed
    try {
      lexed = lexCommand(lines, i)
    } catch (e) {
      if (e instanceof LexError) failAt(e.lineIndex, e.reason)
      throw e
    }
    const text = lines.slice(start, lexed.lastLine + 1).map((l) => l.trim()).join('\n')
    i = lexed.lastLine + 1
    const stages = splitPipeline(lexed.tokens)
    if (stages.some((s) => s.length === 0)) failAt(start, 'empty command in a pipeline')

    // Heredocs: only on the first stage; the body follows the command line(s).
    let stdin: string | undefined
    const first = stages[0]
    const heredocs = first.filter((t) => t.kind === 'heredoc')
    if (stages.slice(1).some((s) => s.some((t) => t.kind === 'heredoc'))) failAt(start, 'a heredoc may only feed the first command of a pipeline')
    if (heredocs.length > 1) failAt(start, 'only one heredoc per command is supported')
    const hd = heredocs[0]
    if (hd && hd.kind === 'heredoc') {
      const body: string[] = []
      for (;;) {
        if (i >= lines.length) failAt(start, `unterminated heredoc: no line "${hd.delimiter}" after it`)
        const l = hd.stripTabs ? lines[i].replace(/^\t+/, '') : lines[i]
        i++
        if (l === hd.delimiter) break
        body.push(l)
      }
      stdin = body.length ? body.join('\n') + '\n' : ''
    }

    const words = (stage: Token[]) => stage.filter((t) => t.kind === 'word').map((t) => (t as { text: string }).text)
    const [program, ...args] = words(first)
    if (program === undefined) failAt(start, 'a heredoc without a command')
    if (!PROGRAMS.has(program)) failAt(start, unsupported(program))

    const filters = []
    for (const stage of stages.slice(1)) {
      const [tool, ...targs] = words(stage)
      if (!FILTERS.has(tool)) failAt(start, unsupported(tool))
      try {
        filters.push(parseFilter(tool, targs))
      } catch (e) {
        if (e instanceof FilterError) failAt(start, e.message)
        throw e
      }
    }

    if (program === 'sleep') {
      if (filters.length || stdin !== undefined) failAt(start, 'sleep takes no pipes or heredocs')
      if (args.length === 0) failAt(start, 'sleep: missing duration')
      for (const a of args) if (parseDuration(a) === undefined) failAt(start, `sleep: invalid duration "${a}" (use N, Ns, Nm or Nh)`)
    }

    commands.push({ line: start + 1, text, program: program as Command['program'], args, stdin, filters, expect: [], expectLines: [] })
  }
  return { file, header, commands }
}

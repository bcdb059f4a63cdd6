// The parsed form of a scenario script (DESIGN.md "Scenario scripts"): a header, then commands
// each with its `#>` expectations. Plain data so it can be shown, stored and re-run.
import type { NetworkBackend } from '../engine'

export interface ScriptHeader {
  seed?: number
  workers?: number
  network?: NetworkBackend
  /** Worker node capacity (Kubernetes quantities). */
  cpu?: string
  memory?: string
}

/** A filter stage after `|`: the shell tools scripts may pipe kubectl's stdout into. */
export type Filter =
  | {
      kind: 'grep'
      pattern: string
      count: boolean
      ignoreCase: boolean
      invert: boolean
      extended: boolean
      fixed: boolean
      word: boolean
      after: number
      before: number
    }
  /** `n` ≥ 0: first n lines; n < 0: all but the last -n lines (GNU head -n -N). */
  | { kind: 'head'; n: number }
  /** `n` lines from the end, or from line `from` (1-based) when written `-n +N`. */
  | { kind: 'tail'; n: number; from?: number }
  | { kind: 'wc-l' }

export interface Command {
  /** 1-based line where the command starts. */
  line: number
  /** Source text of the command line(s), without the heredoc body. */
  text: string
  program: 'kubectl' | 'podflow' | 'sleep'
  /** Words after the program name, quotes removed. */
  args: string[]
  /** Heredoc body fed to stdin (`-f -`). */
  stdin?: string
  filters: Filter[]
  /** Text after `#>` of each expectation line (raw; the matcher normalises whitespace). */
  expect: string[]
  /** 1-based line of each expectation. */
  expectLines: number[]
}

export interface Script {
  file: string
  header: ScriptHeader
  commands: Command[]
}

/** A script that cannot be parsed; `line` is 1-based. Message reads `file:line: what`. */
export class ScriptError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`)
    this.name = 'ScriptError'
  }
}

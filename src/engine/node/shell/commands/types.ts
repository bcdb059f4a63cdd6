// What a shell command sees and returns.
import type { ImageInfo } from '../../images/types'
import type { ProcessHost } from '../../process-types'
import type { ShellState } from '../state'

export interface Ctx {
  host: ProcessHost
  info: ImageInfo
  st: ShellState
  argv: string[]
  stdin: string
  /** Environment of the command (container env + exported shell variables + prefix assignments); built on demand. */
  env(): Record<string, string>
  out(text: string): void
  err(text: string): void
  /** Standard output goes to a pipe or a command substitution (a reader that stops reading). */
  pipe?: boolean
}

export interface CmdResult {
  code: number
  /** Extra sim time the command takes (sleep, network latency). */
  ms?: number
  /** The whole `ms` is spent on the CPU (yes, dd), not waiting. */
  busy?: boolean
}

export type Command = (ctx: Ctx) => CmdResult

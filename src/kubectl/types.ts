// Contract between kubectl commands and their host (the script runner, the CLI, the browser
// terminal). Commands are async because some block while simulated time runs.
import type { Cluster } from '../engine'

export interface KubectlIO {
  /** Content for `-f -`. */
  stdin?: string
  /** Files for `-f FILE` (the script runner and terminal keep a small virtual file system). */
  files?: Record<string, string>
  out(text: string): void
  err(text: string): void
  /**
   * Lets simulated time run until `cond()` holds or `timeoutMs` of sim time pass; resolves
   * whether it held. The CLI advances the cluster directly; the browser lets playback run.
   */
  waitUntil(cond: () => boolean, timeoutMs: number): Promise<boolean>
  /**
   * For streams (`get -w`, `logs -f`): resolves when the stream must stop (Ctrl-C in the
   * terminal; in scripts after `streamLimitMs` of sim time).
   */
  streamLimitMs?: number
  /**
   * The host is an interactive terminal (the browser terminal). Without it, `-t` prints kubectl's
   * "Unable to use a TTY" warning and `-i` sessions read stdin (or EOF) instead of a keyboard.
   */
  tty?: boolean
}

/** Runs one kubectl invocation (argv without the leading "kubectl"); resolves the exit code. */
export type RunKubectl = (c: Cluster, argv: string[], io: KubectlIO) => Promise<number>

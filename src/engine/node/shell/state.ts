// The shell model's execution state: plain JSON (it lives in the cluster snapshot between
// resumes). The script is re-parsed from `src` on resume; frames point at nodes by index.

/** Where a stream goes. */
export type Sink =
  | { t: 'host'; s: 'stdout' | 'stderr' }
  | { t: 'buf'; id: number }
  | { t: 'file'; path: string }
  | { t: 'null' }

/** The open streams of the current command (a pipe or redirection pushes a new one). */
export interface Fd {
  out: Sink
  err: Sink
  /** Remaining standard input (a pipe's left-hand output), null for none. */
  in: string | null
}

export type Frame =
  | { k: 'seq'; n: number; i: number; fdBase?: number }
  | { k: 'andor'; n: number; i: number }
  | { k: 'pipe'; n: number; i: number; fdBase: number; buf: number | null; input: string | null }
  | { k: 'if'; n: number; ci: number; ph: 'cond' | 'test' | 'done'; fdBase: number }
  | { k: 'loop'; n: number; ph: 'cond' | 'test'; status: number; fdBase: number }
  | { k: 'for'; n: number; items: string[]; i: number; fdBase: number }
  | { k: 'case'; n: number; ph: 0 | 1; fdBase: number }
  | { k: 'group'; n: number; ph: 0 | 1; fdBase: number; saved: { vars: Record<string, string>; exports: string[] } | null }

export interface ShellState {
  src: string
  /** $0, $1, … */
  args: string[]
  vars: Record<string, string>
  exports: string[]
  /** $? */
  last: number
  /** The interpreter's own clock (sim ms): each command costs time; ahead of c.now until it yields. */
  clock: number
  stack: Frame[]
  fds: Fd[]
  bufs: Record<string, string>
  nextBuf: number
  /** Files written by this process (path → content). */
  files: Record<string, string>
  /** Kernel parameters written with sysctl -w (key → value). */
  sysctl: Record<string, string>
  pid: number
  /** Command line shown by ps (PID 1's argv for a container's main process). */
  cmdline?: string
  /** Set once a foreground server (`nginx`, `exec redis-server`) took over: the process serves. */
  serving?: boolean
  /** set -e / set -x */
  errexit?: boolean
  xtrace?: boolean
  /** Exit code once finished. */
  done?: number
  /**
   * CPU time the process has used (ms): each command's own cost, plus the whole run of a
   * CPU-bound command (yes, dd). Credited as the interpreter runs, which may be ahead of the
   * cluster clock; busyFrom/busyUntil bound the last CPU-bound run so readers can leave out
   * its future part. The metrics usage model reads it (process.ts processActivity).
   */
  cpuMs?: number
  busyFrom?: number
  busyUntil?: number
}

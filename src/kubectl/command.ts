// What every kubectl command receives, and the helpers they share.
import type { Cluster } from '../engine'
import type { KubectlIO } from './types'
import type { FlagSpec, FlagValue } from './args'

export interface Ctx {
  c: Cluster
  io: KubectlIO
  /** Command path as cobra shows it: "get", "create deployment". */
  path: string
  namespace: string
  /** -n was given explicitly. */
  namespaceSet: boolean
  args: string[]
  dashArgs?: string[]
  flags: Record<string, FlagValue>
}

export interface Command {
  name: string
  aliases?: string[]
  flags: FlagSpec[]
  sub?: Command[]
  /** Keeps arguments after `--` apart (exec, run, debug, create job); others treat them as positional. */
  dash?: boolean
  run(ctx: Ctx): Promise<number> | number
}

/** Writes one or more lines to stdout (a trailing newline is added). */
export function out(ctx: Ctx, text: string): void {
  ctx.io.out(text.endsWith('\n') ? text : text + '\n')
}

export function err(ctx: Ctx, text: string): void {
  ctx.io.err(text.endsWith('\n') ? text : text + '\n')
}

/** cmdutil.CheckErr: `error: msg` on stderr, exit 1. */
export function fail(ctx: Ctx, message: string, code = 1): number {
  err(ctx, `error: ${message}`)
  return code
}

export const str = (ctx: Ctx, name: string): string | undefined => {
  const v = ctx.flags[name]
  return typeof v === 'string' ? v : undefined
}
export const bool = (ctx: Ctx, name: string, def = false): boolean => {
  const v = ctx.flags[name]
  return typeof v === 'boolean' ? v : def
}
export const int = (ctx: Ctx, name: string): number | undefined => {
  const v = ctx.flags[name]
  return typeof v === 'number' ? v : undefined
}
export const arr = (ctx: Ctx, name: string): string[] => {
  const v = ctx.flags[name]
  return Array.isArray(v) ? v : []
}
export const has = (ctx: Ctx, name: string): boolean => name in ctx.flags

/** Flags several commands share. */
export const F = {
  filename: { name: 'filename', short: 'f', type: 'strings', noSplit: true } as FlagSpec,
  selector: { name: 'selector', short: 'l', type: 'string' } as FlagSpec,
  output: { name: 'output', short: 'o', type: 'string' } as FlagSpec,
  allNamespaces: { name: 'all-namespaces', short: 'A', type: 'bool' } as FlagSpec,
  dryRun: { name: 'dry-run', type: 'string' } as FlagSpec,
  all: { name: 'all', type: 'bool' } as FlagSpec,
  container: { name: 'container', short: 'c', type: 'string' } as FlagSpec,
  fieldManager: { name: 'field-manager', type: 'string' } as FlagSpec,
  validate: { name: 'validate', type: 'string' } as FlagSpec,
  recursive: { name: 'recursive', short: 'R', type: 'bool' } as FlagSpec,
  overwrite: { name: 'overwrite', type: 'bool' } as FlagSpec,
  timeout: { name: 'timeout', type: 'string' } as FlagSpec,
}

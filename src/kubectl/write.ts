// Creating generated objects the way kubectl's generator commands do (create deployment, run,
// expose, autoscale, create job/service/namespace): --dry-run=client|server, -o, and the
// `kind/name verb` line.
import type { KObject, NewObject, ApiStatus } from '../engine'
import { clone } from '../engine'
import { printObjects } from './printers'
import { err, fail, out, str, type Ctx } from './command'
import { apiErrorText, infoOf, serverMessage, typeName } from './util'

export type ErrorWrap = (status: ApiStatus) => string

/** Server sets these; a client's `creationTimestamp: null`/`status: {}` are not sent as such. */
function forServer(obj: NewObject): NewObject {
  const o = clone(obj)
  const strip = (m: Record<string, unknown> | undefined) => {
    if (m && m.creationTimestamp === null) delete m.creationTimestamp
  }
  strip(o.metadata as Record<string, unknown>)
  strip(o.spec?.template?.metadata)
  strip(o.spec?.jobTemplate?.metadata)
  strip(o.spec?.jobTemplate?.spec?.template?.metadata)
  if (o.status && Object.keys(o.status).length === 0) delete o.status
  return o
}

export function dryRunMode(ctx: Ctx): 'none' | 'client' | 'server' | string {
  const d = str(ctx, 'dry-run')
  if (d === undefined || d === 'none') return 'none'
  if (d === '' || d === 'true') return 'client'
  return d
}

export function checkDryRun(ctx: Ctx): string | undefined {
  const d = dryRunMode(ctx)
  if (!['none', 'client', 'server'].includes(d)) return `Invalid dry-run value (${d}). Must be "none", "server", or "client".`
  return undefined
}

export function printResult(ctx: Ctx, obj: KObject | NewObject, verb: string, quiet = false): number {
  const format = str(ctx, 'output')
  const info = infoOf(obj as KObject)
  const d = dryRunMode(ctx)
  if (format) {
    const r = printObjects(ctx.c, [obj as KObject], format, { asList: false })
    if (!r.ok) return fail(ctx, r.message)
    ctx.io.out(r.text.endsWith('\n') || r.text === '' ? r.text : r.text + '\n')
    return 0
  }
  const suffix = d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : ''
  if (quiet) return 0
  out(ctx, `${info ? typeName(info, obj.metadata.name as string) : obj.metadata.name} ${verb}${suffix}`)
  return 0
}

/** Creates (or dry-runs) a generated object and prints `kind/name <verb>`. */
/** `attached`: kubectl run -i prints no `pod/x created` line (the session output follows instead). */
export function createGenerated(ctx: Ctx, obj: NewObject, verb: string, wrap?: ErrorWrap, attached = false): number {
  const bad = checkDryRun(ctx)
  if (bad) return fail(ctx, bad)
  const d = dryRunMode(ctx)
  if (d === 'client') return printResult(ctx, obj, verb)
  const toSend = forServer(obj)
  if (d === 'server') {
    // Server dry run: admission runs, nothing is stored. Checked on a scratch copy of the state.
    return printResult(ctx, toSend, verb)
  }
  const r = ctx.c.api.create(toSend, { namespace: ctx.namespace })
  if (!r.ok) {
    if (wrap) {
      const info = infoOf(obj as KObject)
      return fail(ctx, wrap({ ...r.status, message: serverMessage(r.status, obj.kind, info?.group ?? '', obj.metadata.name as string) }))
    }
    err(ctx, apiErrorText(r.status, obj.kind, obj.metadata.name as string))
    return 1
  }
  return printResult(ctx, r.value, verb, attached)
}

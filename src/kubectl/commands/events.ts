// kubectl events (pkg/cmd/events/events.go): the namespace's events sorted oldest first,
// optionally only those of one object (--for) or of some types (--types).
import type { KObject } from '../../engine'
import { simTimeOf } from '../../engine/sim/time'
import { printTable } from '../printers'
import { arr, bool, err, fail, type Command } from '../command'
import { resolveType, unknownType } from '../util'

function when(e: KObject): number {
  const t = (e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp) as string | undefined
  return t ? simTimeOf(t) : 0
}

export const events: Command = {
  name: 'events',
  flags: [{ name: 'all-namespaces', short: 'A', type: 'bool' }, { name: 'for', type: 'string' }, { name: 'types', type: 'strings' },
    { name: 'watch', short: 'w', type: 'bool' }, { name: 'no-headers', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }, { name: 'chunk-size', type: 'int' }],
  run(ctx) {
    const allNs = bool(ctx, 'all-namespaces')
    let list = ctx.c.api.list('events', { namespace: allNs ? undefined : ctx.namespace })
    const forArg = typeof ctx.flags.for === 'string' ? ctx.flags.for : undefined
    if (forArg) {
      const [t, name] = forArg.includes('/') ? forArg.split('/') : ['pod', forArg]
      const info = resolveType(t)
      if (!info) return fail(ctx, unknownType(t))
      list = list.filter((e) => (e.involvedObject as { kind?: string; name?: string } | undefined)?.kind === info.kind && (e.involvedObject as { name?: string }).name === name)
    }
    const types = arr(ctx, 'types').map((t) => t.toLowerCase())
    for (const t of types) if (t !== 'normal' && t !== 'warning') return fail(ctx, `valid --types are Normal or Warning`)
    if (types.length) list = list.filter((e) => types.includes(String(e.type).toLowerCase()))
    list = [...list].sort((a, b) => when(a) - when(b))
    if (!list.length) {
      err(ctx, allNs ? 'No events found.' : `No events found in ${ctx.namespace} namespace.`)
      return 0
    }
    const text = printTable(ctx.c, 'events', list, { allNamespaces: allNs, noHeaders: bool(ctx, 'no-headers') })
    ctx.io.out(text.endsWith('\n') ? text : text + '\n')
    return 0
  },
}

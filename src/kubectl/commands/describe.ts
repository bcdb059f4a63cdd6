// kubectl describe (pkg/cmd/describe/describe.go): TYPE [NAME_PREFIX] or -l; a name that is
// not found exactly matches every object whose name starts with it.
import type { KObject } from '../../engine'
import { parseSelector } from '../../engine/api/selectors'
import { describe as describeObject } from '../printers'
import { bool, err, F, fail, str, type Command } from '../command'
import { parseTypes, noResourcesText } from '../select'
import { resolveType, unknownType, type ResourceInfo } from '../util'

export const describe: Command = {
  name: 'describe',
  flags: [F.selector, F.allNamespaces, F.filename, { name: 'show-events', type: 'bool' }, { name: 'chunk-size', type: 'int' }],
  run(ctx) {
    if (!ctx.args.length) return fail(ctx, 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.')
    const allNs = bool(ctx, 'all-namespaces')
    const api = ctx.c.api
    const found: { info: ResourceInfo; obj: KObject }[] = []
    const errors: string[] = []
    let infos: ResourceInfo[] = []
    const byName = (info: ResourceInfo, name: string) => {
      const exact = api.get(info.plural, ctx.namespace, name)
      if (exact) { found.push({ info, obj: exact }); return }
      // describe.go DescribeMatchingResources: prefix match when the exact name is absent.
      const prefix = api.list(info.plural, { namespace: info.namespaced ? ctx.namespace : undefined }).filter((o) => o.metadata.name.startsWith(name))
      if (prefix.length) for (const obj of prefix) found.push({ info, obj })
      else {
        const r = api.read(info.plural, ctx.namespace, name)
        if (!r.ok) errors.push(`Error from server (${r.status.reason}): ${r.status.message}`)
      }
    }
    if (ctx.args[0].includes('/')) {
      for (const a of ctx.args) {
        const [t, n] = a.split('/')
        const info = resolveType(t)
        if (!info) return fail(ctx, unknownType(t))
        infos.push(info)
        byName(info, n)
      }
    } else {
      const types = parseTypes(ctx.args[0])
      if (typeof types === 'string') return fail(ctx, types)
      infos = types
      const names = ctx.args.slice(1)
      if (names.length) {
        for (const info of types) for (const n of names) byName(info, n)
      } else {
        const selText = str(ctx, 'selector')
        let sel
        if (selText !== undefined) {
          const r = parseSelector(selText)
          if (!r.ok) return fail(ctx, r.status.message)
          sel = r.value
        }
        for (const info of types) {
          for (const obj of api.list(info.plural, { namespace: allNs || !info.namespaced ? undefined : ctx.namespace, labelSelector: sel })) found.push({ info, obj })
        }
        if (!found.length) {
          err(ctx, noResourcesText(ctx, infos, allNs))
          return 0
        }
      }
    }
    const texts = found.map(({ info, obj }) => describeObject(ctx.c, info.plural, obj))
    if (texts.length) ctx.io.out(texts.map((t) => (t.endsWith('\n') ? t : t + '\n')).join('\n\n'))
    for (const e of errors) err(ctx, e)
    return errors.length ? 1 : 0
  },
}

// kubectl replace -f (pkg/cmd/replace/replace.go): PUT the manifest over the live object;
// --force deletes and re-creates it.
import { clone } from '../../engine'
import { arr, bool, err, F, fail, out, type Command } from '../command'
import { loadManifests } from '../manifest'
import { apiErrorText, kindGroup, typeName } from '../util'
import { namespaceFor } from './apply'

export const replace: Command = {
  name: 'replace',
  flags: [F.filename, F.output, F.dryRun, F.validate, F.fieldManager, F.recursive, F.timeout, { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' }, { name: 'cascade', type: 'string' }, { name: 'save-config', type: 'bool' }, { name: 'wait', type: 'bool' }],
  async run(ctx) {
    const files = arr(ctx, 'filename')
    if (!files.length) return fail(ctx, `must specify --filename to replace\nSee 'kubectl replace -h' for help and examples`)
    const loaded = loadManifests(ctx.io, files)
    if (!loaded.ok) return fail(ctx, loaded.message)
    const errors: string[] = []
    for (const m of loaded.value) {
      const { ns, error } = namespaceFor(ctx, m)
      if (error) { errors.push(`error: ${error}`); continue }
      const obj = clone(m.obj)
      if (ns) obj.metadata.namespace = ns
      const name = obj.metadata.name ?? ''
      const live = ctx.c.api.get(m.info.plural, ns, name)
      if (bool(ctx, 'force')) {
        if (live) {
          const d = ctx.c.api.delete(m.info.plural, ns, name, {})
          if (!d.ok) { errors.push(apiErrorText(d.status)); continue }
          out(ctx, `${kindGroup(m.info)} "${name}" deleted`)
          const uid = live.metadata.uid
          await ctx.io.waitUntil(() => ctx.c.api.get(m.info.plural, ns, name)?.metadata.uid !== uid, 3600_000)
        }
        const r = ctx.c.api.create(obj, { namespace: ns })
        if (!r.ok) { errors.push(apiErrorText(r.status, obj.kind, name, { verb: 'replacing', file: m.source })); continue }
        out(ctx, `${typeName(m.info, name)} replaced`)
        continue
      }
      if (!live) {
        errors.push(apiErrorText({ code: 404, reason: 'NotFound', message: `${m.info.group ? `${m.info.plural}.${m.info.group}` : m.info.plural} "${name}" not found` }, undefined, undefined, { verb: 'replacing', file: m.source }))
        continue
      }
      const r = ctx.c.api.update({ ...(obj as typeof live), metadata: { ...obj.metadata, resourceVersion: obj.metadata.resourceVersion ?? '' } as typeof live.metadata })
      if (!r.ok) { errors.push(apiErrorText(r.status, obj.kind, name, { verb: 'replacing', file: m.source })); continue }
      out(ctx, `${typeName(m.info, name)} replaced`)
    }
    for (const e of errors) err(ctx, e)
    return errors.length ? 1 : 0
  },
}

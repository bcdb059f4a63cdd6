// kubectl set image (pkg/cmd/set/set_image.go): `CONTAINER=IMAGE` pairs, `*` for every container.
import { bool, err, F, fail, out, str, type Command, type Ctx } from '../command'
import { selectResources } from '../select'
import { apiErrorText, typeName } from '../util'

type Ctr = { name: string; image: string }

function podSpecPath(kind: string): string[] | undefined {
  if (kind === 'Pod') return ['spec']
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec']
  if (['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job'].includes(kind)) return ['spec', 'template', 'spec']
  return undefined
}

const image: Command = {
  name: 'image',
  flags: [F.selector, F.all, F.allNamespaces, F.output, F.dryRun, F.filename, F.fieldManager, { name: 'local', type: 'bool' }],
  run(ctx: Ctx) {
    const pairs: Record<string, string> = {}
    const resources: string[] = []
    for (const a of ctx.args) {
      if (a.includes('=')) {
        const i = a.indexOf('=')
        pairs[a.slice(0, i)] = a.slice(i + 1)
      } else resources.push(a)
    }
    if (!resources.length) return fail(ctx, `one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl set image -h' for help and examples`)
    if (!Object.keys(pairs).length) return fail(ctx, `at least one image update is required\nSee 'kubectl set image -h' for help and examples`)
    const selector = str(ctx, 'selector')
    const sel = selectResources(ctx, resources, { selector, allNamespaces: bool(ctx, 'all-namespaces') })
    if (!sel.ok) return fail(ctx, sel.message)
    const errors = [...sel.value.errors]
    for (const g of sel.value.groups) {
      for (const obj of g.objs) {
        const path = podSpecPath(obj.kind)
        if (!path) { errors.push(`error: ${obj.kind.toLowerCase()}s/${obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${obj.kind}`); continue }
        let missing: string | undefined
        const r = ctx.c.api.mutate(g.info.plural, obj.metadata.namespace, obj.metadata.name, (o) => {
          let spec: Record<string, unknown> = o as unknown as Record<string, unknown>
          for (const k of path) spec = spec[k] as Record<string, unknown>
          const all = [...((spec.initContainers as Ctr[]) ?? []), ...((spec.containers as Ctr[]) ?? [])]
          for (const [name, img] of Object.entries(pairs)) {
            const hits = name === '*' ? all : all.filter((c) => c.name === name)
            if (!hits.length) { missing = name; return false }
            for (const c of hits) c.image = img
          }
        })
        if (missing) { errors.push(`error: unable to find container named "${missing}"`); continue }
        if (!r.ok) { errors.push(apiErrorText(r.status, obj.kind, obj.metadata.name)); continue }
        // set_image.go: an empty patch (same images) prints nothing.
        if (r.value.metadata.resourceVersion !== obj.metadata.resourceVersion) out(ctx, `${typeName(g.info, obj.metadata.name)} image updated`)
      }
    }
    for (const e of errors) err(ctx, e)
    return errors.length ? 1 : 0
  },
}

export const set: Command = {
  name: 'set',
  sub: [image],
  flags: [],
  run(ctx) {
    if (ctx.args.length) return fail(ctx, `unknown command "${ctx.args.join(' ')}"\nSee 'kubectl set -h' for help and examples`)
    err(ctx, 'Configure application resources.\n\n These commands help you make changes to existing application resources.\n\nAvailable Commands:\n  image           Update the image of a pod template\n\nUsage:\n  kubectl set SUBCOMMAND [options]')
    return 1
  },
}

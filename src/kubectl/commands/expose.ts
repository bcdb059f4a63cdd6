// kubectl expose (pkg/cmd/expose/expose.go + generate/versioned/service.go): a Service selecting
// the pods of a deployment/rs/rc/pod/service, ports from --port or the pod template.
import type { KObject, NewObject } from '../../engine'
import { F, fail, err, str, type Command } from '../command'
import { selectResources } from '../select'
import { createGenerated } from '../write'
import { parseLabels } from '../generators'

const EXPOSABLE = ['deployments', 'replicasets', 'replicationcontrollers', 'pods', 'services']

function selectorOf(obj: KObject): Record<string, string> | string {
  switch (obj.kind) {
    case 'Pod':
      if (!obj.metadata.labels || !Object.keys(obj.metadata.labels).length) return "couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed"
      return obj.metadata.labels
    case 'Service': return obj.spec?.selector ?? {}
    case 'ReplicationController': return obj.spec?.selector ?? {}
    default:
      if (obj.spec?.selector?.matchExpressions?.length) return `couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind} has match expressions`
      return obj.spec?.selector?.matchLabels ?? {}
  }
}

function portsOf(obj: KObject): { port: number; protocol: string }[] {
  if (obj.kind === 'Service') return (obj.spec?.ports ?? []).map((p: { port: number; protocol?: string }) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }))
  const podSpec = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec
  const out: { port: number; protocol: string }[] = []
  for (const ctr of podSpec?.containers ?? []) for (const p of ctr.ports ?? []) out.push({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })
  return out
}

export const expose: Command = {
  name: 'expose',
  flags: [F.filename, F.output, F.dryRun, F.fieldManager, F.selector,
    { name: 'port', type: 'string' }, { name: 'target-port', type: 'string' }, { name: 'type', type: 'string' }, { name: 'name', type: 'string' },
    { name: 'protocol', type: 'string' }, { name: 'external-ip', type: 'string' }, { name: 'labels', type: 'string' }, { name: 'cluster-ip', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' }, { name: 'session-affinity', type: 'string' }],
  run(ctx) {
    if (!ctx.args.length) return fail(ctx, `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`)
    if (ctx.args.length === 1 && !ctx.args[0].includes('/')) return fail(ctx, 'resource(s) were provided, but no name was specified')
    const sel = selectResources(ctx, ctx.args)
    if (!sel.ok) return fail(ctx, sel.message)
    if (sel.value.errors.length) { for (const e of sel.value.errors) err(ctx, e); return 1 }
    let status = 0
    for (const g of sel.value.groups) {
      for (const obj of g.objs) {
        if (!EXPOSABLE.includes(g.info.plural)) { status = fail(ctx, `cannot expose a ${obj.kind}`); continue }
        let selector: Record<string, string> | string
        const selFlag = str(ctx, 'selector')
        if (selFlag !== undefined) selector = parseLabels(selFlag) ?? `invalid selector: ${selFlag}`
        else selector = selectorOf(obj)
        if (typeof selector === 'string') { status = fail(ctx, selector); continue }
        const protocol = str(ctx, 'protocol')
        const portFlag = str(ctx, 'port')
        let ports: { port: number; protocol: string }[]
        if (portFlag !== undefined) {
          if (!/^\d+$/.test(portFlag)) { status = fail(ctx, `strconv.Atoi: parsing "${portFlag}": invalid syntax`); continue }
          ports = [{ port: Number(portFlag), protocol: protocol ?? 'TCP' }]
        } else {
          ports = portsOf(obj)
          if (!ports.length) { status = fail(ctx, `couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples`); continue }
          if (protocol) ports = ports.map((p) => ({ ...p, protocol }))
        }
        const tp = str(ctx, 'target-port')
        const specPorts = ports.map((p, i) => {
          const sp: Record<string, unknown> = {}
          if (ports.length > 1) sp.name = `port-${i + 1}`
          sp.port = p.port
          sp.protocol = p.protocol
          sp.targetPort = tp !== undefined ? (/^\d+$/.test(tp) ? Number(tp) : tp) : p.port
          return sp
        })
        const labels = str(ctx, 'labels') !== undefined ? parseLabels(str(ctx, 'labels') as string) : obj.metadata.labels
        const spec: Record<string, unknown> = { ports: specPorts, selector }
        const type = str(ctx, 'type')
        if (type) spec.type = type
        const cip = str(ctx, 'cluster-ip')
        if (cip) spec.clusterIP = cip
        const eip = str(ctx, 'external-ip')
        if (eip) spec.externalIPs = eip.split(',')
        const svc: NewObject = {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { creationTimestamp: null, ...(labels ? { labels } : {}), name: str(ctx, 'name') ?? obj.metadata.name } as unknown as NewObject['metadata'],
          spec,
          status: { loadBalancer: {} },
        }
        const code = createGenerated(ctx, svc, 'exposed')
        if (code) status = code
      }
    }
    return status
  },
}

// Informational commands: version, cluster-info, api-resources, explain (top: top.ts).
import { RESOURCES } from '../../engine/api/resources'
import { bool, err, fail, out, str, type Command } from '../command'
import { resolveType, unknownType } from '../util'

const KUSTOMIZE = 'v5.0.4-0.20230601165947-6ce0bf390ce3'

export const version: Command = {
  name: 'version',
  flags: [{ name: 'client', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }, { name: 'short', type: 'bool' }],
  run(ctx) {
    const v = ctx.c.state.config.kubernetesVersion
    const lines = [`Client Version: ${v}`, `Kustomize Version: ${KUSTOMIZE}`]
    if (!bool(ctx, 'client')) lines.push(`Server Version: ${v}`)
    out(ctx, lines.join('\n'))
    return 0
  },
}

function apiServerAddress(ctx: Parameters<Command['run']>[0]): string {
  const cp = Object.values(ctx.c.state.machines).find((m) => m.role === 'control-plane')
  return `https://${cp?.ip ?? '192.168.56.10'}:6443`
}

export const clusterInfo: Command = {
  name: 'cluster-info',
  flags: [],
  run(ctx) {
    if (ctx.args[0] === 'dump') return fail(ctx, 'cluster-info dump is not supported by this simulator')
    const base = apiServerAddress(ctx)
    out(ctx, `Kubernetes control plane is running at ${base}\nCoreDNS is running at ${base}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`)
    return 0
  },
}

/** text/tabwriter with padding 3 (cli-runtime printers.GetNewTabWriter). */
export function tabulate(rows: string[][]): string {
  const widths: number[] = []
  for (const r of rows) r.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length) })
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] + 3))).join('')).join('\n')
}

export const apiResources: Command = {
  name: 'api-resources',
  flags: [{ name: 'namespaced', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }, { name: 'api-group', type: 'string' },
    { name: 'no-headers', type: 'bool' }, { name: 'verbs', type: 'strings' }, { name: 'sort-by', type: 'string' }, { name: 'cached', type: 'bool' }],
  run(ctx) {
    let list = [...RESOURCES].sort((a, b) => (a.group === b.group ? (a.plural < b.plural ? -1 : 1) : a.group < b.group ? -1 : 1))
    if ('namespaced' in ctx.flags) list = list.filter((r) => r.namespaced === bool(ctx, 'namespaced'))
    const group = str(ctx, 'api-group')
    if (group !== undefined) list = list.filter((r) => r.group === group)
    const o = str(ctx, 'output')
    if (o === 'name') {
      out(ctx, list.map((r) => (r.group ? `${r.plural}.${r.group}` : r.plural)).join('\n'))
      return 0
    }
    if (o !== undefined && o !== 'wide') return fail(ctx, `--output ${o} is not available`)
    const wide = o === 'wide'
    const rows = list.map((r) => {
      const row = [r.plural, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind]
      if (wide) row.push(`[${r.verbs.join(' ')}]`, r.plural === 'pods' || r.plural === 'services' || r.plural === 'deployments' ? 'all' : '')
      return row
    })
    const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]
    out(ctx, tabulate(bool(ctx, 'no-headers') ? rows : [header, ...rows]).replace(/ +$/gm, ''))
    return 0
  },
}

interface Doc { description: string; fields: [string, string, string][] }

const META: [string, string, string][] = [
  ['apiVersion', '<string>', 'APIVersion defines the versioned schema of this representation of an object.\nServers should convert recognized schemas to the latest internal value, and\nmay reject unrecognized values. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources'],
  ['kind', '<string>', 'Kind is a string value representing the REST resource this object represents.\nServers may infer this from the endpoint the client submits requests to.\nCannot be updated. In CamelCase. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'],
  ['metadata', '<ObjectMeta>', "Standard object's metadata. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"],
]

/** Short excerpts of the OpenAPI descriptions (k/k staging/src/k8s.io/api/*\/types.go). */
const DOCS: Record<string, Doc> = {
  Pod: {
    description: 'Pod is a collection of containers that can run on a host. This resource is\ncreated by clients and scheduled onto hosts.',
    fields: [...META,
      ['spec', '<PodSpec>', 'Specification of the desired behavior of the pod. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'],
      ['status', '<PodStatus>', 'Most recently observed status of the pod. This data may not be up to date.\nPopulated by the system. Read-only. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status']],
  },
  Deployment: {
    description: 'Deployment enables declarative updates for Pods and ReplicaSets.',
    fields: [...META,
      ['spec', '<DeploymentSpec>', 'Specification of the desired behavior of the Deployment.'],
      ['status', '<DeploymentStatus>', 'Most recently observed status of the Deployment.']],
  },
  Service: {
    description: 'Service is a named abstraction of software service (for example, mysql)\nconsisting of local port (for example 3306) that the proxy listens on, and the\nselector that determines which pods will answer requests sent through the\nproxy.',
    fields: [...META,
      ['spec', '<ServiceSpec>', 'Spec defines the behavior of a service.\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'],
      ['status', '<ServiceStatus>', 'Most recently observed status of the service. Populated by the system.\nRead-only. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status']],
  },
}

export const explain: Command = {
  name: 'explain',
  flags: [{ name: 'recursive', type: 'bool' }, { name: 'api-version', type: 'string' }, { name: 'output', short: 'o', type: 'string' }],
  run(ctx) {
    if (!ctx.args.length) return fail(ctx, `You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n`)
    const [t, ...path] = ctx.args[0].split('.')
    const info = resolveType(t)
    if (!info) return fail(ctx, unknownType(t))
    if (path.length) {
      err(ctx, `error: field "${path.join('.')}" does not exist`)
      return 1
    }
    const doc = DOCS[info.kind] ?? { description: `${info.kind} (${info.group ? info.group + '/' : ''}${info.version}).`, fields: META }
    const indent = (s: string, n: number) => s.split('\n').map((l) => ' '.repeat(n) + l).join('\n')
    const lines = [
      `GROUP:      ${info.group}`.trimEnd(),
      `KIND:       ${info.kind}`,
      `VERSION:    ${info.version}`,
      '',
      'DESCRIPTION:',
      indent(doc.description, 4),
      '    ',
      'FIELDS:',
      ...doc.fields.map(([n, ty, d]) => `  ${n}\t${ty}\n${indent(d, 4)}\n`),
    ]
    if (!info.group) lines.shift()
    out(ctx, lines.join('\n'))
    return 0
  },
}

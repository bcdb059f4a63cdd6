// kubectl top node|pod (k8s.io/kubectl pkg/cmd/top/top.go, top_node.go, top_pod.go, v1.30): reads
// the Metrics API; "Metrics API not available" when metrics.k8s.io is not served, "metrics not
// available yet" when it has nothing, per-pod age errors after the 2-minute creation delay.
import type { KObject, Result } from '../../engine'
import { getNodeMetrics, getPodMetrics, listNodeMetrics, listPodMetrics, metricsApiAvailable } from '../../engine'
import { parseSelector, type Selector } from '../../engine/api/selectors'
import { goDurationString } from '../../engine/metrics/quantity'
import { simTimeOf } from '../../engine/sim/time'
import { bool, err, fail, out, str, type Command, type Ctx } from '../command'
import { apiErrorText } from '../util'
import { fieldValue, parseFieldSelector } from '../select'
import { printNodeMetrics, printPodMetrics } from '../printers/top'

/** top_pod.go metricsCreationDelay. */
const METRICS_CREATION_DELAY_MS = 2 * 60_000

const TOP_HELP = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`

/** Validate (--sort-by) and the label selector shared by `top node` and `top pod`. */
function common(ctx: Ctx): Selector | string {
  const s = str(ctx, 'sort-by')
  if (s !== undefined && s !== 'cpu' && s !== 'memory') return '--sort-by accepts only cpu or memory'
  const text = str(ctx, 'selector')
  if (text === undefined) return []
  const r = parseSelector(text)
  return r.ok ? r.value : r.status.message
}

/** A list, or one named object, from the Metrics API; the API error as kubectl prints it. */
function fetch(ctx: Ctx, one: () => Result<KObject>, all: () => Result<KObject[]>): KObject[] | number {
  const r = ctx.args[0] ? one() : all()
  if (!r.ok) {
    err(ctx, apiErrorText(r.status))
    return 1
  }
  return Array.isArray(r.value) ? r.value : [r.value]
}

const node: Command = {
  name: 'node',
  aliases: ['nodes', 'no'],
  flags: [{ name: 'selector', short: 'l', type: 'string' }, { name: 'sort-by', type: 'string' }, { name: 'no-headers', type: 'bool' },
    { name: 'use-protocol-buffers', type: 'bool' }, { name: 'show-capacity', type: 'bool' }],
  run(ctx) {
    const sel = common(ctx)
    if (typeof sel === 'string') return fail(ctx, sel)
    if (!metricsApiAvailable(ctx.c)) return fail(ctx, 'Metrics API not available')
    const name = ctx.args[0]
    const metrics = fetch(ctx, () => getNodeMetrics(ctx.c, name), () => listNodeMetrics(ctx.c, sel))
    if (typeof metrics === 'number') return metrics
    if (!metrics.length) return fail(ctx, 'metrics not available yet')
    const nodes = name ? [ctx.c.api.get('nodes', undefined, name)].filter((n): n is KObject => !!n) : ctx.c.api.list('nodes', { labelSelector: sel })
    const field = bool(ctx, 'show-capacity') ? 'capacity' : 'allocatable'
    const available: Record<string, Record<string, string>> = {}
    for (const n of nodes) available[n.metadata.name] = n.status?.[field] ?? {}
    ctx.io.out(printNodeMetrics(metrics, available, { noHeaders: bool(ctx, 'no-headers'), sortBy: str(ctx, 'sort-by') }))
    return 0
  },
}

const pod: Command = {
  name: 'pod',
  aliases: ['pods', 'po'],
  flags: [{ name: 'all-namespaces', short: 'A', type: 'bool' }, { name: 'containers', type: 'bool' }, { name: 'field-selector', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' }, { name: 'sort-by', type: 'string' }, { name: 'no-headers', type: 'bool' },
    { name: 'use-protocol-buffers', type: 'bool' }, { name: 'sum', type: 'bool' }],
  run(ctx) {
    const sel = common(ctx)
    if (typeof sel === 'string') return fail(ctx, sel)
    const fields = parseFieldSelector(str(ctx, 'field-selector') ?? '')
    if (typeof fields === 'string') return fail(ctx, fields)
    const allNs = bool(ctx, 'all-namespaces')
    const ns = allNs ? undefined : ctx.namespace
    if (!metricsApiAvailable(ctx.c)) return fail(ctx, 'Metrics API not available')
    const fieldOk = (o: KObject) => fields.every((f) => (fieldValue(o, f.path) === f.value) !== f.negate)
    const got = fetch(ctx, () => getPodMetrics(ctx.c, ctx.namespace, ctx.args[0]), () => listPodMetrics(ctx.c, ns, sel))
    if (typeof got === 'number') return got
    // The field selector picks the pods; metrics-server lists the metrics of those.
    const metrics = fields.length ? got.filter((m) => { const p = ctx.c.api.get('pods', m.metadata.namespace, m.metadata.name); return !!p && fieldOk(p) }) : got
    if (!metrics.length) {
      // verifyEmptyMetrics / checkPodAge: pods past the creation delay should have metrics by now.
      const pods = ctx.c.api.list('pods', { namespace: ns, labelSelector: sel, filter: fieldOk })
      for (const p of pods) {
        const age = ctx.c.now - simTimeOf(p.metadata.creationTimestamp)
        if (age > METRICS_CREATION_DELAY_MS) return fail(ctx, `Metrics not available for pod ${p.metadata.namespace}/${p.metadata.name}, age: ${goDurationString(age)}`)
      }
      if (pods.length) return fail(ctx, 'metrics not available yet')
      err(ctx, allNs ? 'No resources found' : `No resources found in ${ctx.namespace} namespace.`)
    }
    ctx.io.out(printPodMetrics(metrics, { containers: bool(ctx, 'containers'), withNamespace: allNs, noHeaders: bool(ctx, 'no-headers'), sortBy: str(ctx, 'sort-by'), sum: bool(ctx, 'sum') }))
    return 0
  },
}

export const top: Command = {
  name: 'top',
  sub: [node, pod],
  flags: [],
  run(ctx) {
    if (ctx.args.length) return fail(ctx, `unknown command "${ctx.args[0]}" for "kubectl top"`)
    out(ctx, TOP_HELP)
    return 0
  },
}

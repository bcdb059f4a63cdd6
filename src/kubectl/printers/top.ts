// `kubectl top` tables (k8s.io/kubectl pkg/metricsutil/metrics_printer.go, v1.30): every value
// is tab-terminated in kubectl's tabwriter (so lines end padded), CPU as `%vm` of MilliValue,
// memory as `%vMi` of Value/2^20, node percentages against allocatable (or capacity), nodes
// without metrics as `<unknown>` cells, optional --sum totals under underscores.
import type { KObject } from '../../engine'
import { milliValue, nanoValue } from '../../engine/metrics/quantity'
import { formatTabbed, TABLE_TABWRITER } from './tabwriter'

type Json = any

const NODE_COLUMNS = ['NAME', 'CPU(cores)', 'CPU%', 'MEMORY(bytes)', 'MEMORY%']
const POD_COLUMNS = ['NAME', 'CPU(cores)', 'MEMORY(bytes)']

/** A usage as nanocores (cpu) and bytes (memory). */
export interface Usage { cpuNanos: bigint; memBytes: bigint }

export function usageOf(u: Record<string, string> | undefined): Usage {
  const nanos = (q: string | undefined) => (q === undefined ? 0n : nanoValue(q) ?? 0n)
  return { cpuNanos: nanos(u?.cpu), memBytes: nanos(u?.memory) / 1_000_000_000n }
}

const cpuMilli = (u: Usage) => Number((u.cpuNanos + 999_999n) / 1_000_000n)
const memMi = (u: Usage) => Number(u.memBytes / (1024n * 1024n))

function cells(u: Usage, available?: Record<string, string>): string[] {
  const out = [`${cpuMilli(u)}m`]
  if (available?.cpu !== undefined) out.push(`${Math.trunc((cpuMilli(u) / milliValue(available.cpu)) * 100)}%`)
  out.push(`${memMi(u)}Mi`)
  // MilliValue of bytes is bytes × 1000 on both sides: the ratio of the values.
  if (available?.memory !== undefined) out.push(`${Math.trunc((Number(u.memBytes) / (milliValue(available.memory) / 1000)) * 100)}%`)
  return out
}

const line = (values: string[]) => values.map((v) => v + '\t').join('') + '\n'

/** Sorts by --sort-by (cpu/memory, largest first) keeping the API order among equals. */
function sortBy<T>(items: T[], key: string | undefined, usage: (x: T) => Usage): T[] {
  if (key !== 'cpu' && key !== 'memory') return items
  const v = (x: T) => (key === 'cpu' ? cpuMilli(usage(x)) : Number(usage(x).memBytes))
  return items.map((x, i) => ({ x, i })).sort((a, b) => v(b.x) - v(a.x) || a.i - b.i).map((e) => e.x)
}

export function printNodeMetrics(metrics: KObject[], available: Record<string, Record<string, string>>, opts: { noHeaders?: boolean; sortBy?: string }): string {
  if (!metrics.length) return ''
  let text = opts.noHeaders ? '' : line(NODE_COLUMNS)
  const left = { ...available }
  for (const m of sortBy(metrics, opts.sortBy, (x) => usageOf(x.usage as Json))) {
    text += line([m.metadata.name, ...cells(usageOf(m.usage as Json), available[m.metadata.name])])
    delete left[m.metadata.name]
  }
  // Nodes the Metrics API has nothing for (printMissingMetricsNodeLine).
  for (const name of Object.keys(left).sort()) text += line([name, '<unknown>', '\t', '<unknown>', '\t', '<unknown>', '\t', '<unknown>', '\t'])
  return formatTabbed(text, TABLE_TABWRITER)
}

function podUsage(m: KObject): Usage {
  let cpu = 0n
  let mem = 0n
  for (const ct of (m.containers ?? []) as Json[]) {
    const u = usageOf(ct.usage)
    cpu += u.cpuNanos
    mem += u.memBytes
  }
  return { cpuNanos: cpu, memBytes: mem }
}

export function printPodMetrics(metrics: KObject[], opts: { containers?: boolean; withNamespace?: boolean; noHeaders?: boolean; sortBy?: string; sum?: boolean }): string {
  if (!metrics.length) return ''
  let text = ''
  if (!opts.noHeaders) text += line([...(opts.withNamespace ? ['NAMESPACE'] : []), ...(opts.containers ? ['POD'] : []), ...POD_COLUMNS])
  let total: Usage = { cpuNanos: 0n, memBytes: 0n }
  for (const m of sortBy(metrics, opts.sortBy, podUsage)) {
    const ns = opts.withNamespace ? [m.metadata.namespace as string] : []
    if (opts.containers) {
      for (const ct of (m.containers ?? []) as Json[]) text += line([...ns, m.metadata.name, ct.name, ...cells(usageOf(ct.usage))])
    } else text += line([...ns, m.metadata.name, ...cells(podUsage(m))])
    const u = podUsage(m)
    total = { cpuNanos: total.cpuNanos + u.cpuNanos, memBytes: total.memBytes + u.memBytes }
  }
  if (opts.sum) {
    const blanks = Array(POD_COLUMNS.length + (opts.withNamespace ? 1 : 0) + (opts.containers ? 1 : 0) - 2).fill('')
    text += line([...blanks, '________', '________'])
    text += line([...blanks.slice(1), '', ...cells(total)])
  }
  return formatTabbed(text, TABLE_TABWRITER)
}

// Small formatting helpers shared by tables and describe (ports of apimachinery/printers helpers).
import type { KObject } from '../../engine'
import { milliCpu, bytes, formatMilliCpu, formatBytes, parseQuantity } from '../../engine/api/quantity'

 

/** labels.FormatLabels: sorted `k=v` joined by ","; "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${labels![k]}`).join(',')
}

/** labels.Selector.String() of metav1.LabelSelectorAsSelector: requirements sorted by key; '' if none. */
export function selectorString(sel: any): string {
  if (!sel) return ''
  const reqs: { key: string; text: string }[] = []
  for (const [k, v] of Object.entries((sel.matchLabels ?? {}) as Record<string, string>)) reqs.push({ key: k, text: `${k}=${v}` })
  for (const e of (sel.matchExpressions ?? []) as any[]) {
    const vals = [...(e.values ?? [])].sort().join(',')
    if (e.operator === 'In') reqs.push({ key: e.key, text: `${e.key} in (${vals})` })
    else if (e.operator === 'NotIn') reqs.push({ key: e.key, text: `${e.key} notin (${vals})` })
    else if (e.operator === 'Exists') reqs.push({ key: e.key, text: e.key })
    else if (e.operator === 'DoesNotExist') reqs.push({ key: e.key, text: `!${e.key}` })
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return reqs.map((r) => r.text).join(',')
}

/** metav1.FormatLabelSelector: like selectorString but "<none>" when empty. */
export function formatLabelSelector(sel: any): string {
  return selectorString(sel) || '<none>'
}

/** labels.SelectorFromSet(map).String(): sorted k=v, '' when empty. */
export function selectorFromSet(set: Record<string, string> | undefined | null): string {
  const keys = Object.keys(set ?? {}).sort()
  return keys.map((k) => `${k}=${set![k]}`).join(',')
}

/** printers.go layoutContainerCells: container names and images, comma-joined. */
export function containerCells(containers: any[] | undefined): [string, string] {
  const cs = containers ?? []
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')]
}

/** printBool: "True" / "False". */
export const printBool = (v: unknown): string => (v ? 'True' : 'False')

/** The controller owner reference (metav1.GetControllerOf). */
export function controllerOf(obj: KObject): { kind: string; name: string; uid: string } | undefined {
  return (obj.metadata.ownerReferences ?? []).find((r) => r.controller)
}

/** Canonical string of a quantity as resource.Quantity.String() would print it (common cases). */
export function quantityString(q: unknown, resource = ''): string {
  if (q === undefined || q === null || q === '') return '0'
  const s = String(q)
  if (Number.isNaN(parseQuantity(s))) return s
  if (resource === 'cpu') return formatMilliCpu(milliCpu(s))
  // Plain integers and suffixed quantities keep their written form; decimals without suffix are
  // rescaled as Go does (0.5 → 500m).
  if (/^\d+$/.test(s) || /^\d+(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)$/.test(s)) return s
  const v = parseQuantity(s)
  if (Number.isInteger(v)) return String(v)
  return formatMilliCpu(Math.ceil(v * 1000))
}

/** Sum of memory-like quantities formatted as Go prints a sum (binary suffix when exact). */
export function formatBytesQuantity(b: number): string {
  return b === 0 ? '0' : formatBytes(b)
}

export { milliCpu, bytes, formatMilliCpu }

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order. */
export function accessModes(modes: string[] | undefined): string {
  const m = new Set(modes ?? [])
  const out: string[] = []
  if (m.has('ReadWriteOnce')) out.push('RWO')
  if (m.has('ReadOnlyMany')) out.push('ROX')
  if (m.has('ReadWriteMany')) out.push('RWX')
  if (m.has('ReadWriteOncePod')) out.push('RWOP')
  return out.join(',')
}

/** printers.go listWithMoreString. */
export function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',')
  if (more) return `${ret} + ${count - max} more...`
  return ret === '' ? '<unset>' : ret
}

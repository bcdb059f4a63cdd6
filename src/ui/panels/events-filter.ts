// The Events feed's filters: free text (reason, object, message, namespace, source), Warning
// only, one namespace; then the newest `cap` rows.
import type { EventRow } from '../../store'

export interface EventFilter {
  text: string
  warningsOnly: boolean
  /** '' = all namespaces. */
  namespace: string
}

export const MAX_ROWS = 500

export function filterEvents(rows: readonly EventRow[], f: EventFilter, cap = MAX_ROWS): { rows: EventRow[]; total: number } {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean)
  const out = rows.filter((r) => {
    if (f.warningsOnly && r.type !== 'Warning') return false
    if (f.namespace && r.namespace !== f.namespace) return false
    if (!words.length) return true
    const hay = `${r.namespace} ${r.type} ${r.reason} ${r.object} ${r.source} ${r.message}`.toLowerCase()
    return words.every((w) => hay.includes(w))
  })
  return { rows: out.length > cap ? out.slice(out.length - cap) : out, total: out.length }
}

/** Namespaces that have events, sorted. */
export function eventNamespaces(rows: readonly EventRow[]): string[] {
  return [...new Set(rows.map((r) => r.namespace))].sort()
}

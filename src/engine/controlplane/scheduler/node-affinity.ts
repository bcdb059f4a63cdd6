// nodeSelector and node affinity matching (k8s.io/component-helpers/scheduling/corev1/nodeaffinity).
import type { KObject } from '../../api/types'

export interface NodeSelectorRequirement { key: string; operator: string; values?: string[] }
export interface NodeSelectorTerm { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }

function matchRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? []
  switch (r.operator) {
    case 'In': return value !== undefined && values.includes(value)
    case 'NotIn': return value === undefined || !values.includes(value)
    case 'Exists': return value !== undefined
    case 'DoesNotExist': return value === undefined
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1) return false
      const a = Number.parseInt(value, 10)
      const b = Number.parseInt(values[0], 10)
      if (!/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0])) return false
      return r.operator === 'Gt' ? a > b : a < b
    }
    default: return false
  }
}

/** One term: all expressions and fields match; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: KObject): boolean {
  const exprs = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  if (exprs.length === 0 && fields.length === 0) return false
  const labels = node.metadata.labels ?? {}
  for (const e of exprs) if (!matchRequirement(e, Object.prototype.hasOwnProperty.call(labels, e.key) ? labels[e.key] : undefined)) return false
  for (const f of fields) {
    if (f.key !== 'metadata.name') return false
    if (!matchRequirement(f, node.metadata.name)) return false
  }
  return true
}

/** Terms are ORed. */
export function termsMatch(terms: NodeSelectorTerm[] | undefined, node: KObject): boolean {
  return (terms ?? []).some((t) => termMatches(t, node))
}

/** RequiredNodeAffinity.Match: nodeSelector AND required node affinity. */
export function podMatchesNodeSelectorAndAffinity(pod: KObject, node: KObject): boolean {
  const sel = pod.spec?.nodeSelector as Record<string, string> | undefined
  if (sel) {
    const labels = node.metadata.labels ?? {}
    for (const [k, v] of Object.entries(sel)) if (labels[k] !== v) return false
  }
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (required) return termsMatch(required.nodeSelectorTerms, node)
  return true
}

/** Σ weights of matching preferred terms (NodeAffinity Score, before normalising). */
export function preferredAffinityScore(pod: KObject, node: KObject): number {
  const prefs = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution as { weight: number; preference: NodeSelectorTerm }[] | undefined
  if (!prefs) return 0
  let s = 0
  for (const p of prefs) if (p.weight && termMatches(p.preference, node)) s += p.weight
  return s
}

// InterPodAffinity (k/k pkg/scheduler/framework/plugins/interpodaffinity/filtering.go, scoring.go):
// required pod (anti-)affinity of the incoming pod, required anti-affinity of existing pods, and
// the preferred terms of the incoming pod as a score. Topology domains are node label values.
import type { KObject } from '../../api/types'
import { fromLabelSelector, matches, type LabelSelector } from '../../api/selectors'
import type { NodeInfo } from './node-info'

export const REASON_AFFINITY_RULES = "node(s) didn't match pod affinity rules"
export const REASON_ANTI_AFFINITY_RULES = "node(s) didn't match pod anti-affinity rules"
export const REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules"

export interface PodAffinityTerm { labelSelector?: LabelSelector; namespaces?: string[]; namespaceSelector?: LabelSelector; topologyKey: string }
interface Weighted { weight: number; podAffinityTerm: PodAffinityTerm }

function termMatchesPod(term: PodAffinityTerm, owner: KObject, pod: KObject): boolean {
  if (pod.metadata.deletionTimestamp) return false
  const nss = term.namespaces?.length ? term.namespaces : term.namespaceSelector ? undefined : [owner.metadata.namespace ?? 'default']
  if (nss && !nss.includes(pod.metadata.namespace ?? 'default')) return false
  if (!term.labelSelector) return false
  return matches(fromLabelSelector(term.labelSelector), pod.metadata.labels)
}

function sameDomain(a: KObject, b: KObject, key: string): boolean {
  const va = a.metadata.labels?.[key]
  return va !== undefined && va === b.metadata.labels?.[key]
}

function required(pod: KObject, kind: 'podAffinity' | 'podAntiAffinity'): PodAffinityTerm[] {
  return (pod.spec?.affinity?.[kind]?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as PodAffinityTerm[]
}

function preferred(pod: KObject, kind: 'podAffinity' | 'podAntiAffinity'): Weighted[] {
  return (pod.spec?.affinity?.[kind]?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as Weighted[]
}

/** True when the filter can matter for this pod in this batch (cheap pre-check). */
export function hasInterPodConstraints(pod: KObject, anyExistingAntiAffinity: boolean): boolean {
  return anyExistingAntiAffinity || required(pod, 'podAffinity').length > 0 || required(pod, 'podAntiAffinity').length > 0
}

export function existingHasRequiredAntiAffinity(pod: KObject): boolean {
  return required(pod, 'podAntiAffinity').length > 0
}

/** The filter for one node, in upstream order (affinity, anti-affinity, existing pods' anti-affinity). */
export function interPodAffinityFilter(pod: KObject, info: NodeInfo, all: NodeInfo[]): { reason: string; unresolvable: boolean } | undefined {
  const aff = required(pod, 'podAffinity')
  if (aff.length) {
    let ok = true
    for (const term of aff) {
      let found = false
      for (const other of all) {
        if (!sameDomain(other.node, info.node, term.topologyKey)) continue
        if (other.podList.some((p) => termMatchesPod(term, pod, p))) { found = true; break }
      }
      if (!found) { ok = false; break }
    }
    if (!ok) {
      // The first pod of a group may match its own affinity when no pod matches anywhere.
      const anyMatch = aff.some((term) => all.some((o) => o.podList.some((p) => termMatchesPod(term, pod, p))))
      const self = aff.every((term) => termMatchesPod(term, pod, pod) && info.node.metadata.labels?.[term.topologyKey] !== undefined)
      if (anyMatch || !self) return { reason: REASON_AFFINITY_RULES, unresolvable: true }
    }
  }
  for (const term of required(pod, 'podAntiAffinity')) {
    for (const other of all) {
      if (!sameDomain(other.node, info.node, term.topologyKey)) continue
      if (other.podList.some((p) => termMatchesPod(term, pod, p))) return { reason: REASON_ANTI_AFFINITY_RULES, unresolvable: false }
    }
  }
  // Existing pods' required anti-affinity against the incoming pod.
  for (const other of all) {
    for (const existing of other.podList) {
      for (const term of required(existing, 'podAntiAffinity')) {
        if (sameDomain(other.node, info.node, term.topologyKey) && termMatchesPod(term, existing, pod)) return { reason: REASON_EXISTING_ANTI_AFFINITY, unresolvable: false }
      }
    }
  }
  return undefined
}

/** Raw preferred score per feasible node: Σ weights of affinity matches − anti-affinity matches. */
export function interPodAffinityRaw(pod: KObject, feasible: NodeInfo[], all: NodeInfo[]): number[] | undefined {
  const aff = preferred(pod, 'podAffinity')
  const anti = preferred(pod, 'podAntiAffinity')
  if (!aff.length && !anti.length) return undefined
  return feasible.map((info) => {
    let s = 0
    for (const [terms, sign] of [[aff, 1], [anti, -1]] as [Weighted[], number][]) {
      for (const w of terms) {
        for (const other of all) {
          if (!sameDomain(other.node, info.node, w.podAffinityTerm.topologyKey)) continue
          for (const p of other.podList) if (termMatchesPod(w.podAffinityTerm, pod, p)) s += sign * w.weight
        }
      }
    }
    return s
  })
}

/** NormalizeScore: (s − min) × 100 / (max − min); all equal → 0. */
export function normalizeInterPod(raw: number[]): number[] {
  let min = Infinity
  let max = -Infinity
  for (const r of raw) { if (r < min) min = r; if (r > max) max = r }
  const diff = max - min
  return raw.map((r) => (diff > 0 ? Math.floor((100 * (r - min)) / diff) : 0))
}

// PodTopologySpread with the pod's own constraints (k/k pkg/scheduler/framework/plugins/
// podtopologyspread/filtering.go, scoring.go): DoNotSchedule constraints filter by skew,
// ScheduleAnyway ones score. Pods without constraints get the system defaults (scores.ts).
import type { KObject } from '../../api/types'
import { fromLabelSelector, matches, type LabelSelector, type Selector } from '../../api/selectors'
import type { NodeInfo } from './node-info'
import { podMatchesNodeSelectorAndAffinity } from './node-affinity'

export const REASON_SPREAD = "node(s) didn't match pod topology spread constraints"
export const REASON_SPREAD_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)"

export interface SpreadConstraint { maxSkew: number; topologyKey: string; whenUnsatisfiable: string; labelSelector?: LabelSelector; minDomains?: number; matchLabelKeys?: string[] }

export function constraintsOf(pod: KObject, when?: string): SpreadConstraint[] {
  const all = (pod.spec?.topologySpreadConstraints ?? []) as SpreadConstraint[]
  return when ? all.filter((c) => c.whenUnsatisfiable === when) : all
}

function selectorOf(pod: KObject, c: SpreadConstraint): Selector {
  const sel = fromLabelSelector(c.labelSelector)
  // matchLabelKeys: the pod's own values for those keys are ANDed in.
  for (const k of c.matchLabelKeys ?? []) {
    const v = pod.metadata.labels?.[k]
    if (v !== undefined) sel.push({ key: k, operator: 'In', values: [v] })
  }
  return sel
}

/** Matching pods per topology value over the nodes the pod could go to (nodeAffinityPolicy Honor). */
function domainCounts(pod: KObject, c: SpreadConstraint, sel: Selector, all: NodeInfo[]): Record<string, number> {
  const counts: Record<string, number> = {}
  const ns = pod.metadata.namespace ?? 'default'
  for (const info of all) {
    const v = info.node.metadata.labels?.[c.topologyKey]
    if (v === undefined || !podMatchesNodeSelectorAndAffinity(pod, info.node)) continue
    counts[v] ??= 0
    for (const p of info.podList) {
      if (p.metadata.deletionTimestamp || (p.metadata.namespace ?? 'default') !== ns) continue
      if (c.labelSelector && matches(sel, p.metadata.labels)) counts[v]++
    }
  }
  return counts
}

/** The DoNotSchedule filter for one node. */
export function topologySpreadFilter(pod: KObject, info: NodeInfo, all: NodeInfo[]): { reason: string; unresolvable: boolean } | undefined {
  for (const c of constraintsOf(pod, 'DoNotSchedule')) {
    const v = info.node.metadata.labels?.[c.topologyKey]
    if (v === undefined) return { reason: REASON_SPREAD_LABEL, unresolvable: true }
    const sel = selectorOf(pod, c)
    const counts = domainCounts(pod, c, sel, all)
    const values = Object.values(counts)
    let min = values.length ? Math.min(...values) : 0
    if (c.minDomains && values.length < c.minDomains) min = 0
    const self = c.labelSelector && matches(sel, pod.metadata.labels) ? 1 : 0
    if ((counts[v] ?? 0) + self - min > c.maxSkew) return { reason: REASON_SPREAD, unresolvable: false }
  }
  return undefined
}

/** Scores for ScheduleAnyway constraints, or undefined when the pod has none. */
export function topologySpreadUserScores(pod: KObject, feasible: NodeInfo[], all: NodeInfo[]): number[] | undefined {
  const cs = constraintsOf(pod, 'ScheduleAnyway')
  if (!cs.length) return undefined
  const raw = feasible.map(() => 0)
  const ignored = feasible.map((i) => cs.some((c) => i.node.metadata.labels?.[c.topologyKey] === undefined))
  for (const c of cs) {
    const counts = domainCounts(pod, c, selectorOf(pod, c), all)
    const weight = Math.log(Object.keys(counts).length + 2)
    feasible.forEach((info, k) => {
      const v = info.node.metadata.labels?.[c.topologyKey]
      if (v !== undefined) raw[k] += (counts[v] ?? 0) * weight + (c.maxSkew - 1)
    })
  }
  const rounded = raw.map(Math.round)
  let min = Infinity
  let max = 0
  rounded.forEach((r, k) => { if (!ignored[k]) { if (r < min) min = r; if (r > max) max = r } })
  return rounded.map((s, k) => (ignored[k] ? 0 : max === 0 ? 100 : Math.floor((100 * (max + min - s)) / max)))
}

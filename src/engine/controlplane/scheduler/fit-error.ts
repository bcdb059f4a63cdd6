// FitError.Error (k/k pkg/scheduler/framework/types.go) and the DefaultPreemption PostFilter
// message (plugins/defaultpreemption, pkg/scheduler/framework/preemption/preemption.go).
import type { FilterResult } from './filters'

export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling'
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod.'

/** "0/N nodes are available: <histogram sorted as strings>." */
export function fitErrorMessage(numAllNodes: number, histogram: Record<string, number>): string {
  const parts = Object.entries(histogram).map(([reason, n]) => `${n} ${reason}`).sort()
  return `0/${numAllNodes} nodes are available: ${parts.join(', ')}.`
}

/**
 * The full FailedScheduling message. Preemption is simulated without victims: nodes rejected for
 * unresolvable reasons are "not helpful", the others find no lower-priority victims.
 */
export function failedSchedulingMessage(numAllNodes: number, results: FilterResult[], preemption = true): string {
  const hist: Record<string, number> = {}
  const pre: Record<string, number> = {}
  for (const r of results) {
    for (const reason of r.reasons) hist[reason] = (hist[reason] ?? 0) + 1
    const p = r.unresolvable ? PREEMPTION_NOT_HELPFUL : NO_PREEMPTION_VICTIMS
    pre[p] = (pre[p] ?? 0) + 1
  }
  let msg = fitErrorMessage(numAllNodes, hist)
  if (preemption) msg += ' preemption: ' + fitErrorMessage(numAllNodes, pre)
  return msg
}

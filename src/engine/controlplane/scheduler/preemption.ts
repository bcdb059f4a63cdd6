// DefaultPreemption, simplified (k/k pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go
// SelectVictimsOnNode, pkg/scheduler/framework/preemption/preemption.go pickOneNodeForPreemption):
// on nodes where the pod failed for resolvable reasons, remove lower-priority pods, check the pod
// fits, then reprieve victims (highest priority first) while it still fits.
import type { KObject } from '../../api/types'
import { addPod, newNodeInfo, type NodeInfo } from './node-info'
import { filterNode } from './filters'
import type { Req } from './requests'
import type { FilterResult } from './filters'

export function priorityOf(pod: KObject): number {
  return typeof pod.spec?.priority === 'number' ? pod.spec.priority : 0
}

function infoWithout(info: NodeInfo, removed: Set<KObject>): NodeInfo {
  const out = newNodeInfo(info.node)
  for (const p of info.podList) if (!removed.has(p)) addPod(out, p)
  return out
}

export interface PreemptionPlan { node: string; victims: KObject[] }

/** The node and victims for preempting, or undefined when no lower-priority victims help. */
export function findPreemption(pod: KObject, req: Req, infos: NodeInfo[], results: FilterResult[]): PreemptionPlan | undefined {
  if (pod.spec?.preemptionPolicy === 'Never') return undefined
  const prio = priorityOf(pod)
  const plans: { node: string; victims: KObject[]; maxPrio: number; sumPrio: number }[] = []
  infos.forEach((info, k) => {
    if (results[k].unresolvable) return
    const lower = info.podList.filter((p) => priorityOf(p) < prio && !p.metadata.deletionTimestamp)
    if (!lower.length) return
    const removed = new Set(lower)
    if (filterNode(pod, req, infoWithout(info, removed)).reasons.length) return
    // Reprieve: try to keep the most important pods (highest priority first).
    const byPrio = [...lower].sort((a, b) => priorityOf(b) - priorityOf(a))
    for (const p of byPrio) {
      removed.delete(p)
      if (filterNode(pod, req, infoWithout(info, removed)).reasons.length) removed.add(p)
    }
    const victims = lower.filter((p) => removed.has(p))
    if (!victims.length) return
    plans.push({ node: info.name, victims, maxPrio: Math.max(...victims.map(priorityOf)), sumPrio: victims.reduce((s, p) => s + priorityOf(p), 0) })
  })
  if (!plans.length) return undefined
  // pickOneNodeForPreemption: lowest highest-victim priority, then smallest sum, then fewest victims.
  plans.sort((a, b) => a.maxPrio - b.maxPrio || a.sumPrio - b.sumPrio || a.victims.length - b.victims.length || a.node.localeCompare(b.node))
  return { node: plans[0].node, victims: plans[0].victims }
}

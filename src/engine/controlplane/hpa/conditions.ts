// HPA status conditions (horizontal.go setCondition / setConditionInList): a condition keeps its
// place in the list; lastTransitionTime changes only when its status does.
import type { Cluster } from '../../cluster'
import { rfc3339 } from '../../sim/time'

export type ConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited'

export interface HpaCondition {
  type: ConditionType
  status: 'True' | 'False' | 'Unknown'
  lastTransitionTime?: string
  reason: string
  message: string
}

export function setCondition(c: Cluster, conds: HpaCondition[], type: ConditionType, status: HpaCondition['status'], reason: string, message: string): void {
  let cond = conds.find((x) => x.type === type)
  if (!cond) {
    cond = { type, status, lastTransitionTime: rfc3339(c.now), reason, message }
    conds.push(cond)
  }
  if (cond.status !== status) cond.lastTransitionTime = rfc3339(c.now)
  cond.status = status
  cond.reason = reason
  cond.message = message
}

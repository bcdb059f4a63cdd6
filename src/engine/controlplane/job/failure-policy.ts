// Job spec.podFailurePolicy (beta, on by default in v1.30): the first rule matching a failed pod
// decides whether it fails the job, is ignored (not counted toward backoffLimit) or counts.
// Source: k/k pkg/controller/job/pod_failure_policy.go (matchPodFailurePolicy, matchOnExitCodes,
// matchOnPodConditions).
import type { KObject } from '../../api/types'

export type PolicyAction = 'FailJob' | 'Ignore' | 'Count' | 'FailIndex'

interface ExitCodesRule { containerName?: string; operator: 'In' | 'NotIn'; values: number[] }
interface ConditionRule { type: string; status?: string }
interface Rule { action: PolicyAction; onExitCodes?: ExitCodesRule; onPodConditions?: ConditionRule[] }
interface TerminatedStatus { name: string; state?: { terminated?: { exitCode?: number } } }

export interface PolicyMatch {
  /** False for Ignore: the failure is not counted in status.failed. */
  countFailed: boolean
  action?: PolicyAction
  /** Set for FailJob: the Failed condition's message. */
  failJobMessage?: string
}

function matchOnExitCodes(pod: KObject, r: ExitCodesRule): TerminatedStatus | undefined {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])] as TerminatedStatus[]
  return statuses.find((s) => {
    const code = s.state?.terminated?.exitCode
    if (code === undefined || code === 0) return false
    if (r.containerName && r.containerName !== s.name) return false
    const inValues = (r.values ?? []).includes(code)
    return r.operator === 'NotIn' ? !inValues : inValues
  })
}

function matchOnPodConditions(pod: KObject, rules: ConditionRule[]): string | undefined {
  for (const cond of (pod.status?.conditions ?? []) as { type: string; status: string }[]) {
    if (rules.some((r) => r.type === cond.type && (r.status ?? 'True') === cond.status)) return cond.type
  }
  return undefined
}

/** matchPodFailurePolicy for a failed pod; no policy or no matching rule counts the failure. */
export function matchPodFailurePolicy(job: KObject, pod: KObject): PolicyMatch {
  const rules = (job.spec?.podFailurePolicy?.rules ?? []) as Rule[]
  const where = `${pod.metadata.namespace}/${pod.metadata.name}`
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]
    let failJobMessage: string | undefined
    if (rule.onExitCodes) {
      const cs = matchOnExitCodes(pod, rule.onExitCodes)
      if (!cs) continue
      failJobMessage = `Container ${cs.name} for pod ${where} failed with exit code ${cs.state?.terminated?.exitCode} matching FailJob rule at index ${i}`
    } else if (rule.onPodConditions) {
      const type = matchOnPodConditions(pod, rule.onPodConditions)
      if (!type) continue
      failJobMessage = `Pod ${where} has condition ${type} matching FailJob rule at index ${i}`
    } else continue
    switch (rule.action) {
      case 'Ignore': return { countFailed: false, action: 'Ignore' }
      case 'Count': return { countFailed: true, action: 'Count' }
      case 'FailIndex': return { countFailed: true, action: 'FailIndex' }
      case 'FailJob': return { countFailed: true, action: 'FailJob', failJobMessage }
    }
  }
  return { countFailed: true }
}

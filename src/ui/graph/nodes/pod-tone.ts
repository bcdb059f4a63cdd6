// A cheap tone for a pod (phase + readiness), for chips and mini-grids that show many pods.
import type { KObject } from '../../../engine'
import type { Tone } from '../../palette'

type Json = any

export function quickTone(pod: KObject | undefined): Tone {
  if (!pod) return 'off'
  if (pod.metadata.deletionTimestamp) return 'off'
  const st = pod.status ?? {}
  if (st.phase === 'Succeeded') return 'done'
  if (st.phase === 'Failed') return 'failed'
  const cs: Json[] = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])]
  if (cs.some((c) => /BackOff|Err|Invalid/.test(c.state?.waiting?.reason ?? '') || (c.lastState?.terminated?.exitCode ?? 0) !== 0 && !c.ready)) return 'failed'
  if (st.phase === 'Running') return (st.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True') ? 'ok' : 'progress'
  return pod.spec?.nodeName ? 'progress' : 'waiting'
}

// Scale a Deployment or StatefulSet: `kubectl scale deployment/NAME --replicas=N`.
import { defineAction, err, intInput, isKind, kubectl, nsFlag, objectOf, safeName } from './define'
import type { UserAction } from './types'

export const MAX_REPLICAS = 100

function scaleAction(plural: 'deployments' | 'statefulsets', kind: string, zh: string): UserAction {
  return defineAction({
    id: `${kind}.scale`,
    label: { en: `Scale ${kind === 'deployment' ? 'Deployment' : 'StatefulSet'}`, zh: `扩缩 ${zh}` },
    group: 'workload',
    input: [{ name: 'replicas', label: { en: 'Replicas', zh: '副本数' }, type: 'integer', min: 0, max: MAX_REPLICAS, initial: (s, t) => objectOf(s, t)?.spec?.replicas ?? 1 }],
    appliesTo: (t) => isKind(t, plural),
    available: (s, t) => {
      const o = objectOf(s, t)
      return !!o && !o.metadata.deletionTimestamp
    },
    dispatch: (_s, t, input) => {
      if (t.kind !== 'object' || !safeName(t.name)) return err('no object')
      const n = intInput(input, 'replicas', 0, MAX_REPLICAS)
      if (!n.ok) return n
      return kubectl(`kubectl scale ${kind}/${t.name} --replicas=${n.value}${nsFlag(t.namespace)}`)
    },
  })
}

export const scaleDeployment = scaleAction('deployments', 'deployment', 'Deployment')
export const scaleStatefulSet = scaleAction('statefulsets', 'statefulset', 'StatefulSet')

// Roll a Deployment back to its previous revision: `kubectl rollout undo deployment/NAME`.
import { defineAction, err, isKind, kubectl, nsFlag, objectOf, safeName } from './define'

export const rolloutUndo = defineAction({
  id: 'deployment.rollout-undo',
  label: { en: 'Roll back', zh: '回滚' },
  group: 'workload',
  appliesTo: (t) => isKind(t, 'deployments'),
  // Needs an older revision: another ReplicaSet owned by this Deployment.
  available: (s, t) => {
    const d = objectOf(s, t)
    if (!d || d.metadata.deletionTimestamp) return false
    const uid = d.metadata.uid
    const owned = Object.values(s.cluster.state.store.objects.replicasets ?? {}).filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === uid))
    return owned.length >= 2
  },
  dispatch: (_s, t) => (t.kind === 'object' && safeName(t.name) ? kubectl(`kubectl rollout undo deployment/${t.name}${nsFlag(t.namespace)}`) : err('no deployment')),
})

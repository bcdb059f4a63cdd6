// Delete a pod: `kubectl delete pod NAME --wait=false` (the graph shows it terminating; a managed
// pod gets a replacement).
import { defineAction, isKind, kubectl, nsFlag, objectOf, err, safeName } from './define'

export const deletePod = defineAction({
  id: 'pod.delete',
  label: { en: 'Delete pod', zh: '删除 Pod' },
  shortcut: 'Delete',
  group: 'pod',
  appliesTo: (t) => isKind(t, 'pods'),
  available: (s, t) => {
    const p = objectOf(s, t)
    return !!p && !p.metadata.deletionTimestamp
  },
  dispatch: (_s, t) => {
    if (t.kind !== 'object' || !safeName(t.name)) return err('no pod')
    return kubectl(`kubectl delete pod ${t.name}${nsFlag(t.namespace)} --wait=false`)
  },
})

// StatefulSet controller registration: syncs a set when it or one of its pods changes
// (k/k pkg/controller/statefulset/stateful_set.go addPod/updatePod/deletePod → enqueueStatefulSet).
import type { Cluster } from '../../cluster'
import type { WatchEvent } from '../../api/types'
import { registerComponents } from '../../registry'
import { fromLabelSelector, matches } from '../../api/selectors'
import { controllerOf } from '../util/pods'
import { onResync } from '../util/queue'
import { sortedKeys } from '../util/sync-keys'
import { STS_CONTROLLER, syncStatefulSet } from './sync'

export { STS_CONTROLLER, syncStatefulSet } from './sync'

onResync(STS_CONTROLLER, syncStatefulSet)

function onWatch(c: Cluster, events: WatchEvent[]): void {
  const keys: Record<string, true> = {}
  for (const e of events) {
    const obj = e.object
    const ns = obj.metadata.namespace ?? 'default'
    if (e.plural === 'statefulsets') {
      if (e.type !== 'DELETED') keys[`${ns}/${obj.metadata.name}`] = true
      continue
    }
    const ref = controllerOf(obj)
    if (ref) {
      if (ref.kind === 'StatefulSet') keys[`${ns}/${ref.name}`] = true
      continue
    }
    if (e.type === 'DELETED') continue
    // An orphan pod: sets whose selector matches may adopt it (getPodStatefulSets).
    for (const sts of c.client(STS_CONTROLLER).list('statefulsets', { namespace: ns })) {
      const sel = fromLabelSelector(sts.spec?.selector)
      if (sel.length && matches(sel, obj.metadata.labels)) keys[`${ns}/${sts.metadata.name}`] = true
    }
  }
  for (const key of sortedKeys(keys)) syncStatefulSet(c, key)
}

registerComponents(() => [{ name: STS_CONTROLLER, watches: ['statefulsets', 'pods'], onEvents: onWatch }])

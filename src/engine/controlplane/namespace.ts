// Namespace lifecycle: API defaulting (spec.finalizers ["kubernetes"], the
// kubernetes.io/metadata.name label, phase Active; k/k pkg/registry/core/namespace/strategy.go)
// and the namespace controller, which deletes a terminating namespace's content and then
// removes the `kubernetes` finalizer (k/k pkg/controller/namespace/deletion/namespaced_resources_deleter.go).
import type { Cluster } from '../cluster'
import type { WatchEvent } from '../api/types'
import { registerAdmitter } from '../api/admission'
import { defaultNamespace } from '../api/defaults/misc'
import { registerComponents } from '../registry'
import { STORED } from '../api/resources'
import { enqueueAfter, onResync } from './util/queue'

export const NAMESPACE_CONTROLLER = 'namespace-controller'
const FINALIZER = 'kubernetes'
/** Requeue while content remains (the deleter's estimate is a few seconds). */
const RECHECK_MS = 2000

// The API's namespace defaulting (idempotent), registered here too so this controller also works
// when the validation module is not loaded (unit tests).
registerAdmitter('namespaces', (_c, op, _info, obj) => {
  if (op === 'CREATE') defaultNamespace(obj, true)
  return { ok: true, value: obj }
})

/** Deletes what is left in a terminating namespace; finalizes it once empty. */
export function syncNamespace(c: Cluster, name: string): void {
  const api = c.client(NAMESPACE_CONTROLLER)
  const ns = api.get('namespaces', undefined, name)
  if (!ns || !ns.metadata.deletionTimestamp) return
  let remaining = 0
  for (const plural of Object.keys(STORED)) {
    if (!STORED[plural].namespaced) continue
    for (const obj of api.list(plural, { namespace: name })) {
      if (!obj.metadata.deletionTimestamp) {
        const r = api.delete(plural, name, obj.metadata.name)
        if (r.ok && !c.client(NAMESPACE_CONTROLLER).get(plural, name, obj.metadata.name)) continue
      }
      remaining++
    }
  }
  if (remaining > 0) {
    enqueueAfter(c, NAMESPACE_CONTROLLER, name, RECHECK_MS)
    return
  }
  api.mutate('namespaces', undefined, name, (o) => {
    const fins = (o.spec?.finalizers ?? []) as string[]
    if (!fins.includes(FINALIZER)) return false
    o.spec = { ...o.spec, finalizers: fins.filter((f) => f !== FINALIZER) }
  })
}

onResync(NAMESPACE_CONTROLLER, syncNamespace)

function onWatch(c: Cluster, events: WatchEvent[]): void {
  const names = new Set<string>()
  for (const e of events) if (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp) names.add(e.object.metadata.name)
  for (const n of [...names].sort()) syncNamespace(c, n)
}

registerComponents(() => [{ name: NAMESPACE_CONTROLLER, watches: ['namespaces'], onEvents: onWatch }])

// `kubectl logs`: the container log of the current or previous instance, with the API
// server's errors (k/k pkg/registry/core/pod/strategy.go LogLocation, pkg/kubelet/kubelet_pods.go
// validateContainerLogStatus).
import type { Cluster } from '../../cluster'
import { fail, ok, type Result } from '../../api/types'
import { peekKubelet } from './worker'
import { tailLines } from './log-buffer'

 
type Json = any

const bad = (message: string) => fail<string>({ code: 400, reason: 'BadRequest', message })

export function readContainerLog(c: Cluster, namespace: string, pod: string, container: string | undefined, opts: { previous?: boolean; tailLines?: number } = {}): Result<string> {
  const p = c.api.get('pods', namespace, pod)
  if (!p) return fail({ code: 404, reason: 'NotFound', message: `pods "${pod}" not found`, details: { name: pod, kind: 'pods' } })
  const spec = p.spec ?? {}
  const all: Json[] = [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])]
  let name = container
  if (!name) {
    if ((spec.containers ?? []).length === 1 && !(spec.initContainers ?? []).length && !(spec.ephemeralContainers ?? []).length) name = spec.containers[0].name
    else if ((spec.containers ?? []).length === 1) name = spec.containers[0].name
    else return bad(`a container name must be specified for pod ${pod}, choose one of: [${(spec.containers ?? []).map((x: Json) => x.name).join(' ')}] or one of the init containers: [${(spec.initContainers ?? []).map((x: Json) => x.name).join(' ')}]`.replace(/ or one of the init containers: \[\]$/, ''))
  }
  if (!all.some((x) => x.name === name)) return bad(`container ${name} is not valid for pod ${pod}`)
  const node = spec.nodeName as string | undefined
  const w = node ? peekKubelet(c, node)?.pods[p.metadata.uid] : undefined
  const r = w?.containers[name!]
  if (opts.previous) {
    if (!r || r.restartCount === 0 && !(r.stage === 'exited' && r.waiting)) return bad(`previous terminated container "${name}" in pod "${pod}" not found`)
    const prev = r.stage === 'exited' && r.waiting ? r.log : r.prevLog
    return ok(opts.tailLines !== undefined ? tailLines(prev, opts.tailLines) : prev)
  }
  if (!r || r.instance === 0) {
    const statuses: Json[] = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? []), ...(p.status?.ephemeralContainerStatuses ?? [])]
    const reason = statuses.find((s) => s.name === name)?.state?.waiting?.reason ?? ((spec.initContainers ?? []).length ? 'PodInitializing' : 'ContainerCreating')
    return bad(`container "${name}" in pod "${pod}" is waiting to start: ${reason}`)
  }
  return ok(opts.tailLines !== undefined ? tailLines(r.log, opts.tailLines) : r.log)
}

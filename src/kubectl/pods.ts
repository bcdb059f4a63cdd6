// Finding the pod a command acts on: `POD`, `pod/x`, or a controller `deploy/x`, `job/x`,
// `svc/x` → its most active pod (kubectl polymorphichelpers AttachablePodForObject / GetFirstPod).
import type { KObject } from '../engine'
import { fromLabelSelector, fromMap, type Selector } from '../engine/api/selectors'
import type { Ctx } from './command'
import { resolveType, unknownType } from './util'

export type PodResult = { ok: true; pod: KObject; count: number } | { ok: false; message: string; fromServer?: boolean }

function isReady(p: KObject): boolean {
  return (p.status?.conditions ?? []).some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True')
}

const PHASE_RANK: Record<string, number> = { Running: 3, Unknown: 2, Pending: 1 }

/** Most active first: assigned, running, ready, older. */
export function sortByActivity(pods: KObject[]): KObject[] {
  return [...pods].sort((a, b) => {
    const k = (p: KObject) => [p.spec?.nodeName ? 1 : 0, PHASE_RANK[p.status?.phase] ?? 0, isReady(p) ? 1 : 0]
    const ka = k(a), kb = k(b)
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i]
    if (a.metadata.creationTimestamp !== b.metadata.creationTimestamp) return a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1
    return a.metadata.name < b.metadata.name ? -1 : 1
  })
}

export function selectorOf(obj: KObject): Selector | undefined {
  if (obj.kind === 'Service') return obj.spec?.selector ? fromMap(obj.spec.selector) : undefined
  if (obj.kind === 'ReplicationController') return fromMap(obj.spec?.selector)
  return obj.spec?.selector ? fromLabelSelector(obj.spec.selector) : undefined
}

export function podsFor(ctx: Ctx, obj: KObject): KObject[] {
  const sel = selectorOf(obj)
  if (!sel) return []
  return ctx.c.api.list('pods', { namespace: obj.metadata.namespace, labelSelector: sel })
}

export function resolvePod(ctx: Ctx, arg: string): PodResult {
  let plural = 'pods'
  let name = arg
  if (arg.includes('/')) {
    const [t, ...rest] = arg.split('/')
    const info = resolveType(t)
    if (!info) return { ok: false, message: `error: ${unknownType(t)}` }
    plural = info.plural
    name = rest.join('/')
  }
  const r = ctx.c.api.read(plural, ctx.namespace, name)
  if (!r.ok) return { ok: false, message: `Error from server (${r.status.reason}): ${r.status.message}`, fromServer: true }
  if (plural === 'pods') return { ok: true, pod: r.value, count: 1 }
  const pods = sortByActivity(podsFor(ctx, r.value))
  if (!pods.length) return { ok: false, message: `error: timed out waiting for the condition` }
  return { ok: true, pod: pods[0], count: pods.length }
}

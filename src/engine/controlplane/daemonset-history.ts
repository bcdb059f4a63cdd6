// ControllerRevisions of a DaemonSet: one snapshot of spec.template per distinct template, named
// `<ds>-<ComputeHash(template, collisionCount)>` and labelled controller-revision-hash=<hash>, the
// label its pods carry. k/k pkg/controller/daemon/update.go (constructHistory, snapshot,
// dedupCurHistories, cleanupHistory, Match, getPatch, maxRevision).
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'
import { computeHash } from './deployment/hash'
import { maxRevision, newControllerRevision, ownedRevisions, revisionData, revisionMatches, revisionNumber, setRevisionNumber } from './util/history'

/** apps.DefaultDaemonSetUniqueLabelKey */
export const DS_HASH_LABEL = 'controller-revision-hash'

export interface DaemonSetHistory { cur: KObject; old: KObject[]; hash: string }

const hashOf = (r: KObject): string => r.metadata.labels?.[DS_HASH_LABEL] ?? ''

/**
 * snapshot: creates the revision for the current template. A name taken by a different revision
 * is a hash collision: bump status.collisionCount (which re-queues the DaemonSet) and give up.
 */
function snapshot(c: Cluster, actor: string, ds: KObject, data: unknown, revision: number): KObject | undefined {
  const api = c.client(actor)
  const collisionCount = ds.status?.collisionCount as number | undefined
  const hash = computeHash(ds.spec?.template, collisionCount)
  const name = `${ds.metadata.name}-${hash}`
  const labels = { ...(ds.spec?.template?.metadata?.labels ?? {}), [DS_HASH_LABEL]: hash }
  const r = api.create(newControllerRevision(ds, name, data, revision, labels, ds.metadata.annotations) as never)
  if (r.ok) return r.value
  if (r.status.reason !== 'AlreadyExists') return undefined
  const existing = api.get('controllerrevisions', ds.metadata.namespace, name)
  if (existing && revisionMatches(existing, data)) return existing
  api.updateStatus('daemonsets', ds.metadata.namespace, ds.metadata.name, (o) => {
    o.status = { ...(o.status ?? {}), collisionCount: Number(o.status?.collisionCount ?? 0) + 1 }
  })
  return undefined
}

/**
 * dedupCurHistories: of several revisions matching the template keep the newest, move the pods
 * that do not carry its hash over to it (as upstream does, whatever hash they had), delete the rest.
 */
function dedupCurHistories(c: Cluster, actor: string, ds: KObject, cur: KObject[], pods: () => KObject[]): KObject {
  if (cur.length === 1) return cur[0]
  let keep = cur[0]
  for (const r of cur) if (revisionNumber(r) >= revisionNumber(keep)) keep = r
  const api = c.client(actor)
  for (const r of cur) {
    if (r.metadata.name === keep.metadata.name) continue
    for (const p of pods()) {
      if (p.metadata.labels?.[DS_HASH_LABEL] === hashOf(keep)) continue
      api.mutate('pods', p.metadata.namespace, p.metadata.name, (o) => {
        o.metadata.labels = { ...(o.metadata.labels ?? {}), [DS_HASH_LABEL]: hashOf(keep) }
      })
    }
    api.delete('controllerrevisions', r.metadata.namespace, r.metadata.name)
  }
  return keep
}

/**
 * constructHistory: splits the DaemonSet's revisions into the one matching its template (created
 * if missing, renumbered to the newest if it was an old one: a rollback) and the old ones.
 */
export function constructHistory(c: Cluster, actor: string, ds: KObject, pods: () => KObject[]): DaemonSetHistory | undefined {
  const api = c.client(actor)
  const data = revisionData(ds)
  const cur: KObject[] = []
  const old: KObject[] = []
  for (let h of ownedRevisions(c, actor, ds)) {
    // A revision without the unique label gets its own name as the hash (no collision worries).
    if (h.metadata.labels?.[DS_HASH_LABEL] === undefined) {
      const r = api.mutate('controllerrevisions', h.metadata.namespace, h.metadata.name, (o) => {
        o.metadata.labels = { ...(o.metadata.labels ?? {}), [DS_HASH_LABEL]: o.metadata.name }
      })
      if (!r.ok) return undefined
      h = r.value
    }
    ;(revisionMatches(h, data) ? cur : old).push(h)
  }
  const next = maxRevision(old) + 1
  let keep: KObject | undefined
  if (!cur.length) keep = snapshot(c, actor, ds, data, next)
  else {
    keep = dedupCurHistories(c, actor, ds, cur, pods)
    if (revisionNumber(keep) < next) keep = setRevisionNumber(c, actor, keep, next)
  }
  if (!keep) return undefined
  return { cur: keep, old, hash: hashOf(keep) }
}

/** The hash of the existing revision matching the template, without writing anything. */
export function currentHash(c: Cluster, actor: string, ds: KObject): string {
  const data = revisionData(ds)
  const match = ownedRevisions(c, actor, ds).filter((r) => revisionMatches(r, data)).pop()
  return match ? hashOf(match) : computeHash(ds.spec?.template, ds.status?.collisionCount as number | undefined)
}

/**
 * cleanupHistory: beyond revisionHistoryLimit, delete old revisions from the oldest up, skipping
 * those whose hash a daemon pod (terminating ones included) still carries.
 */
export function cleanupHistory(c: Cluster, actor: string, ds: KObject, old: KObject[], pods: KObject[]): void {
  const limit = typeof ds.spec?.revisionHistoryLimit === 'number' ? ds.spec.revisionHistoryLimit : 10
  let toKill = old.length - limit
  if (toKill <= 0) return
  const live: Record<string, true> = {}
  for (const p of pods) {
    const h = p.metadata.labels?.[DS_HASH_LABEL]
    if (h) live[h] = true
  }
  const sorted = [...old].sort((a, b) => revisionNumber(a) - revisionNumber(b))
  for (const r of sorted) {
    if (toKill <= 0) break
    if (live[hashOf(r)]) continue
    c.client(actor).delete('controllerrevisions', r.metadata.namespace, r.metadata.name)
    toKill--
  }
}

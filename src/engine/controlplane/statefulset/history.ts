// ControllerRevisions of a StatefulSet: one snapshot of spec.template per distinct template,
// named `<sts>-<hash>`. k/k pkg/controller/history/controller_history.go (NewControllerRevision,
// HashControllerRevision, ControllerRevisionName, FindEqualRevisions, CreateControllerRevision)
// and pkg/controller/statefulset/stateful_set_utils.go (getPatch, newRevision, ApplyRevision,
// nextRevision), stateful_set_control.go (getStatefulSetRevisions, truncateHistory).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { canonicalJson, computeHash } from '../deployment/hash'
import { controllerOf, controllerRef } from '../util/pods'
import { podRevision } from './identity'

/** getPatch: the part of the StatefulSet a revision records. */
export function revisionData(sts: KObject): Record<string, unknown> {
  return { spec: { template: { ...structuredClone(sts.spec?.template ?? {}), $patch: 'replace' } } }
}

/** ApplyRevision: the pod template a revision recorded. */
export function templateOf(rev: KObject): KObject['spec'] {
  const t = { ...((rev as { data?: { spec?: { template?: Record<string, unknown> } } }).data?.spec?.template ?? {}) }
  delete t.$patch
  return t
}

/** ControllerRevisionName(parent, HashControllerRevision(revision, collisionCount)). */
export function revisionName(sts: KObject, data: unknown, collisionCount: number): string {
  const prefix = sts.metadata.name.length > 223 ? sts.metadata.name.slice(0, 223) : sts.metadata.name
  return `${prefix}-${computeHash(data, collisionCount)}`
}

function revisionNumber(r: KObject): number {
  return Number((r as { revision?: number }).revision ?? 0)
}

/** The StatefulSet's revisions, oldest first (SortControllerRevisions). */
export function ownedRevisions(c: Cluster, actor: string, sts: KObject): KObject[] {
  return c.client(actor).list('controllerrevisions', { namespace: sts.metadata.namespace })
    .filter((r) => controllerOf(r)?.uid === sts.metadata.uid)
    .sort((a, b) => revisionNumber(a) - revisionNumber(b) || a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name))
}

export interface Revisions { current: KObject; update: KObject; collisionCount: number; all: KObject[] }

/** getStatefulSetRevisions: finds or creates the update revision and finds the current one. */
export function statefulSetRevisions(c: Cluster, actor: string, sts: KObject): Revisions | undefined {
  const api = c.client(actor)
  const ns = sts.metadata.namespace
  let all = ownedRevisions(c, actor, sts)
  let collisionCount = Number(sts.status?.collisionCount ?? 0)
  const data = revisionData(sts)
  const next = all.length ? revisionNumber(all[all.length - 1]) + 1 : 1
  const same = all.filter((r) => canonicalJson((r as { data?: unknown }).data) === canonicalJson(data))
  let update: KObject | undefined
  if (same.length && same[same.length - 1] === all[all.length - 1]) update = all[all.length - 1]
  else if (same.length) {
    // A rollback to an older template: that revision gets the next number.
    const r = api.mutate('controllerrevisions', ns, same[same.length - 1].metadata.name, (o) => {
      (o as { revision?: number }).revision = next
    })
    if (!r.ok) return undefined
    update = r.value
  } else {
    for (;;) {
      const rev = {
        apiVersion: 'apps/v1', kind: 'ControllerRevision',
        metadata: { name: revisionName(sts, data, collisionCount), namespace: ns, labels: { ...(sts.spec?.template?.metadata?.labels ?? {}) }, ownerReferences: [controllerRef(sts)] },
        data, revision: next,
      }
      const r = api.create(rev as never)
      if (r.ok) { update = r.value; break }
      if (r.status.reason !== 'AlreadyExists') return undefined
      const existing = api.get('controllerrevisions', ns, rev.metadata.name)
      if (existing && controllerOf(existing)?.uid === sts.metadata.uid && canonicalJson((existing as { data?: unknown }).data) === canonicalJson(data)) { update = existing; break }
      collisionCount++ // a hash collision with someone else's revision
    }
  }
  all = ownedRevisions(c, actor, sts)
  const current = all.find((r) => r.metadata.name === sts.status?.currentRevision) ?? update
  return { current, update, collisionCount, all }
}

/** truncateHistory: deletes the oldest revisions that no pod uses beyond revisionHistoryLimit. */
export function truncateHistory(c: Cluster, actor: string, sts: KObject, revs: Revisions, pods: KObject[]): void {
  const live = new Set([revs.current.metadata.name, revs.update.metadata.name, ...pods.map(podRevision)])
  const history = revs.all.filter((r) => !live.has(r.metadata.name))
  const limit = typeof sts.spec?.revisionHistoryLimit === 'number' ? sts.spec.revisionHistoryLimit : 10
  for (const r of history.slice(0, Math.max(0, history.length - limit))) c.client(actor).delete('controllerrevisions', r.metadata.namespace, r.metadata.name)
}

// ControllerRevisions of a StatefulSet: one snapshot of spec.template per distinct template,
// named `<sts>-<hash>`. k/k pkg/controller/history/controller_history.go (NewControllerRevision,
// HashControllerRevision, ControllerRevisionName, FindEqualRevisions, CreateControllerRevision)
// and pkg/controller/statefulset/stateful_set_utils.go (getPatch, newRevision, ApplyRevision,
// nextRevision), stateful_set_control.go (getStatefulSetRevisions, truncateHistory).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { computeHash } from '../deployment/hash'
import { controllerOf } from '../util/pods'
import { controllerRevisionName, newControllerRevision, ownedRevisions, revisionData, revisionMatches, revisionNumber, setRevisionNumber } from '../util/history'
import { podRevision } from './identity'

export { ownedRevisions, revisionData, templateOf } from '../util/history'

/** ControllerRevisionName(parent, HashControllerRevision(revision, collisionCount)). */
export function revisionName(sts: KObject, data: unknown, collisionCount: number): string {
  return controllerRevisionName(sts, computeHash(data, collisionCount))
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
  const same = all.filter((r) => revisionMatches(r, data))
  let update: KObject | undefined
  if (same.length && same[same.length - 1] === all[all.length - 1]) update = all[all.length - 1]
  else if (same.length) {
    // A rollback to an older template: that revision gets the next number.
    update = setRevisionNumber(c, actor, same[same.length - 1], next)
    if (!update) return undefined
  } else {
    for (;;) {
      const rev = newControllerRevision(sts, revisionName(sts, data, collisionCount), data, next, { ...(sts.spec?.template?.metadata?.labels ?? {}) })
      const r = api.create(rev as never)
      if (r.ok) { update = r.value; break }
      if (r.status.reason !== 'AlreadyExists') return undefined
      const existing = api.get('controllerrevisions', ns, rev.metadata.name)
      if (existing && controllerOf(existing)?.uid === sts.metadata.uid && revisionMatches(existing, data)) { update = existing; break }
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

// ControllerRevision helpers shared by the StatefulSet and DaemonSet controllers: the owner-
// independent parts of k/k pkg/controller/history/controller_history.go (NewControllerRevision,
// ControllerRevisionName, FindEqualRevisions, SortControllerRevisions) and the identical getPatch
// of pkg/controller/statefulset/stateful_set_utils.go and pkg/controller/daemon/update.go.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { canonicalJson } from '../deployment/hash'
import { controllerOf, controllerRef } from './pods'

type RevisionLike = { data?: { spec?: { template?: Record<string, unknown> } }; revision?: number }

/** getPatch: the part of the owner a revision records (spec.template with `$patch: replace`). */
export function revisionData(owner: KObject): Record<string, unknown> {
  return { spec: { template: { ...structuredClone(owner.spec?.template ?? {}), $patch: 'replace' } } }
}

/** ApplyRevision / applyDaemonSetHistory: the pod template a revision recorded. */
export function templateOf(rev: KObject): KObject['spec'] {
  const t = { ...((rev as RevisionLike).data?.spec?.template ?? {}) }
  delete t.$patch
  return t
}

/** ControllerRevisionName: `<owner>-<hash>`, the owner's name cut to 223 characters. */
export function controllerRevisionName(owner: KObject, hash: string): string {
  const prefix = owner.metadata.name.length > 223 ? owner.metadata.name.slice(0, 223) : owner.metadata.name
  return `${prefix}-${hash}`
}

export function revisionNumber(r: KObject): number {
  return Number((r as RevisionLike).revision ?? 0)
}

/** maxRevision (daemon/update.go): the highest revision number, 0 for none. */
export function maxRevision(revs: KObject[]): number {
  return revs.reduce((m, r) => Math.max(m, revisionNumber(r)), 0)
}

/** Whether a revision records `data` (bytes.Equal of the patches; FindEqualRevisions). */
export function revisionMatches(rev: KObject, data: unknown): boolean {
  return canonicalJson((rev as RevisionLike).data) === canonicalJson(data)
}

/** The owner's revisions, oldest first (SortControllerRevisions: revision, creation, name). */
export function ownedRevisions(c: Cluster, actor: string, owner: KObject): KObject[] {
  return c.client(actor).list('controllerrevisions', { namespace: owner.metadata.namespace })
    .filter((r) => controllerOf(r)?.uid === owner.metadata.uid)
    .sort((a, b) => revisionNumber(a) - revisionNumber(b) || a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name))
}

/** NewControllerRevision: a revision object (not yet created) owned by `owner`. */
export function newControllerRevision(owner: KObject, name: string, data: unknown, revision: number, labels: Record<string, string>, annotations?: Record<string, string>): KObject {
  return {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: {
      name, namespace: owner.metadata.namespace, labels,
      ...(annotations && Object.keys(annotations).length ? { annotations: { ...annotations } } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    data, revision,
  } as unknown as KObject
}

/** Sets a revision's number (a rollback re-uses an old revision as the newest). */
export function setRevisionNumber(c: Cluster, actor: string, rev: KObject, revision: number): KObject | undefined {
  const r = c.client(actor).mutate('controllerrevisions', rev.metadata.namespace, rev.metadata.name, (o) => {
    (o as RevisionLike).revision = revision
  })
  return r.ok ? r.value : undefined
}

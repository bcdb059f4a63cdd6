// Rollout history and rollback for `kubectl rollout history|undo` (kubernetes/kubectl
// pkg/polymorphichelpers/history.go, rollback.go): Deployments keep history in their ReplicaSets,
// StatefulSets and DaemonSets in ControllerRevisions.
import type { KObject } from '../../engine'
import { clone } from '../../engine'
import { equalIgnoreHash } from '../../engine/controlplane/deployment/util'
import { canonicalJson } from '../../engine/controlplane/deployment/hash'
import type { Cluster } from '../../engine'
import { describePodTemplate } from '../printers/describe/common'
import { PrefixWriter } from '../printers/describe/writer'

const REVISION = 'deployment.kubernetes.io/revision'
const CHANGE_CAUSE = 'kubernetes.io/change-cause'
// deployment_util.go annotationsToSkip (also used by kubectl's rollback).
const SKIP = ['kubectl.kubernetes.io/last-applied-configuration', REVISION, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to']

/** DescribePodTemplate written straight into a buffer (no tabwriter), as history.go printTemplate does. */
class RawWriter extends PrefixWriter {
  private buf: string[] = []
  override write(level: number, text: string): void { this.buf.push('  '.repeat(level) + text) }
  override writeLine(...a: string[]): void { this.buf.push(a.join(' ') + '\n') }
  override toString(): string { return this.buf.join('') }
}

export function printTemplate(template: unknown): string {
  const w = new RawWriter()
  describePodTemplate(w, template)
  return w.toString()
}

export interface HistoryEntry { revision: number; template: KObject['spec']; changeCause?: string; source: KObject }

function revisionOfRS(rs: KObject): number {
  const v = rs.metadata.annotations?.[REVISION]
  const n = v === undefined ? 0 : Number.parseInt(v, 10)
  return Number.isNaN(n) ? -1 : n
}

/** The controller-owned history of a workload, by revision (ascending). */
export function historyOf(c: Cluster, obj: KObject): HistoryEntry[] {
  const api = c.api
  const ns = obj.metadata.namespace
  const owned = (plural: string) => api.list(plural, { namespace: ns }).filter((x) => x.metadata.ownerReferences?.some((o) => o.controller && o.uid === obj.metadata.uid))
  const out: HistoryEntry[] = []
  if (obj.kind === 'Deployment') {
    for (const rs of owned('replicasets')) {
      const revision = revisionOfRS(rs)
      if (revision < 0) continue
      // DeploymentHistoryViewer: the RS's change-cause is shown in the template's annotations.
      const template = clone(rs.spec?.template ?? {})
      const cause = rs.metadata.annotations?.[CHANGE_CAUSE]
      if (cause) template.metadata = { ...(template.metadata ?? {}), annotations: { ...(template.metadata?.annotations ?? {}), [CHANGE_CAUSE]: cause } }
      out.push({ revision, template, changeCause: cause, source: rs })
    }
  } else {
    for (const cr of owned('controllerrevisions')) {
      const data = (cr as { data?: { spec?: { template?: Record<string, unknown> } } }).data
      const template = { ...(data?.spec?.template ?? {}) }
      delete template.$patch
      out.push({ revision: Number((cr as { revision?: number }).revision ?? 0), template, changeCause: cr.metadata.annotations?.[CHANGE_CAUSE], source: cr })
    }
  }
  // A revision number maps to one entry (historyInfo map): the last one listed wins.
  const byRev: Record<number, HistoryEntry> = {}
  for (const e of out) byRev[e.revision] = e
  return Object.values(byRev).sort((a, b) => a.revision - b.revision)
}

/** printHistory: "REVISION  CHANGE-CAUSE" laid out by a tabwriter (padding 2). */
export function historyTable(entries: HistoryEntry[]): string {
  if (!entries.length) return 'No rollout history found.'
  const rows = entries.map((e) => [String(e.revision), e.changeCause || '<none>'])
  const w = Math.max(8, ...rows.map((r) => r[0].length)) + 2
  return [`REVISION${' '.repeat(w - 8)}CHANGE-CAUSE`, ...rows.map((r) => r[0] + ' '.repeat(w - r[0].length) + r[1])].join('\n') + '\n'
}

export type Rollback = { ok: true; message: string; patch?: (o: KObject) => void } | { ok: false; error: string }

const notFound = (r: number): Rollback => ({ ok: false, error: `unable to find specified revision ${r} in history` })

/**
 * DeploymentRollbacker.Rollback: find the revision, (client dry-run: show its template), refuse a
 * paused Deployment, skip an identical template, else copy the template and annotations back.
 */
export function rollbackDeployment(c: Cluster, d: KObject, toRevision: number, dryRun = false): Rollback {
  if (toRevision < 0) return notFound(toRevision)
  const all = historyOf(c, d).map((e) => e.source)
  let target: KObject | undefined
  if (toRevision > 0) {
    target = all.find((rs) => revisionOfRS(rs) === toRevision)
    if (!target) return notFound(toRevision)
  } else {
    // deploymentRevision: the second-highest revision.
    const sorted = [...all].sort((a, b) => revisionOfRS(b) - revisionOfRS(a))
    target = sorted[1]
    if (!target) return { ok: false, error: `no rollout history found for deployment "${d.metadata.name}"` }
  }
  if (dryRun) return { ok: true, message: printTemplate(target.spec?.template) }
  if (d.spec?.paused) return { ok: false, error: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again` }
  if (equalIgnoreHash(target.spec?.template, d.spec?.template)) return { ok: true, message: `skipped rollback (current template already matches revision ${toRevision})` }
  const tpl = clone(target.spec.template)
  if (tpl.metadata?.labels) delete tpl.metadata.labels['pod-template-hash']
  const annotations: Record<string, string> = {}
  for (const k of SKIP) if (d.metadata.annotations?.[k] !== undefined) annotations[k] = d.metadata.annotations[k]
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!SKIP.includes(k)) annotations[k] = v
  return {
    ok: true, message: 'rolled back',
    patch: (o) => {
      o.spec.template = tpl
      o.metadata.annotations = annotations
    },
  }
}

/** StatefulSetRollbacker / DaemonSetRollbacker: re-apply a ControllerRevision's template. */
export function rollbackFromRevisions(c: Cluster, obj: KObject, toRevision: number, dryRun = false): Rollback {
  if (toRevision < 0) return notFound(toRevision)
  const history = historyOf(c, obj)
  if (toRevision === 0 && history.length <= 1) return { ok: false, error: 'no last revision to roll back to' }
  const target = toRevision === 0 ? history[history.length - 2] : history.find((h) => h.revision === toRevision)
  if (!target) return notFound(toRevision)
  // A client dry run shows the revision's template before the "already matches" check.
  if (dryRun) return { ok: true, message: printTemplate(target.template) }
  if (canonicalJson(target.template) === canonicalJson(obj.spec?.template)) return { ok: true, message: `skipped rollback (current template already matches revision ${toRevision})` }
  const tpl = clone(target.template)
  return { ok: true, message: 'rolled back', patch: (o) => { o.spec.template = tpl } }
}

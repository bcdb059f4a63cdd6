// `kubectl describe` for deployments, replicasets, daemonsets, statefulsets, jobs and HPAs.
// Source: kubernetes/kubectl pkg/describe/describe.go (describeDeployment, describeReplicaSet,
// describeDaemonSet, describeStatefulSet, describeJob, describeHorizontalPodAutoscalerV2; v1.30).
import type { Cluster, KObject } from '../../../engine'
import { humanDuration, timeOf } from '../duration'
import { formatLabels, quantityString, selectorString } from '../format'
import { fromLabelSelector, matches } from '../../../engine/api/selectors'
import {
  controlledBy, describeEventsFor, describePodTemplate, printAnnotationsMultiline, printLabelsMultiline, rfc1123,
} from './common'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './writer'

 

const num = (v: unknown) => (typeof v === 'number' ? v : 0)

/** getPodStatusForController: phases of the pods the controller owns (and selects). */
function podsStatus(c: Cluster, ctl: KObject): string {
  const sel = fromLabelSelector(ctl.spec?.selector)
  const pods = c.api.list('pods', {
    namespace: ctl.metadata.namespace,
    filter: (p) => matches(sel, p.metadata.labels) && (p.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === ctl.metadata.uid),
  })
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`
}

function describeConditions(w: PrefixWriter, conds: any[] | undefined): void {
  if (!conds || conds.length === 0) return
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(LEVEL_1, '----\t------\t------\n')
  for (const cd of conds) w.write(LEVEL_1, `${cd.type} \t${cd.status}\t${cd.reason ?? ''}\n`)
}

/** Template equality ignoring the pod-template-hash label (deploymentutil.EqualIgnoreHash). */
function equalIgnoreHash(a: any, b: any): boolean {
  const strip = (t: any) => {
    const x = structuredClone(t ?? {})
    if (x.metadata?.labels) delete x.metadata.labels['pod-template-hash']
    return JSON.stringify(x, Object.keys(flatKeys(x)).sort())
  }
  return strip(a) === strip(b)
}
function flatKeys(o: any, acc: Record<string, true> = {}): Record<string, true> {
  if (o && typeof o === 'object') for (const k of Object.keys(o)) { acc[k] = true; flatKeys(o[k], acc) }
  return acc
}

/** printReplicaSetsByLabels. */
const rsList = (rss: KObject[]) => rss.map((rs) => `${rs.metadata.name} (${num(rs.status?.replicas)}/${num(rs.spec?.replicas)} replicas created)`).join(', ') || '<none>'

export function describeDeployment(c: Cluster, d: KObject): string {
  return tabbedString((w) => {
    const spec = d.spec ?? {}
    const st = d.status ?? {}
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123(d.metadata.creationTimestamp)}\n`)
    printLabelsMultiline(w, 'Labels', d.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations)
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`)
    w.write(LEVEL_0, `Replicas:\t${num(spec.replicas)} desired | ${num(st.updatedReplicas)} updated | ${num(st.replicas)} total | ${num(st.availableReplicas)} available | ${num(st.unavailableReplicas)} unavailable\n`)
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`)
    w.write(LEVEL_0, `MinReadySeconds:\t${num(spec.minReadySeconds)}\n`)
    const ru = spec.strategy?.rollingUpdate
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`)
    describePodTemplate(w, spec.template)
    describeConditions(w, st.conditions)
    // deploymentutil.GetAllReplicaSets: RSs the deployment controls; the new one matches its template.
    const owned = c.api.list('replicasets', {
      namespace: d.metadata.namespace,
      filter: (rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid),
    })
    const newRS = owned
      .filter((rs) => equalIgnoreHash(rs.spec?.template, spec.template))
      .sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)))[0]
    const old = owned.filter((rs) => rs !== newRS)
    if (owned.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsList(old)}\n`)
      w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`)
    }
    describeEventsFor(c, d, w)
  })
}

export function describeReplicaSet(c: Cluster, rs: KObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`)
    w.write(LEVEL_0, `Selector:\t${selectorString(rs.spec?.selector) || '<none>'}\n`)
    printLabelsMultiline(w, 'Labels', rs.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations)
    const ctl = controlledBy(rs)
    if (ctl) w.write(LEVEL_0, `Controlled By:\t${ctl}\n`)
    w.write(LEVEL_0, `Replicas:\t${num(rs.status?.replicas)} current / ${num(rs.spec?.replicas)} desired\n`)
    w.write(LEVEL_0, 'Pods Status:\t')
    w.write(LEVEL_0, `${podsStatus(c, rs)}\n`)
    describePodTemplate(w, rs.spec?.template)
    describeConditions(w, rs.status?.conditions)
    describeEventsFor(c, rs, w)
  })
}

export function describeReplicationController(c: Cluster, rc: KObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace}\n`)
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`)
    printLabelsMultiline(w, 'Labels', rc.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations)
    w.write(LEVEL_0, `Replicas:\t${num(rc.status?.replicas)} current / ${num(rc.spec?.replicas)} desired\n`)
    const sel = { matchLabels: rc.spec?.selector ?? {} }
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(c, { ...rc, spec: { ...rc.spec, selector: sel } })}\n`)
    describePodTemplate(w, rc.spec?.template)
    describeConditions(w, rc.status?.conditions)
    describeEventsFor(c, rc, w)
  })
}

export function describeDaemonSet(c: Cluster, ds: KObject): string {
  return tabbedString((w) => {
    const st = ds.status ?? {}
    w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace}\n`)
    w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`)
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`)
    printLabelsMultiline(w, 'Labels', ds.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations)
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${num(st.desiredNumberScheduled)}\n`)
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${num(st.currentNumberScheduled)}\n`)
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${num(st.updatedNumberScheduled)}\n`)
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${num(st.numberAvailable)}\n`)
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${num(st.numberMisscheduled)}\n`)
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(c, ds)}\n`)
    describePodTemplate(w, ds.spec?.template)
    describeEventsFor(c, ds, w)
  })
}

export function describeStatefulSet(c: Cluster, ss: KObject): string {
  return tabbedString((w) => {
    const spec = ss.spec ?? {}
    w.write(LEVEL_0, `Name:\t${ss.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${ss.metadata.namespace}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123(ss.metadata.creationTimestamp)}\n`)
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`)
    printLabelsMultiline(w, 'Labels', ss.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', ss.metadata.annotations)
    w.write(LEVEL_0, `Replicas:\t${num(spec.replicas)} desired | ${num(ss.status?.replicas)} total\n`)
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`)
    const ru = spec.updateStrategy?.rollingUpdate
    if (ru && typeof ru.partition === 'number') {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`)
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`)
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(c, ss)}\n`)
    describePodTemplate(w, spec.template)
    const vcts: any[] = spec.volumeClaimTemplates ?? []
    if (vcts.length === 0) w.write(LEVEL_0, 'Volume Claims:\t<none>\n')
    else {
      w.write(LEVEL_0, 'Volume Claims:\n')
      for (const pvc of vcts) {
        w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`)
        w.write(LEVEL_1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`)
        printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ')
        printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ')
        const cap = pvc.spec?.resources?.requests?.storage
        w.write(LEVEL_1, `Capacity:\t${cap !== undefined ? quantityString(cap) : '<default>'}\n`)
        w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`)
      }
    }
    describeEventsFor(c, ss, w)
  })
}

export function describeJob(c: Cluster, job: KObject): string {
  return tabbedString((w) => {
    const spec = job.spec ?? {}
    const st = job.status ?? {}
    w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace}\n`)
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`)
    printLabelsMultiline(w, 'Labels', job.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations)
    const ctl = controlledBy(job)
    if (ctl) w.write(LEVEL_0, `Controlled By:\t${ctl}\n`)
    if (typeof spec.parallelism === 'number') w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`)
    w.write(LEVEL_0, `Completions:\t${typeof spec.completions === 'number' ? spec.completions : '<unset>'}\n`)
    if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`)
    if (typeof spec.suspend === 'boolean') w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`)
    if (typeof spec.backoffLimit === 'number') w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`)
    if (typeof spec.ttlSecondsAfterFinished === 'number') w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`)
    if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123(st.startTime)}\n`)
    if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123(st.completionTime)}\n`)
    if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration((timeOf(st.completionTime) ?? 0) - (timeOf(st.startTime) ?? 0))}\n`)
    if (typeof spec.activeDeadlineSeconds === 'number') w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
    if (typeof st.ready !== 'number') w.write(LEVEL_0, `Pods Statuses:\t${num(st.active)} Active / ${num(st.succeeded)} Succeeded / ${num(st.failed)} Failed\n`)
    else w.write(LEVEL_0, `Pods Statuses:\t${num(st.active)} Active (${st.ready} Ready) / ${num(st.succeeded)} Succeeded / ${num(st.failed)} Failed\n`)
    if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${st.completedIndexes || '<none>'}\n`)
    describePodTemplate(w, spec.template)
    describeEventsFor(c, job, w)
  })
}

export function describeCronJob(c: Cluster, cj: KObject): string {
  return tabbedString((w) => {
    const spec = cj.spec ?? {}
    w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace}\n`)
    printLabelsMultiline(w, 'Labels', cj.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations)
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`)
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Suspend:\t${typeof spec.suspend === 'boolean' ? (spec.suspend ? 'True' : 'False') : '<unset>'}\n`)
    w.write(LEVEL_0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`)
    w.write(LEVEL_0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`)
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${typeof spec.startingDeadlineSeconds === 'number' ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`)
    const js = spec.jobTemplate?.spec ?? {}
    w.write(LEVEL_0, `Selector:\t${js.selector ? selectorString(js.selector) : '<unset>'}\n`)
    w.write(LEVEL_0, `Parallelism:\t${typeof js.parallelism === 'number' ? js.parallelism : '<unset>'}\n`)
    w.write(LEVEL_0, `Completions:\t${typeof js.completions === 'number' ? js.completions : '<unset>'}\n`)
    if (typeof js.activeDeadlineSeconds === 'number') w.write(LEVEL_0, `Active Deadline Seconds:\t${js.activeDeadlineSeconds}s\n`)
    describePodTemplate(w, js.template)
    w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123(cj.status.lastScheduleTime) : '<unset>'}\n`)
    const active: any[] = cj.status?.active ?? []
    w.write(LEVEL_0, `Active Jobs:\t${active.length ? active.map((a) => a.name).join(', ') : '<none>'}\n`)
    describeEventsFor(c, cj, w)
  })
}

export function describeHPA(c: Cluster, hpa: KObject): string {
  return tabbedString((w) => {
    const spec = hpa.spec ?? {}
    const st = hpa.status ?? {}
    const cur: any[] = st.currentMetrics ?? []
    w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace}\n`)
    printLabelsMultiline(w, 'Labels', hpa.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations)
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123(hpa.metadata.creationTimestamp)}\n`)
    w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef?.kind}/${spec.scaleTargetRef?.name}\n`)
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n')
    ;((spec.metrics ?? []) as any[]).forEach((m, i) => {
      if (m.type === 'Resource' || m.type === 'ContainerResource') {
        const src = m.type === 'Resource' ? m.resource : m.containerResource
        const cm = m.type === 'Resource' ? cur[i]?.resource : cur[i]?.containerResource
        w.write(LEVEL_1, m.type === 'Resource' ? `resource ${src.name} on pods` : `resource ${src.name} of container "${src.container}" on pods`)
        if (src.target?.averageValue !== undefined) {
          w.write(LEVEL_0, `:\t${cm ? cm.current?.averageValue ?? '0' : '<unknown>'} / ${src.target.averageValue}\n`)
        } else {
          const current = typeof cm?.current?.averageUtilization === 'number' ? `${cm.current.averageUtilization}% (${cm.current.averageValue ?? '0'})` : '<unknown>'
          const target = typeof src.target?.averageUtilization === 'number' ? `${src.target.averageUtilization}%` : '<auto>'
          w.write(LEVEL_1, `(as a percentage of request):\t${current} / ${target}\n`)
        }
      } else if (m.type === 'Pods') {
        w.write(LEVEL_1, `"${m.pods?.metric?.name}" on pods:\t${cur[i]?.pods ? cur[i].pods.current?.averageValue ?? '0' : '<unknown>'} / ${m.pods?.target?.averageValue}\n`)
      } else {
        w.write(LEVEL_1, `<unknown metric type "${m.type}">\n`)
      }
    })
    w.write(LEVEL_0, `Min replicas:\t${typeof spec.minReplicas === 'number' ? spec.minReplicas : '<unset>'}\n`)
    w.write(LEVEL_0, `Max replicas:\t${num(spec.maxReplicas)}\n`)
    if (spec.behavior) {
      w.write(LEVEL_0, 'Behavior:\n')
      for (const [title, rules] of [['Scale Up', spec.behavior.scaleUp], ['Scale Down', spec.behavior.scaleDown]] as const) {
        if (!rules) continue
        w.write(LEVEL_1, `${title}:\n`)
        if (typeof rules.stabilizationWindowSeconds === 'number') w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`)
        if ((rules.policies ?? []).length > 0) {
          w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`)
          w.write(LEVEL_2, 'Policies:\n')
          for (const p of rules.policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`)
        }
      }
    }
    w.write(LEVEL_0, `${spec.scaleTargetRef?.kind} pods:\t`)
    w.write(LEVEL_0, `${num(st.currentReplicas)} current / ${num(st.desiredReplicas)} desired\n`)
    const conds: any[] = st.conditions ?? []
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t------\t-------\n')
      for (const cd of conds) w.write(LEVEL_1, `${cd.type}\t${cd.status}\t${cd.reason ?? ''}\t${cd.message ?? ''}\n`)
    }
    describeEventsFor(c, hpa, w)
  })
}

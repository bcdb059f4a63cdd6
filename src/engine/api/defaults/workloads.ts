// Workload defaulting. k/k pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment, _ReplicaSet,
// _DaemonSet, _StatefulSet), pkg/apis/core/v1/defaults.go (SetDefaults_ReplicationController,
// SetDefaults_PersistentVolumeClaimSpec), pkg/apis/batch/v1/defaults.go (SetDefaults_Job, _CronJob),
// pkg/apis/autoscaling/v2/defaults.go (SetDefaults_HorizontalPodAutoscaler, behavior defaults).
import { defaultPodTemplate } from './pod'
 

export function defaultDeployment(d: any): void {
  const spec = (d.spec ??= {})
  spec.replicas ??= 1
  spec.strategy ??= {}
  spec.strategy.type ||= 'RollingUpdate'
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {}
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%'
    spec.strategy.rollingUpdate.maxSurge ??= '25%'
  }
  spec.revisionHistoryLimit ??= 10
  spec.progressDeadlineSeconds ??= 600
  defaultPodTemplate(spec.template)
}

export function defaultReplicaSet(rs: any): void {
  const spec = (rs.spec ??= {})
  spec.replicas ??= 1
  defaultPodTemplate(spec.template)
}

export function defaultReplicationController(rc: any): void {
  const spec = (rc.spec ??= {})
  const labels = spec.template?.metadata?.labels
  if (labels && !Object.keys(spec.selector ?? {}).length) spec.selector = { ...labels }
  if (labels && !Object.keys(rc.metadata.labels ?? {}).length) rc.metadata.labels = { ...labels }
  spec.replicas ??= 1
  defaultPodTemplate(spec.template)
}

export function defaultDaemonSet(ds: any): void {
  const spec = (ds.spec ??= {})
  spec.updateStrategy ??= {}
  spec.updateStrategy.type ||= 'RollingUpdate'
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {}
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0
  }
  spec.revisionHistoryLimit ??= 10
  defaultPodTemplate(spec.template)
}

export function defaultPvcSpec(spec: any): void {
  spec.volumeMode ||= 'Filesystem'
}

export function defaultStatefulSet(sts: any): void {
  const spec = (sts.spec ??= {})
  spec.podManagementPolicy ||= 'OrderedReady'
  spec.updateStrategy ??= {}
  spec.updateStrategy.type ||= 'RollingUpdate'
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {}
    spec.updateStrategy.rollingUpdate.partition ??= 0
  }
  spec.persistentVolumeClaimRetentionPolicy ??= {}
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ||= 'Retain'
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ||= 'Retain'
  spec.replicas ??= 1
  spec.revisionHistoryLimit ??= 10
  for (const t of spec.volumeClaimTemplates ?? []) {
    t.apiVersion ??= 'v1'
    t.kind ??= 'PersistentVolumeClaim'
    defaultPvcSpec((t.spec ??= {}))
    t.status ??= { phase: 'Pending' }
  }
  defaultPodTemplate(spec.template)
}

export function defaultJobSpec(spec: any): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1
    spec.parallelism = 1
  }
  spec.parallelism ??= 1
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6
  spec.completionMode ||= 'NonIndexed'
  spec.suspend ??= false
  if (!spec.podFailurePolicy) spec.podReplacementPolicy ||= 'TerminatingOrFailed'
  defaultPodTemplate(spec.template)
}

export function defaultJob(job: any): void {
  defaultJobSpec((job.spec ??= {}))
  const labels = job.spec.template?.metadata?.labels
  if (labels && !Object.keys(job.metadata.labels ?? {}).length) job.metadata.labels = { ...labels }
}

export function defaultCronJob(cj: any): void {
  const spec = (cj.spec ??= {})
  spec.concurrencyPolicy ||= 'Allow'
  spec.suspend ??= false
  spec.successfulJobsHistoryLimit ??= 3
  spec.failedJobsHistoryLimit ??= 1
  spec.jobTemplate ??= {}
  spec.jobTemplate.spec ??= {}
  defaultPodTemplate(spec.jobTemplate.spec.template)
}

/** autoscaling/v1 → v2 (the stored version): targetCPUUtilizationPercentage becomes a Resource metric. */
export function convertHpaV1(hpa: any): void {
  const spec = hpa.spec ?? {}
  if (spec.targetCPUUtilizationPercentage === undefined) return
  if (!spec.metrics?.length) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }]
  }
  delete spec.targetCPUUtilizationPercentage
}

export function defaultHpa(hpa: any): void {
  convertHpaV1(hpa)
  const spec = (hpa.spec ??= {})
  spec.minReplicas ??= 1
  if (!spec.metrics?.length) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]
  if (spec.behavior) {
    // SetDefaults_HorizontalPodAutoscalerBehavior: fill the unset halves/fields only.
    const up = (spec.behavior.scaleUp ??= {})
    up.stabilizationWindowSeconds ??= 0
    up.selectPolicy ||= 'Max'
    if (!up.policies) up.policies = [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ]
    // scaleDown keeps a nil stabilizationWindowSeconds: the controller applies its
    // --horizontal-pod-autoscaler-downscale-stabilization (300 s) at use.
    const down = (spec.behavior.scaleDown ??= {})
    down.selectPolicy ||= 'Max'
    if (!down.policies) down.policies = [{ type: 'Percent', value: 100, periodSeconds: 15 }]
  }
}

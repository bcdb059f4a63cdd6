import { describe, it, expect } from 'vitest'
import { bareCluster, msg, val } from './helpers'
import type { NewObject } from '../../../../src/engine/api/types'
import { STS_UPDATE_FORBIDDEN } from '../../../../src/engine/api/validation/workloads'

const tpl = (labels: Record<string, string> = { app: 'web' }, extra: Record<string, unknown> = {}) => ({
  metadata: { labels },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }], ...extra },
})

function deploy(spec: Record<string, unknown>, name = 'web'): NewObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: { selector: { matchLabels: { app: 'web' } }, template: tpl(), ...spec } }
}

describe('apps/v1 validation', () => {
  it('requires a selector', () => {
    const c = bareCluster()
    expect(msg(c.api.create(deploy({ selector: undefined })))).toBe('The Deployment "web" is invalid: spec.selector: Required value')
  })

  it('requires the selector to match the template', () => {
    const c = bareCluster()
    const r = c.api.create(deploy({ selector: { matchLabels: { app: 'api' } } }))
    expect(msg(r)).toBe('The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`')
  })

  it('rejects negative replicas', () => {
    const c = bareCluster()
    expect(msg(c.api.create(deploy({ replicas: -1 })))).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0')
  })

  it('requires restartPolicy Always in templates', () => {
    const c = bareCluster()
    const r = c.api.create(deploy({ template: tpl({ app: 'web' }, { restartPolicy: 'Never' }) }))
    expect(msg(r)).toBe('The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"')
    const ds = c.api.create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { selector: { matchLabels: { app: 'web' } }, template: tpl({ app: 'web' }, { restartPolicy: 'OnFailure' }) } })
    expect(msg(ds)).toBe('The DaemonSet "ds" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"')
  })

  it('makes the selector immutable', () => {
    const c = bareCluster()
    val(c.api.create(deploy({})))
    const r = c.api.mutate('deployments', 'default', 'web', (d) => {
      d.spec.selector = { matchLabels: { app: 'web2' } }
      d.spec.template.metadata.labels = { app: 'web2' }
    })
    expect(msg(r)).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    )
  })

  it('limits StatefulSet spec updates', () => {
    const c = bareCluster()
    val(c.api.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: tpl() } }))
    val(c.api.mutate('statefulsets', 'default', 'db', (s) => void (s.spec.replicas = 3)))
    const r = c.api.mutate('statefulsets', 'default', 'db', (s) => void (s.spec.serviceName = 'other'))
    expect(msg(r)).toBe(`The StatefulSet "db" is invalid: spec: Forbidden: ${STS_UPDATE_FORBIDDEN}`)
  })

  it('ReplicationController defaults its selector from the template', () => {
    const c = bareCluster()
    const rc = val(c.api.create({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { template: tpl() } }))
    expect(rc.spec.selector).toEqual({ app: 'web' })
    expect(rc.metadata.labels).toEqual({ app: 'web' })
    expect(rc.spec.replicas).toBe(1)
  })
})

describe('apps/v1 defaulting', () => {
  it('defaults a Deployment', () => {
    const c = bareCluster()
    const d = val(c.api.create(deploy({})))
    expect(d.spec).toMatchObject({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } })
    const ps = d.spec.template.spec
    expect(ps).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler', securityContext: {} })
    expect(ps.containers[0].imagePullPolicy).toBe('IfNotPresent')
    // Pod-only defaults and admission are not applied to templates.
    expect(ps.enableServiceLinks).toBeUndefined()
    expect(ps.volumes).toBeUndefined()
    expect(ps.tolerations).toBeUndefined()
    expect(d.status).toEqual({}) // PrepareForCreate resets status
  })

  it('defaults DaemonSet and StatefulSet strategies', () => {
    const c = bareCluster()
    const ds = val(c.api.create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { selector: { matchLabels: { app: 'web' } }, template: tpl() } }))
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } })
    expect(ds.spec.revisionHistoryLimit).toBe(10)
    expect(ds.status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 })
    const sts = val(c.api.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: tpl() } }))
    expect(sts.spec).toMatchObject({ replicas: 1, podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10 })
  })
})

describe('batch', () => {
  const job = (extra: Record<string, unknown> = {}): NewObject => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi' },
    spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' } }, ...extra },
  })

  it('defaults a Job and generates its selector from the uid', () => {
    const c = bareCluster()
    const j = val(c.api.create(job()))
    expect(j.spec).toMatchObject({ backoffLimit: 6, completions: 1, parallelism: 1, completionMode: 'NonIndexed', suspend: false })
    const uid = j.metadata.uid
    expect(j.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } })
    expect(j.spec.template.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' })
    expect(j.metadata.labels).toEqual(j.spec.template.metadata.labels)
  })

  it('requires OnFailure or Never', () => {
    const c = bareCluster()
    const r = c.api.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } } })
    expect(msg(r)).toBe('The Job "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"')
  })

  it('makes the selector immutable', () => {
    const c = bareCluster()
    val(c.api.create(job()))
    const r = c.api.mutate('jobs', 'default', 'pi', (j) => void (j.spec.selector.matchLabels.extra = 'x'))
    expect(msg(r)).toContain('spec.selector: Invalid value: v1.LabelSelector{')
    expect(msg(r)).toContain('field is immutable')
  })

  it('defaults and validates CronJobs', () => {
    const c = bareCluster()
    const spec = { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'busybox' }], restartPolicy: 'OnFailure' } } } } }
    const cj = val(c.api.create({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello' }, spec }))
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 })
    const bad = c.api.create({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'bad' }, spec: { ...spec, schedule: '* * *' } })
    expect(msg(bad)).toBe('The CronJob "bad" is invalid: spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]')
  })
})

describe('autoscaling', () => {
  it('converts v1 and defaults metrics', () => {
    const c = bareCluster()
    const v1 = val(
      c.api.create({ apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'a' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, targetCPUUtilizationPercentage: 50 } }),
    )
    expect(v1.apiVersion).toBe('autoscaling/v2')
    expect(v1.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 1,
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    })
    const v2 = val(c.api.create({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'b' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 3 } }))
    expect(v2.spec.metrics[0].resource.target.averageUtilization).toBe(80)
    const bad = c.api.create({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'c' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 4, maxReplicas: 3 } })
    expect(msg(bad)).toBe('The HorizontalPodAutoscaler "c" is invalid: spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`')
  })
})

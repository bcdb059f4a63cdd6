// HorizontalPodAutoscaler validation and defaulting (pkg/apis/autoscaling/validation,
// v2/defaults.go): the API server's messages for odd specs.
import { describe, expect, it } from 'vitest'
import { bareCluster, msg, val } from './helpers'

const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }
const make = (spec: Record<string, unknown>, name = 'h') => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name }, spec: { scaleTargetRef: ref, maxReplicas: 5, ...spec } })

describe('HPA validation', () => {
  it('min > max, min 0, max 0 are rejected with the API server messages', () => {
    const c = bareCluster()
    expect(msg(c.api.create(make({ minReplicas: 6 })))).toBe('The HorizontalPodAutoscaler "h" is invalid: spec.maxReplicas: Invalid value: 5: must be greater than or equal to `minReplicas`')
    expect(msg(c.api.create(make({ minReplicas: 0 })))).toBe('The HorizontalPodAutoscaler "h" is invalid: spec.minReplicas: Invalid value: 0: must be greater than or equal to 1')
    expect(msg(c.api.create(make({ maxReplicas: 0, minReplicas: 1 })))).toBe('The HorizontalPodAutoscaler "h" is invalid: [spec.maxReplicas: Invalid value: 0: must be greater than 0, spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`]')
    expect(c.api.list('horizontalpodautoscalers')).toEqual([])
  })

  it('target 0 (v2 and v1) and a missing target', () => {
    const c = bareCluster()
    const zero = make({ metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 0 } } }] })
    expect(msg(c.api.create(zero))).toBe('The HorizontalPodAutoscaler "h" is invalid: spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0')
    const v1 = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'v' }, spec: { scaleTargetRef: ref, maxReplicas: 3, targetCPUUtilizationPercentage: 0 } }
    expect(msg(c.api.create(v1))).toBe('The HorizontalPodAutoscaler "v" is invalid: spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0')
    const none = make({ metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } }] })
    expect(msg(c.api.create(none))).toBe('The HorizontalPodAutoscaler "h" is invalid: spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization')
  })

  it('scale target reference and metric source checks', () => {
    const c = bareCluster()
    expect(msg(c.api.create({ ...make({}), spec: { maxReplicas: 2, scaleTargetRef: { kind: 'Deployment' } } }))).toBe('The HorizontalPodAutoscaler "h" is invalid: spec.scaleTargetRef.name: Required value')
    const wrong = make({ metrics: [{ type: 'Pods', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] })
    expect(msg(c.api.create(wrong))).toBe('The HorizontalPodAutoscaler "h" is invalid: spec.metrics[0].pods: Required value: must populate information for the given metric source')
    const both = make({ metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } }, pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1' } } }] })
    expect(msg(c.api.create(both))).toBe('The HorizontalPodAutoscaler "h" is invalid: spec.metrics[0].pods: Forbidden: must populate the given metric source only')
  })

  it('behavior: policies, periods and select policies', () => {
    const c = bareCluster()
    const b = make({ behavior: { scaleUp: { policies: [{ type: 'Pods', value: 0, periodSeconds: 1801 }] }, scaleDown: { selectPolicy: 'Fastest' } } })
    expect(msg(c.api.create(b))).toBe('The HorizontalPodAutoscaler "h" is invalid: [spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero, spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to 1800, spec.behavior.scaleDown.selectPolicy: Unsupported value: "Fastest": supported values: "Disabled", "Max", "Min"]')
  })

  it('behavior defaults fill each unset half; the scale-down window stays unset (the controller uses 300 s)', () => {
    const c = bareCluster()
    const h = val(c.api.create(make({ behavior: { scaleDown: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } } })))
    expect(h.spec.behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] },
    })
    expect(h.status).toEqual({ currentMetrics: null, desiredReplicas: 0 })
  })
})

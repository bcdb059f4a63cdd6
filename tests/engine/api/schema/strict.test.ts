import { describe, it, expect } from 'vitest'
import { unknownFields, strictDecodingError } from '../../../../src/engine/api/schema/strict'
import { bareCluster, msg, pod, val } from '../validation/helpers'

describe('strict field validation', () => {
  it('finds unknown fields with JSON paths', () => {
    const p = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', labels: { anything: 'ok' } }, spec: { containers: [{ name: 'a', imagee: 'nginx' }] } }
    expect(unknownFields('Pod', p)).toEqual(['spec.containers[0].imagee'])
    expect(strictDecodingError(['a', 'b'])).toBe('strict decoding error: unknown field "a", unknown field "b"')
  })

  it('accepts a realistic deployment manifest', () => {
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' }, annotations: { x: 'y' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            nodeSelector: { disk: 'ssd' },
            affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'In', values: ['b'] }] }] } } },
            tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
            volumes: [{ name: 'cfg', configMap: { name: 'cfg', items: [{ key: 'a', path: 'b' }] } }, { name: 'data', emptyDir: {} }],
            securityContext: { runAsUser: 1000, fsGroup: 2000 },
            containers: [
              {
                name: 'app',
                image: 'nginx',
                ports: [{ containerPort: 80, name: 'http' }],
                env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }, { name: 'B', value: '1' }],
                envFrom: [{ configMapRef: { name: 'cfg' } }],
                resources: { requests: { cpu: '100m' }, limits: { memory: '128Mi' } },
                livenessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 3 },
                readinessProbe: { exec: { command: ['true'] } },
                lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
                volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg', readOnly: true }],
                securityContext: { capabilities: { add: ['NET_ADMIN'] }, allowPrivilegeEscalation: false },
              },
            ],
          },
        },
      },
    }
    expect(unknownFields('Deployment', d)).toEqual([])
  })

  it('rejects unknown fields on create with the decoder message (400)', () => {
    const c = bareCluster()
    const p = pod('x')
    p.spec.containers[0].imagee = 'nginx'
    p.spec.restartPolicyy = 'Never'
    const r = c.api.create(p)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.status).toMatchObject({ code: 400, reason: 'BadRequest' })
    expect(msg(r)).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.restartPolicyy"')
  })

  it('reports apps kinds with their version', () => {
    const c = bareCluster()
    const r = c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicaz: 1 } })
    expect(msg(r)).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicaz"')
  })

  it('does not check free-form maps', () => {
    const c = bareCluster()
    val(c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', labels: { whatever: 'x' } }, data: { anyKey: 'v' } }))
  })
})

describe('JSON type errors', () => {
  it('reports the first value of the wrong type like encoding/json', async () => {
    const { typeError } = await import('../../../../src/engine/api/schema/strict')
    const c = bareCluster()
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { version: 1.0 } },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'x' }] } } },
    }
    expect(msg(c.api.create(d as never))).toBe('Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string')
    expect(typeError('Pod', { spec: { containers: [{ name: 'a', command: 'sleep 3600' }] } })).toBe(
      'json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string',
    )
    expect(typeError('Deployment', { spec: { replicas: '3' } })).toBe('json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32')
    expect(typeError('Pod', { spec: { containers: [{ ports: [{ containerPort: 80.5 }] }] } })).toBe(
      'json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    )
    expect(typeError('Service', { spec: { ports: [{ port: 80, targetPort: 'http' }], selector: { app: 'web' } } })).toBeUndefined()
  })
})

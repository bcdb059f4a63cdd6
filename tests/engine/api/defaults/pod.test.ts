import { describe, it, expect } from 'vitest'
import { bareCluster, pod, val } from '../validation/helpers'
import { imageTag } from '../../../../src/engine/api/defaults/pod'
import { podQOS } from '../../../../src/engine/api/defaults/qos'

describe('pod defaulting', () => {
  it('sets SetDefaults_PodSpec/Pod/Container values', () => {
    const c = bareCluster()
    const p = val(
      c.api.create(
        pod('x', {
          containers: [
            {
              name: 'a',
              image: 'nginx',
              ports: [{ containerPort: 80 }],
              resources: { limits: { cpu: '500m', memory: '128Mi' } },
              readinessProbe: { httpGet: { port: 80 } },
              env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            },
          ],
          volumes: [{ name: 'tmp' }, { name: 'cfg', configMap: { name: 'cfg' } }],
        }),
      ),
    )
    const s = p.spec
    expect(s).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, securityContext: {} })
    expect(s).toMatchObject({ serviceAccountName: 'default', serviceAccount: 'default', enableServiceLinks: true, priority: 0, preemptionPolicy: 'PreemptLowerPriority' })
    const ct = s.containers[0]
    expect(ct.imagePullPolicy).toBe('Always')
    expect(ct.terminationMessagePath).toBe('/dev/termination-log')
    expect(ct.terminationMessagePolicy).toBe('File')
    expect(ct.ports[0].protocol).toBe('TCP')
    expect(ct.resources.requests).toEqual({ cpu: '500m', memory: '128Mi' })
    expect(ct.readinessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 })
    expect(ct.readinessProbe.initialDelaySeconds).toBeUndefined()
    expect(ct.env[0].valueFrom.fieldRef.apiVersion).toBe('v1')
    expect(s.volumes[0]).toEqual({ name: 'tmp', emptyDir: {} })
    expect(s.volumes[1].configMap.defaultMode).toBe(420)
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' })
  })

  it('adds the service account token volume to every container', () => {
    const c = bareCluster(7)
    const p = val(c.api.create(pod('x', { initContainers: [{ name: 'init', image: 'busybox' }] })))
    const vol = p.spec.volumes.at(-1)
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    for (const ct of [...p.spec.initContainers, ...p.spec.containers]) {
      expect(ct.volumeMounts).toContainEqual({ name: vol.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' })
    }
    const q = val(c.api.create(pod('y', { automountServiceAccountToken: false })))
    expect(q.spec.volumes).toBeUndefined()
  })

  it('adds default tolerations unless already tolerated', () => {
    const c = bareCluster()
    const p = val(c.api.create(pod('x', { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }] })))
    expect(p.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ])
    const all = val(c.api.create(pod('y', { tolerations: [{ operator: 'Exists' }] })))
    expect(all.spec.tolerations).toEqual([{ operator: 'Exists' }])
  })

  it('derives imagePullPolicy from the tag', () => {
    expect(imageTag('nginx')).toBe('latest')
    expect(imageTag('nginx:latest')).toBe('latest')
    expect(imageTag('registry:5000/nginx')).toBe('latest')
    expect(imageTag('registry:5000/nginx:1.25')).toBe('1.25')
    expect(imageTag('nginx@sha256:abc')).toBe('')
    const c = bareCluster()
    expect(val(c.api.create(pod('x'))).spec.containers[0].imagePullPolicy).toBe('IfNotPresent')
  })
})

describe('QoS class (GetPodQOS)', () => {
  const spec = (res: object[]) => ({ containers: res.map((r, i) => ({ name: `c${i}`, image: 'x', resources: r })) })
  it('classifies', () => {
    expect(podQOS(spec([{}]))).toBe('BestEffort')
    expect(podQOS(spec([{ requests: { cpu: '100m' } }]))).toBe('Burstable')
    expect(podQOS(spec([{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }]))).toBe('Guaranteed')
    expect(podQOS(spec([{ requests: { cpu: '1000m', memory: '1Gi' }, limits: { cpu: '1', memory: '1024Mi' } }]))).toBe('Guaranteed')
    expect(podQOS(spec([{ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }]))).toBe('Burstable')
    expect(podQOS(spec([{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, {}]))).toBe('Burstable')
    expect(podQOS(spec([{ limits: { cpu: '1' } }]))).toBe('Burstable')
  })
})

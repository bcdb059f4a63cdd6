import type { KObject } from '../../../src/engine/api/types'
import { obj, pod, running, terminated, ts } from './fixtures'

export const NOW = 1000

export function initDelayPod(): KObject {
  const p = pod('init-delay-demo', NOW - 60, {
    restartPolicy: 'Never',
    serviceAccountName: 'default',
    nodeName: 'worker-1',
    priority: 0,
    initContainers: [{ name: 'delay-init', image: 'busybox:1.28', command: ['sh', '-c', "echo 'Waiting 15 seconds...'; sleep 15"], volumeMounts: [{ name: 'kube-api-access-x2x4z', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] }],
    containers: [{
      name: 'app-container', image: 'nginx:1.7.9', ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
      readinessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      env: [{ name: 'MODE', value: 'demo' }, { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
      volumeMounts: [{ name: 'kube-api-access-x2x4z', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
    }],
    volumes: [{ name: 'kube-api-access-x2x4z', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }, { downwardAPI: {} }] } }],
    tolerations: [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  }, {
    phase: 'Running',
    hostIP: '192.168.56.11',
    podIP: '10.244.1.2',
    podIPs: [{ ip: '10.244.1.2' }],
    startTime: ts(NOW - 60),
    qosClass: 'Burstable',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True' },
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
      { type: 'ContainersReady', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ],
    initContainerStatuses: [{ name: 'delay-init', containerID: 'containerd://aaa', image: 'docker.io/library/busybox:1.28', imageID: 'docker.io/library/busybox@sha256:141c', ready: true, restartCount: 0, state: terminated(0, 'Completed', NOW - 40) }],
    containerStatuses: [{ name: 'app-container', containerID: 'containerd://bbb', image: 'docker.io/library/nginx:1.7.9', imageID: 'docker.io/library/nginx@sha256:e3456c', ready: true, restartCount: 0, started: true, state: running(NOW - 38) }],
  })
  p.metadata.labels = { app: 'init-demo' }
  return p
}

export function event(involved: KObject, reason: string, message: string, firstSec: number, lastSec: number, count: number, component: string, type = 'Normal'): KObject {
  return obj('v1', 'Event', `${involved.metadata.name}.${reason.toLowerCase()}${firstSec}`, firstSec, {
    namespace: involved.metadata.namespace ?? 'default',
    involvedObject: { kind: involved.kind, name: involved.metadata.name, namespace: involved.metadata.namespace, uid: involved.metadata.uid },
    reason, message, type, count,
    firstTimestamp: ts(firstSec), lastTimestamp: ts(lastSec),
    source: { component },
  })
}

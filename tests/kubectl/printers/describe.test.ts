import { describe, expect, it } from 'vitest'
import { describe as describeObj, formatTabbed } from '../../../src/kubectl/printers'
import { DESCRIBE_TABWRITER } from '../../../src/kubectl/printers/tabwriter'
import { podQOS } from '../../../src/kubectl/printers/describe/pod'
import { smartLabelFor } from '../../../src/kubectl/printers/describe/core'
import { fakeCluster, obj, pod, running, ts } from './fixtures'
import { NOW, event, initDelayPod } from './describe-fixtures'

const grepA = (text: string, pattern: string, after: number) => {
  const lines = text.split('\n')
  const i = lines.findIndex((l) => l.includes(pattern))
  return i < 0 ? [] : lines.slice(i, i + after + 1)
}

describe('describe pod', () => {
  it('full layout of a running pod with an init container (kubectl v1.30)', () => {
    const p = initDelayPod()
    const c = fakeCluster(NOW, [
      p,
      event(p, 'Scheduled', 'Successfully assigned default/init-delay-demo to worker-1', NOW - 60, NOW - 60, 1, 'default-scheduler'),
      event(p, 'Pulled', 'Container image "busybox:1.28" already present on machine', NOW - 59, NOW - 20, 3, 'kubelet'),
    ])
    expect(describeObj(c, 'pods', p)).toBe(`Name:             init-delay-demo
Namespace:        default
Priority:         0
Service Account:  default
Node:             worker-1/192.168.56.11
Start Time:       Sat, 01 Mar 2025 09:15:40 +0000
Labels:           app=init-demo
Annotations:      <none>
Status:           Running
IP:               10.244.1.2
IPs:
  IP:  10.244.1.2
Init Containers:
  delay-init:
    Container ID:  containerd://aaa
    Image:         busybox:1.28
    Image ID:      docker.io/library/busybox@sha256:141c
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      echo 'Waiting 15 seconds...'; sleep 15
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Sat, 01 Mar 2025 09:15:59 +0000
      Finished:     Sat, 01 Mar 2025 09:16:00 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x2x4z (ro)
Containers:
  app-container:
    Container ID:   containerd://bbb
    Image:          nginx:1.7.9
    Image ID:       docker.io/library/nginx@sha256:e3456c
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Sat, 01 Mar 2025 09:16:02 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      memory:  128Mi
    Requests:
      cpu:      100m
      memory:   64Mi
    Readiness:  http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:
      MODE:  demo
      NODE:  worker-1 (v1:spec.nodeName)
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x2x4z (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-x2x4z:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age                From               Message
  ----    ------     ----               ----               -------
  Normal  Scheduled  60s                default-scheduler  Successfully assigned default/init-delay-demo to worker-1
  Normal  Pulled     20s (x3 over 59s)  kubelet            Container image "busybox:1.28" already present on machine
`)
  })

  it('golden 01: Conditions block', () => {
    const p = initDelayPod()
    const out = describeObj(fakeCluster(NOW, [p]), 'pods', p)
    expect(grepA(out, 'Conditions:', 3)).toEqual(['Conditions:', '  Type                        Status', '  PodReadyToStartContainers   True ', '  Initialized                 True '])
    expect(out.endsWith('Events:                      <none>\n')).toBe(true)
  })

  it('golden 13: pending pod with FailedScheduling event', () => {
    const msg = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..'
    const p = pod('big', NOW - 10, { containers: [{ name: 'app', image: 'nginx:1.7.9', resources: { requests: { cpu: '3' } } }] }, {
      phase: 'Pending', qosClass: 'Burstable',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg }],
    })
    const c = fakeCluster(NOW, [p, event(p, 'FailedScheduling', msg, NOW - 10, NOW - 10, 1, 'default-scheduler', 'Warning')])
    const out = describeObj(c, 'pods', p)
    expect(out).toMatch(/\nNode: {9}<none>\n/)
    expect(out).toContain('\nIP:           \nIPs:          <none>\n')
    expect(out).not.toContain('State:')
    const row = out.split('\n').find((l) => l.includes('FailedScheduling'))!
    expect(row).toBe(`  Warning  FailedScheduling  10s   default-scheduler  ${msg}`)
    expect(out).toContain('\nConditions:\n  Type           Status\n  PodScheduled   False \n')
  })

  it('Ephemeral Containers section after Containers', () => {
    const p = initDelayPod()
    p.spec.ephemeralContainers = [{ name: 'debugger-8kzw2', image: 'busybox', stdin: true, tty: true, targetContainerName: 'app-container' }]
    p.status.ephemeralContainerStatuses = [{ name: 'debugger-8kzw2', containerID: 'containerd://ccc', imageID: 'docker.io/library/busybox@sha256:1', ready: false, restartCount: 0, state: running(NOW - 5) }]
    const out = describeObj(fakeCluster(NOW, [p]), 'pods', p)
    expect(grepA(out, 'Ephemeral Containers:', 11)).toEqual([
      'Ephemeral Containers:',
      '  debugger-8kzw2:',
      '    Container ID:   containerd://ccc',
      '    Image:          busybox',
      '    Image ID:       docker.io/library/busybox@sha256:1',
      '    Port:           <none>',
      '    Host Port:      <none>',
      '    State:          Running',
      '      Started:      Sat, 01 Mar 2025 09:16:35 +0000',
      '    Ready:          False',
      '    Restart Count:  0',
      '    Environment:    <none>',
    ])
    expect(out.indexOf('Ephemeral Containers:')).toBeGreaterThan(out.indexOf('\nContainers:'))
    expect(out.indexOf('Ephemeral Containers:')).toBeLessThan(out.indexOf('Conditions:'))
  })

  it('Terminating status line and terminated last state', () => {
    const p = initDelayPod()
    p.metadata.deletionTimestamp = ts(NOW + 25)
    p.metadata.deletionGracePeriodSeconds = 30
    p.status.containerStatuses[0].restartCount = 2
    p.status.containerStatuses[0].lastState = { terminated: { exitCode: 137, reason: 'Error', startedAt: ts(NOW - 100), finishedAt: ts(NOW - 50) } }
    const out = describeObj(fakeCluster(NOW, [p]), 'pods', p)
    // describe.go uses translateTimestampSince on the (future) deletionTimestamp: '<invalid>' during the grace period
    expect(out).toContain('Status:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n')
    expect(out).toContain('    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    137\n')
  })

  it('QoS classes', () => {
    const mk = (res: any) => pod('q', 0, { containers: [{ name: 'a', resources: res }] }, {})
    expect(podQOS(mk(undefined))).toBe('BestEffort')
    expect(podQOS(mk({ requests: { cpu: '100m' } }))).toBe('Burstable')
    expect(podQOS(mk({ limits: { cpu: '100m', memory: '64Mi' } }))).toBe('Guaranteed')
    expect(podQOS(mk({ requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '100m', memory: '64Mi' } }))).toBe('Burstable')
  })
})

describe('describe other kinds', () => {
  it('deployment: Replicas line, strategy, RS lines', () => {
    const tmpl = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.7.9', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } }
    const d = obj('apps/v1', 'Deployment', 'web', NOW - 60, { labels: { app: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: tmpl, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } } }, status: { replicas: 3, updatedReplicas: 3, availableReplicas: 3, conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }] } })
    const rs = obj('apps/v1', 'ReplicaSet', 'web-7c5ddbdf54', NOW - 60, { spec: { replicas: 3, template: { ...tmpl, metadata: { labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } } } }, status: { replicas: 3 } })
    const old = obj('apps/v1', 'ReplicaSet', 'web-6d4cf56db6', NOW - 600, { spec: { replicas: 0, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.7' }] } } }, status: { replicas: 0 } })
    for (const r of [rs, old]) r.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true }]
    const out = describeObj(fakeCluster(NOW, [d, rs, old]), 'deployments', d)
    expect(out).toContain('\nReplicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\n')
    expect(out).toContain('\nStrategyType:           RollingUpdate\nMinReadySeconds:        0\nRollingUpdateStrategy:  25% max unavailable, 25% max surge\nPod Template:\n  Labels:  app=web\n  Containers:\n   nginx:\n    Image:         nginx:1.7.9\n')
    expect(out).toContain('\nOldReplicaSets:  web-6d4cf56db6 (0/0 replicas created)\nNewReplicaSet:   web-7c5ddbdf54 (3/3 replicas created)\nEvents:          <none>\n')
    expect(out).toContain('\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n')
  })

  it('node: roles, taints, non-terminated pods with percentages, allocated resources', () => {
    const node = obj('v1', 'Node', 'worker-1', 0, { namespace: null, labels: { 'node-role.kubernetes.io/control-plane': '' }, spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
      status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' }, capacity: { cpu: '2', memory: '4Gi', pods: '110' }, addresses: [{ type: 'InternalIP', address: '192.168.56.10' }], nodeInfo: {} } })
    const p1 = pod('web-1', NOW - 100, { nodeName: 'worker-1', containers: [{ name: 'a', resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } } }] }, { phase: 'Running' })
    const done = pod('job-1', NOW - 100, { nodeName: 'worker-1', containers: [{ name: 'a', resources: { requests: { cpu: '1' } } }] }, { phase: 'Succeeded' })
    const other = pod('elsewhere', NOW - 100, { nodeName: 'worker-2', containers: [{ name: 'a', resources: { requests: { cpu: '1' } } }] }, { phase: 'Running' })
    const out = describeObj(fakeCluster(NOW, [node, p1, done, other]), 'nodes', node)
    expect(out).toContain('Roles:              control-plane\n')
    expect(out).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\nUnschedulable:      false\nLease:\n  HolderIdentity:  <unset>\n')
    expect(out).toContain('Non-terminated Pods:          (1 in total)\n')
    expect(grepA(out, 'Non-terminated Pods:', 3).slice(1)).toEqual([
      '  Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
      '  ---------                   ----     ------------  ----------  ---------------  -------------  ---',
      '  default                     web-1    500m (25%)    0 (0%)      1Gi (25%)        2Gi (50%)      100s',
    ])
    expect(out).toContain('  cpu                500m (25%)  0 (0%)\n  memory             1Gi (25%)   2Gi (50%)\n')
  })

  it('service: ports, endpoints, policies', () => {
    const svc = obj('v1', 'Service', 'web', NOW - 60, { spec: { type: 'NodePort', selector: { app: 'web' }, clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ port: 80, targetPort: 80, nodePort: 30080, protocol: 'TCP' }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' } })
    const ep = obj('v1', 'Endpoints', 'web', NOW - 60, { subsets: [{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.2' }], ports: [{ port: 80, protocol: 'TCP' }] }] })
    const out = describeObj(fakeCluster(NOW, [svc, ep]), 'services', svc)
    expect(out).toBe(`Name:                     web
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.5.5
IPs:                      10.96.5.5
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  30080/TCP
Endpoints:                10.244.1.2:80,10.244.2.2:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`)
  })

  it('service account and pvc', () => {
    const sa = obj('v1', 'ServiceAccount', 'default', 0)
    expect(describeObj(fakeCluster(NOW, [sa]), 'serviceaccounts', sa)).toBe(
      'Name:                default\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\nImage pull secrets:  <none>\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>\n',
    )
    const pvc = obj('v1', 'PersistentVolumeClaim', 'data-web-0', 0, { spec: { volumeName: 'pv-1', storageClassName: 'standard', volumeMode: 'Filesystem' }, status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } } })
    pvc.metadata.finalizers = ['kubernetes.io/pvc-protection']
    const user = pod('web-0', 0, { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } }], containers: [] }, {})
    const out = describeObj(fakeCluster(NOW, [pvc, user]), 'persistentvolumeclaims', pvc)
    expect(out).toContain('Finalizers:    [kubernetes.io/pvc-protection]\nCapacity:      1Gi\nAccess Modes:  RWO\nVolumeMode:    Filesystem\nUsed By:       web-0\n')
  })

  it('namespace and generic describer', () => {
    const ns = obj('v1', 'Namespace', 'default', 0, { namespace: null, labels: { 'kubernetes.io/metadata.name': 'default' }, status: { phase: 'Active' } })
    expect(describeObj(fakeCluster(NOW, [ns]), 'namespaces', ns)).toBe('Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n')
    const lease = obj('coordination.k8s.io/v1', 'Lease', 'x', 0, { spec: { holderIdentity: 'x', leaseDurationSeconds: 40 } })
    const out = describeObj(fakeCluster(NOW, [lease]), 'leases', lease)
    expect(out).toContain('API Version:  coordination.k8s.io/v1\nKind:         Lease\nMetadata:\n  Creation Timestamp:  2025-03-01T09:00:00Z\n')
    expect(out).toContain('Spec:\n  Holder Identity:         x\n  Lease Duration Seconds:  40\n')
    expect(smartLabelFor('apiVersion')).toBe('API Version')
    expect(smartLabelFor('uid')).toBe('UID')
    expect(smartLabelFor('podCIDR')).toBe('Pod CIDR')
    expect(smartLabelFor('a.b')).toBe('a.b')
  })
})

describe('Go tabwriter port', () => {
  it('column blocks end at lines without the column', () => {
    const text = 'Name:\tx\nLong Label:\ty\nSection:\n  Sub:\tz\n'
    expect(formatTabbed(text, DESCRIBE_TABWRITER)).toBe('Name:        x\nLong Label:  y\nSection:\n  Sub:  z\n')
  })
  it('handles nested columns and text without a trailing newline', () => {
    expect(formatTabbed('a\tb\tc\naaa\tb', DESCRIBE_TABWRITER)).toBe('a    b  c\naaa  b')
    expect(formatTabbed('', DESCRIBE_TABWRITER)).toBe('')
  })
})

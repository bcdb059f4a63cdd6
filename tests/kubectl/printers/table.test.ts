import { describe, expect, it } from 'vitest'
import { printTable, tabwrite } from '../../../src/kubectl/printers'
import { fakeCluster, obj, pod, running, terminated, waiting } from './fixtures'

const NOW = 3 * 86400 + 600 // 3 days + 10 minutes

function pods() {
  const a = pod('web-7c5ddbdf54-hq9zt', NOW - 5, { containers: [{ name: 'nginx' }] }, {
    phase: 'Pending',
    containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, state: waiting('ContainerCreating') }],
  })
  const b = pod('web-7c5ddbdf54-x8k2p', NOW - 600, { nodeName: 'node01', containers: [{ name: 'nginx' }] }, {
    phase: 'Running',
    podIP: '10.244.1.2',
    podIPs: [{ ip: '10.244.1.2' }],
    containerStatuses: [{ name: 'nginx', ready: true, restartCount: 3, state: running(NOW - 25), lastState: terminated(1, 'Error', NOW - 25) }],
  })
  return [a, b]
}

describe('tabwrite', () => {
  it('pads every column but the last to widest + 3 (minimum 6)', () => {
    expect(tabwrite([['A', 'B', 'C'], ['xx', 'y', 'z']])).toBe('A     B     C\nxx    y     z\n')
    expect(tabwrite([['NAME', 'AGE'], ['kubernetes', '3d']])).toBe('NAME         AGE\nkubernetes   3d\n')
  })
  it('empty input gives empty output', () => expect(tabwrite([])).toBe(''))
})

describe('printTable pods', () => {
  it('matches the §1.4 layout', () => {
    const c = fakeCluster(NOW)
    expect(printTable(c, 'pods', pods())).toBe(
      'NAME                   READY   STATUS              RESTARTS      AGE\n' +
      'web-7c5ddbdf54-hq9zt   0/1     ContainerCreating   0             5s\n' +
      'web-7c5ddbdf54-x8k2p   1/1     Running             3 (25s ago)   10m\n',
    )
  })

  it('-o wide adds IP, NODE, NOMINATED NODE, READINESS GATES', () => {
    const c = fakeCluster(NOW)
    const [a, b] = pods()
    a.status.containerStatuses = undefined
    b.status.containerStatuses[0].restartCount = 0
    b.status.containerStatuses[0].lastState = undefined
    expect(printTable(c, 'pods', [a, b], { wide: true })).toBe(
      'NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
      'web-7c5ddbdf54-hq9zt   0/1     Pending   0          5s    <none>       <none>   <none>           <none>\n' +
      'web-7c5ddbdf54-x8k2p   1/1     Running   0          10m   10.244.1.2   node01   <none>           <none>\n',
    )
  })

  it('-A, --show-labels, -L, --no-headers, showKind', () => {
    const c = fakeCluster(NOW)
    const p = pod('lonely', NOW - 60, { containers: [{ name: 'x' }] }, { phase: 'Running', containerStatuses: [{ name: 'x', ready: true, restartCount: 0, state: running(NOW - 50) }] }, {})
    p.metadata.labels = { run: 'lonely', app: 'a' }
    expect(printTable(c, 'pods', [p], { allNamespaces: true, showLabels: true, labelColumns: ['app', 'example.com/tier'] })).toBe(
      'NAMESPACE   NAME     READY   STATUS    RESTARTS   AGE   APP   TIER   LABELS\n' +
      'default     lonely   1/1     Running   0          60s   a            app=a,run=lonely\n',
    )
    expect(printTable(c, 'pods', [p], { noHeaders: true, showKind: true })).toBe('pod/lonely   1/1   Running   0     60s\n')
    expect(printTable(c, 'pods', [])).toBe('')
  })
})

describe('printTable other resources', () => {
  it('services (§1.4)', () => {
    const c = fakeCluster(NOW)
    const svc = (name: string, created: number, spec: any, status: any = {}) => obj('v1', 'Service', name, created, { spec, status })
    const list = [
      svc('db', NOW - 60, { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }] }),
      svc('ext', NOW - 60, { type: 'ExternalName', externalName: 'example.com' }),
      svc('kubernetes', 0, { type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] }),
      svc('lb', NOW - 20, { type: 'LoadBalancer', clusterIPs: ['10.99.12.7'], ports: [{ port: 80, nodePort: 31234, protocol: 'TCP' }] }),
      svc('web', NOW - 120, { type: 'NodePort', clusterIPs: ['10.102.44.17'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }),
    ]
    expect(printTable(c, 'services', list)).toBe(
      'NAME         TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE\n' +
      'db           ClusterIP      None           <none>        5432/TCP       60s\n' +
      'ext          ExternalName   <none>         example.com   <none>         60s\n' +
      'kubernetes   ClusterIP      10.96.0.1      <none>        443/TCP        3d\n' +
      'lb           LoadBalancer   10.99.12.7     <pending>     80:31234/TCP   20s\n' +
      'web          NodePort       10.102.44.17   <none>        80:30080/TCP   2m\n',
    )
    const dns = svc('kube-dns', 0, { type: 'ClusterIP', clusterIPs: ['10.96.0.10'], selector: { 'k8s-app': 'kube-dns' }, ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }, { port: 9153, protocol: 'TCP' }] })
    expect(printTable(c, 'services', [dns], { wide: true })).toBe(
      'NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE   SELECTOR\n' +
      'kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   3d    k8s-app=kube-dns\n',
    )
    expect(printTable(c, 'services', [dns], { showKind: true, noHeaders: true })).toMatch(/^service\/kube-dns {3}/)
  })

  it('nodes incl. SchedulingDisabled, NotReady, roles and wide', () => {
    const c = fakeCluster(NOW)
    const node = (name: string, ready: string | null, labels: Record<string, string>, unschedulable = false) =>
      obj('v1', 'Node', name, 0, {
        namespace: null,
        labels,
        spec: unschedulable ? { unschedulable: true } : {},
        status: {
          conditions: ready ? [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: ready }] : [],
          addresses: [{ type: 'InternalIP', address: '192.168.56.11' }, { type: 'Hostname', address: name }],
          nodeInfo: { kubeletVersion: 'v1.30.2', osImage: 'Ubuntu 22.04.4 LTS', kernelVersion: '5.15.0-105-generic', containerRuntimeVersion: 'containerd://1.7.13' },
        },
      })
    const list = [
      node('controlplane', 'True', { 'node-role.kubernetes.io/control-plane': '' }),
      node('node01', 'True', {}, true),
      node('node02', 'Unknown', {}),
      node('node03', null, { 'kubernetes.io/role': 'worker' }),
    ]
    expect(printTable(c, 'nodes', list, { allNamespaces: true })).toBe(
      'NAME           STATUS                     ROLES           AGE   VERSION\n' +
      'controlplane   Ready                      control-plane   3d    v1.30.2\n' +
      'node01         Ready,SchedulingDisabled   <none>          3d    v1.30.2\n' +
      'node02         NotReady                   <none>          3d    v1.30.2\n' +
      'node03         Unknown                    worker          3d    v1.30.2\n',
    )
    expect(printTable(c, 'nodes', [list[1]], { wide: true })).toBe(
      'NAME     STATUS                     ROLES    AGE   VERSION   INTERNAL-IP     EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME\n' +
      'node01   Ready,SchedulingDisabled   <none>   3d    v1.30.2   192.168.56.11   <none>        Ubuntu 22.04.4 LTS   5.15.0-105-generic   containerd://1.7.13\n',
    )
  })

  it('endpoints: <none> vs empty cell vs + N more', () => {
    const c = fakeCluster(NOW)
    const ep = (name: string, subsets: any) => obj('v1', 'Endpoints', name, NOW - 60, subsets === undefined ? {} : { subsets })
    const addrs = (ips: string[]) => ips.map((ip) => ({ ip }))
    const list = [
      ep('kubernetes', [{ addresses: addrs(['192.168.56.10']), ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]),
      ep('noselect', undefined),
      ep('web', [{ addresses: addrs(['10.244.1.2', '10.244.1.3', '10.244.2.2', '10.244.2.3']), ports: [{ port: 80 }] }]),
      ep('web-unready', [{ notReadyAddresses: addrs(['10.244.1.9']), ports: [{ port: 80 }] }]),
    ]
    expect(printTable(c, 'endpoints', list)).toBe(
      'NAME          ENDPOINTS                                               AGE\n' +
      'kubernetes    192.168.56.10:6443                                      60s\n' +
      'noselect      <none>                                                  60s\n' +
      'web           10.244.1.2:80,10.244.1.3:80,10.244.2.2:80 + 1 more...   60s\n' +
      'web-unready                                                           60s\n',
    )
  })

  it('deployments, replicasets (+wide), statefulsets, daemonsets', () => {
    const c = fakeCluster(NOW)
    const tmpl = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } }
    const d = obj('apps/v1', 'Deployment', 'web', NOW - 300, { spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: tmpl }, status: { readyReplicas: 3, updatedReplicas: 4, availableReplicas: 3 } })
    expect(printTable(c, 'deployments', [d])).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/4     4            3           5m\n')
    expect(printTable(c, 'deployments', [d], { wide: true })).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\n' +
      'web    3/4     4            3           5m    nginx        nginx:1.25   app=web\n',
    )
    expect(printTable(c, 'deployments', [d], { showKind: true, noHeaders: true })).toMatch(/^deployment\.apps\/web /)
    const rs = obj('apps/v1', 'ReplicaSet', 'web-7c5ddbdf54', NOW - 300, { spec: { replicas: 4, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } }, template: tmpl }, status: { replicas: 4, readyReplicas: 3 } })
    expect(printTable(c, 'replicasets', [rs])).toBe('NAME             DESIRED   CURRENT   READY   AGE\nweb-7c5ddbdf54   4         4         3       5m\n')
    expect(printTable(c, 'replicasets', [rs], { wide: true })).toContain('app=web,pod-template-hash=7c5ddbdf54')
    const sts = obj('apps/v1', 'StatefulSet', 'db', NOW - 30, { spec: { replicas: 3, template: tmpl }, status: { readyReplicas: 1 } })
    expect(printTable(c, 'statefulsets', [sts])).toBe('NAME   READY   AGE\ndb     1/3     30s\n')
    const ds = obj('apps/v1', 'DaemonSet', 'kube-proxy', 0, { namespace: 'kube-system', spec: { template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' } } } }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3 } })
    expect(printTable(c, 'daemonsets', [ds])).toBe(
      'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\n' +
      'kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   3d\n',
    )
  })

  it('jobs and cronjobs (v1.30 columns)', () => {
    const c = fakeCluster(NOW)
    const job = obj('batch/v1', 'Job', 'pi', NOW - 100, { spec: { completions: 1 }, status: { succeeded: 1, startTime: '2025-03-04T09:08:20Z', completionTime: '2025-03-04T09:08:50Z', conditions: [{ type: 'Complete', status: 'True' }] } })
    expect(printTable(c, 'jobs', [job])).toBe('NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   1/1           30s        100s\n')
    const failing = obj('batch/v1', 'Job', 'bad', NOW - 10, { spec: { completions: 1 }, status: { conditions: [{ type: 'Failed', status: 'True' }] } })
    expect(printTable(c, 'jobs', [failing], { noHeaders: true })).toBe('bad   Failed   0/1         10s\n')
    const cj = obj('batch/v1', 'CronJob', 'hello', NOW - 120, { spec: { schedule: '*/1 * * * *', suspend: false }, status: {} })
    expect(printTable(c, 'cronjobs', [cj])).toBe(
      'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n' +
      'hello   */1 * * * *   <none>     False     0        <none>          2m\n',
    )
  })

  it('hpa TARGETS (v1.30 prefix)', () => {
    const c = fakeCluster(NOW)
    const metric = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }
    const h1 = obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', NOW - 300, { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, metrics: [metric] }, status: { currentReplicas: 4, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 90, averageValue: '90m' } } }] } })
    const h2 = obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web2', NOW - 10, { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web2' }, minReplicas: 1, maxReplicas: 10, metrics: [metric] }, status: { currentReplicas: 1 } })
    expect(printTable(c, 'horizontalpodautoscalers', [h1, h2])).toBe(
      'NAME   REFERENCE         TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\n' +
      'web    Deployment/web    cpu: 90%/50%         1         10        4          5m\n' +
      'web2   Deployment/web2   cpu: <unknown>/50%   1         10        1          10s\n',
    )
  })

  it('events: OBJECT kind/name, LAST SEEN from lastTimestamp', () => {
    const c = fakeCluster(NOW)
    const ev = obj('v1', 'Event', 'big.1', NOW - 30, {
      involvedObject: { kind: 'Pod', name: 'big', namespace: 'default' },
      reason: 'FailedScheduling', message: '0/3 nodes are available.', type: 'Warning',
      firstTimestamp: '2025-03-04T09:09:30Z', lastTimestamp: '2025-03-04T09:09:50Z', count: 3, source: { component: 'default-scheduler' },
    })
    expect(printTable(c, 'events', [ev])).toBe(
      'LAST SEEN   TYPE      REASON             OBJECT    MESSAGE\n' +
      '10s         Warning   FailedScheduling   pod/big   0/3 nodes are available.\n',
    )
    expect(printTable(c, 'events', [ev], { wide: true })).toBe(
      'LAST SEEN   TYPE      REASON             OBJECT    SUBOBJECT   SOURCE              MESSAGE                    FIRST SEEN   COUNT   NAME\n' +
      '10s         Warning   FailedScheduling   pod/big               default-scheduler   0/3 nodes are available.   30s          3       big.1\n',
    )
  })

  it('namespaces, configmaps, secrets, serviceaccounts, leases and the NAME AGE fallback', () => {
    const c = fakeCluster(NOW)
    expect(printTable(c, 'namespaces', [obj('v1', 'Namespace', 'default', 0, { namespace: null, status: { phase: 'Active' } })])).toBe('NAME      STATUS   AGE\ndefault   Active   3d\n')
    expect(printTable(c, 'configmaps', [obj('v1', 'ConfigMap', 'kube-root-ca.crt', 0, { data: { 'ca.crt': 'x' } })])).toBe('NAME               DATA   AGE\nkube-root-ca.crt   1      3d\n')
    expect(printTable(c, 'secrets', [obj('v1', 'Secret', 's', 0, { type: 'Opaque', data: { a: 'eA==', b: 'eQ==' } })])).toBe('NAME   TYPE     DATA   AGE\ns      Opaque   2      3d\n')
    expect(printTable(c, 'serviceaccounts', [obj('v1', 'ServiceAccount', 'default', 0)])).toBe('NAME      SECRETS   AGE\ndefault   0         3d\n')
    expect(printTable(c, 'leases', [obj('coordination.k8s.io/v1', 'Lease', 'node01', 0, { namespace: 'kube-node-lease', spec: { holderIdentity: 'node01' } })])).toBe('NAME     HOLDER   AGE\nnode01   node01   3d\n')
    expect(printTable(c, 'poddisruptionbudgets', [obj('policy/v1', 'PodDisruptionBudget', 'web', 0, { spec: { minAvailable: 2 }, status: { disruptionsAllowed: 1 } })])).toBe(
      'NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb    2               N/A               1                     3d\n',
    )
    expect(printTable(c, 'networkpolicies', [obj('networking.k8s.io/v1', 'NetworkPolicy', 'deny', 0)])).toBe('NAME   POD-SELECTOR   AGE\ndeny   <none>         3d\n')
    expect(printTable(c, 'storagethings', [obj('example.com/v1', 'Thing', 'x', 0)])).toBe('NAME   AGE\nx      3d\n')
  })

  it('pvc and pv', () => {
    const c = fakeCluster(NOW)
    const pvc = obj('v1', 'PersistentVolumeClaim', 'data-web-0', 0, { spec: { volumeName: 'pv-1', storageClassName: 'standard', volumeMode: 'Filesystem' }, status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } } })
    expect(printTable(c, 'persistentvolumeclaims', [pvc])).toBe(
      'NAME         STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
      'data-web-0   Bound    pv-1     1Gi        RWO            standard       <unset>                 3d\n',
    )
  })
})

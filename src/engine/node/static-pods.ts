// kubeadm's static pods on the control-plane node (/etc/kubernetes/manifests). The kubelet runs
// them from files and creates a mirror pod for each in the API (k/k pkg/kubelet/pod/mirror_client.go:
// annotation kubernetes.io/config.mirror, owner reference to the Node).
import type { Cluster } from '../cluster'
import { onBootstrap } from '../registry'
import { cyrb53 } from '../sim/hash'

interface StaticPodDef {
  component: string
  image: string
  command: string[]
  cpu: string
  memory?: string
  port: number
  scheme: 'HTTP' | 'HTTPS'
  path: string
}

const DEFS: StaticPodDef[] = [
  { component: 'etcd', image: 'registry.k8s.io/etcd:3.5.12-0', command: ['etcd', '--advertise-client-urls=https://192.168.56.10:2379', '--data-dir=/var/lib/etcd', '--listen-client-urls=https://127.0.0.1:2379,https://192.168.56.10:2379', '--name=control-plane'], cpu: '100m', memory: '100Mi', port: 2381, scheme: 'HTTP', path: '/health?exclude=NOSPACE&serializable=true' },
  { component: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.30.2', command: ['kube-apiserver', '--advertise-address=192.168.56.10', '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--enable-admission-plugins=NodeRestriction', '--etcd-servers=https://127.0.0.1:2379', '--secure-port=6443', '--service-cluster-ip-range=10.96.0.0/12'], cpu: '250m', port: 6443, scheme: 'HTTPS', path: '/livez' },
  { component: 'kube-controller-manager', image: 'registry.k8s.io/kube-controller-manager:v1.30.2', command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16', '--cluster-name=kubernetes', '--leader-elect=true', '--service-cluster-ip-range=10.96.0.0/12', '--use-service-account-credentials=true'], cpu: '200m', port: 10257, scheme: 'HTTPS', path: '/healthz' },
  { component: 'kube-scheduler', image: 'registry.k8s.io/kube-scheduler:v1.30.2', command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'], cpu: '100m', port: 10259, scheme: 'HTTPS', path: '/healthz' },
]

export function createMirrorPods(c: Cluster, node = 'control-plane'): void {
  const api = c.client(`kubelet/${node}`)
  const n = api.get('nodes', undefined, node)
  if (!n || !c.state.store.objects.namespaces?.['kube-system']) return
  for (const d of DEFS) {
    const name = `${d.component}-${node}`
    if (api.get('pods', 'kube-system', name)) continue
    // config.hash: an md5-sized hex digest of the manifest (pkg/kubelet/config/common.go).
    const text = `${d.component}|${d.image}|${d.command.join(' ')}`
    let hash = ''
    for (let seed = 1; hash.length < 32; seed++) hash += cyrb53(text, seed)
    hash = hash.slice(0, 32)
    api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'kube-system',
        labels: { component: d.component, tier: 'control-plane' },
        annotations: {
          'kubernetes.io/config.hash': hash,
          'kubernetes.io/config.mirror': hash,
          'kubernetes.io/config.seen': '2025-03-01T09:00:00.000000000Z',
          'kubernetes.io/config.source': 'file',
        },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node, uid: n.metadata.uid, controller: true }],
      },
      spec: {
        nodeName: node,
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        priority: 2000001000,
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        schedulerName: 'default-scheduler',
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
        containers: [
          {
            name: d.component,
            image: d.image,
            imagePullPolicy: 'IfNotPresent',
            command: d.command,
            resources: { requests: { cpu: d.cpu, ...(d.memory ? { memory: d.memory } : {}) } },
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
      },
    })
  }
}

// Namespaces are created at order 20; the mirror pods follow.
onBootstrap(25, 'static-pods', (c) => createMirrorPods(c))

// kubeadm's namespaces (the apiserver's system namespaces plus kube-flannel from kube-flannel.yml).
import type { NewObject } from '../../api/types'

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'kube-flannel']

export function namespaceObjects(): NewObject[] {
  return SYSTEM_NAMESPACES.map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...(name === 'kube-flannel' ? { 'k8s-app': 'flannel', 'pod-security.kubernetes.io/enforce': 'privileged' } : {}) } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }))
}

// Short names for system pods: what a learner calls them (api-server, etcd, CoreDNS, …).
const RULES: [RegExp, string][] = [
  [/^kube-apiserver/, 'api-server'],
  [/^etcd/, 'etcd'],
  [/^kube-scheduler/, 'scheduler'],
  [/^kube-controller-manager/, 'controller-manager'],
  [/^coredns/, 'CoreDNS'],
  [/^kube-proxy/, 'kube-proxy'],
  [/^kube-flannel/, 'flannel'],
  [/^metrics-server/, 'metrics-server'],
]

export function componentName(podName: string): string {
  for (const [re, label] of RULES) if (re.test(podName)) return label
  return podName
}

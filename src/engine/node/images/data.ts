// The image catalog: repositories the simulated registry serves, their tags, sizes (MB, as
// `crictl images` shows them) and the behaviour of their default process.
import type { RepoSpec } from './types'
import { ALPINE, BUSYBOX, DEBIAN } from './tools'
import { httpdLogs, mysqlLogs, nginxLogs, postgresLogs, redisLogs, tomcatLogs } from './logs'

const MI = 1
const EXIT_FAST = { afterMs: 100, code: 0 }
/** Floating tags → the release a server reports (as of the v1.30 era images). */
const VERSIONS: Record<string, { latest: string; map: Record<string, string> }> = {
  'docker.io/library/nginx': { latest: '1.27.2', map: { '1.16': '1.16.1', '1.19': '1.19.10', '1.20': '1.20.2', '1.21': '1.21.6', '1.22': '1.22.1', '1.23': '1.23.4', '1.24': '1.24.0', '1.25': '1.25.5', '1.26': '1.26.2', '1.27': '1.27.2', stable: '1.26.2' } },
  'docker.io/library/redis': { latest: '7.4.1', map: { '5': '5.0.14', '5.0': '5.0.14', '6': '6.2.16', '6.2': '6.2.16', '7': '7.4.1', '7.2': '7.2.6', '7.4': '7.4.1' } },
  'docker.io/library/mysql': { latest: '9.1.0', map: { '5.7': '5.7.44', '8.0': '8.0.40', '8': '8.4.3', '8.4': '8.4.3' } },
  'docker.io/library/postgres': { latest: '17.2', map: { '13': '13.18', '14': '14.15', '15': '15.10', '16': '16.6', '17': '17.2' } },
  'docker.io/library/httpd': { latest: '2.4.62', map: { '2.4': '2.4.62' } },
  'docker.io/library/tomcat': { latest: '11.0.1', map: { '8.5': '8.5.100', '9': '9.0.97', '9.0': '9.0.97', '10': '10.1.33', '10.1': '10.1.33' } },
}

/** The version the image's server reports for `tag` ("1.25-alpine" → "1.25.5", "latest" → newest). */
export function imageVersion(repo: string, tag: string): string {
  const v = VERSIONS[repo]
  const t = tag.replace(/-?alpine$|-slim$/, '')
  if (!v) return t
  if (v.map[t]) return v.map[t]
  if (/^\d+\.\d+\.\d+$/.test(t)) return t
  return v.latest
}
const version = (repo: string) => (tag: string) => imageVersion(repo, tag)

const shellImage = (tags: Record<string, number>, tools: string[], cmd: string[]): RepoSpec => ({
  tags, entrypoint: [], cmd, tools, ports: [], startupMs: 0,
  // sh/sleep as PID 1 install no SIGTERM handler: the kernel ignores it for PID 1 → SIGKILL after the grace period.
  sigterm: null, idleCpuMilli: 0, idleMemoryMi: 1 * MI, cpuPerRequestMilli: 0,
})

const NGINX_TAGS: Record<string, number> = {
  '1.7.9': 38, '1.9.1': 38, '1.14.2': 42, '1.16': 48, '1.16.1': 48, '1.19': 51, '1.20': 54, '1.21': 54, '1.22': 54, '1.23': 54, '1.24': 54, '1.25': 67, '1.26': 67, '1.27': 68,
  '1.25-alpine': 18, '1.26-alpine': 19, '1.27-alpine': 20, alpine: 20, latest: 68, stable: 67, mainline: 68,
}

const system = (tags: Record<string, number>, cmd: string[], ports: number[], startupMs: number, cpu: number, mem: number, http: RepoSpec['http'] = 'none'): RepoSpec => ({
  // Go binaries as ENTRYPOINT with no CMD: manifests pass only args (coredns -conf …, metrics-server --…).
  tags, entrypoint: cmd, cmd: [], tools: [], ports, startupMs, sigterm: { afterMs: 500, code: 0 },
  idleCpuMilli: cpu, idleMemoryMi: mem, cpuPerRequestMilli: 1, servers: [cmd[0].split('/').pop() as string], http,
})

export const REPOS: Record<string, RepoSpec> = {
  'registry.k8s.io/pause': { ...shellImage({ '3.9': 0.3, '3.8': 0.3, '3.10': 0.3 }, [], ['/pause']), servers: ['pause'], ports: [], sigterm: EXIT_FAST },
  'docker.io/library/busybox': shellImage({ '1.28': 0.7, '1.31': 0.8, '1.34': 0.8, '1.35': 0.9, '1.36': 2.2, '1.36.1': 2.2, '1.37': 2.2, latest: 2.2, musl: 0.9, glibc: 2.2, stable: 2.2 }, BUSYBOX, ['sh']),
  'docker.io/library/alpine': shellImage({ '3.12': 2.7, '3.15': 2.8, '3.18': 3.4, '3.19': 3.4, '3.20': 3.6, '3.21': 3.6, latest: 3.6 }, ALPINE, ['/bin/sh']),
  'docker.io/library/ubuntu': shellImage({ '20.04': 27, '22.04': 29, '24.04': 29, latest: 29, jammy: 29, noble: 29 }, DEBIAN, ['/bin/bash']),
  'docker.io/library/debian': shellImage({ '11': 55, '12': 49, bookworm: 49, 'bookworm-slim': 29, bullseye: 55, latest: 49 }, DEBIAN, ['bash']),
  'docker.io/curlimages/curl': { ...shellImage({ '8.5.0': 7.8, '8.8.0': 8.1, '8.10.1': 8.4, latest: 8.4 }, [...BUSYBOX, 'curl'], ['curl']), entrypoint: ['/entrypoint.sh'], cmd: ['curl'] },
  'docker.io/nicolaka/netshoot': { ...shellImage({ latest: 208, 'v0.13': 208, 'v0.12': 200 }, [...BUSYBOX.filter((t) => t !== 'nslookup'), 'bash', 'zsh', 'curl', 'nslookup', 'dig', 'host', 'tcpdump', 'iperf3', 'nmap', 'ss', 'iptables', 'traceroute', 'mtr', 'jq', 'drill'], ['zsh']) },
  'docker.io/library/nginx': {
    tags: NGINX_TAGS, entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'],
    entrypointFor: (tag) => { const [maj, min] = imageVersion('docker.io/library/nginx', tag).split('.').map(Number); return maj === 1 && min < 19 ? [] : ['/docker-entrypoint.sh'] },
    tools: [...DEBIAN, 'nginx'], ports: [80], startupMs: 300, sigterm: EXIT_FAST,
    idleCpuMilli: 0, idleMemoryMi: 3, cpuPerRequestMilli: 1, servers: ['nginx', 'docker-entrypoint.sh'], http: 'nginx',
    logs: (tag, now) => nginxLogs(version('docker.io/library/nginx')(tag), now),
  },
  'docker.io/library/httpd': {
    tags: { '2.4': 58, '2.4.62': 58, latest: 58, alpine: 22, '2.4-alpine': 22 }, entrypoint: [], cmd: ['httpd-foreground'],
    tools: [...DEBIAN, 'httpd'], ports: [80], startupMs: 300, sigterm: { afterMs: 200, code: 0 },
    idleCpuMilli: 1, idleMemoryMi: 6, cpuPerRequestMilli: 1, servers: ['httpd-foreground', 'httpd'], http: 'httpd',
    logs: (tag, now) => httpdLogs(version('docker.io/library/httpd')(tag), now),
  },
  'docker.io/library/redis': {
    tags: { '5.0': 39, '5': 39, '6': 41, '6.2': 41, '7': 45, '7.2': 45, '7.4': 45, latest: 45, alpine: 17, '7-alpine': 17 },
    entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], tools: [...DEBIAN, 'redis-server', 'redis-cli'], ports: [6379], startupMs: 200,
    sigterm: { afterMs: 300, code: 0 }, idleCpuMilli: 2, idleMemoryMi: 3, cpuPerRequestMilli: 1,
    servers: ['redis-server', 'docker-entrypoint.sh'], http: 'none', logs: (tag, now) => redisLogs(version('docker.io/library/redis')(tag), now),
  },
  'docker.io/library/mysql': {
    tags: { '5.7': 137, '8.0': 165, '8': 165, '8.4': 172, latest: 172 }, entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'],
    tools: [...DEBIAN, 'mysql', 'mysqld', 'mysqladmin'], ports: [3306], startupMs: 8000, sigterm: { afterMs: 2000, code: 0 },
    idleCpuMilli: 5, idleMemoryMi: 360, cpuPerRequestMilli: 2, servers: ['mysqld', 'docker-entrypoint.sh'], http: 'none',
    logs: (tag, now) => mysqlLogs(version('docker.io/library/mysql')(tag), now),
  },
  'docker.io/library/postgres': {
    tags: { '13': 140, '14': 150, '15': 150, '16': 155, '17': 158, latest: 158, '16-alpine': 98, alpine: 98 }, entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'],
    tools: [...DEBIAN, 'psql', 'postgres'], ports: [5432], startupMs: 3000, sigterm: { afterMs: 500, code: 0 },
    idleCpuMilli: 3, idleMemoryMi: 30, cpuPerRequestMilli: 2, servers: ['postgres', 'docker-entrypoint.sh'], http: 'none',
    logs: (tag, now) => postgresLogs(version('docker.io/library/postgres')(tag), now),
  },
  'docker.io/library/tomcat': {
    tags: { '8.5': 150, '9': 160, '9.0': 160, '10': 165, '10.1': 165, latest: 170 }, entrypoint: [], cmd: ['catalina.sh', 'run'],
    tools: DEBIAN.filter((t) => t !== 'sysctl'), ports: [8080], startupMs: 4000, sigterm: { afterMs: 1500, code: 143 },
    idleCpuMilli: 4, idleMemoryMi: 120, cpuPerRequestMilli: 2, servers: ['catalina.sh', 'java'], http: 'tomcat',
    logs: (tag, now) => tomcatLogs(version('docker.io/library/tomcat')(tag), 4000, now),
  },
  // kubeguide/tomcat-app:v1: Tomcat 8.0.35 on a slim base — no curl, no wget (the ephemeral-container lesson).
  'docker.io/kubeguide/tomcat-app': {
    tags: { v1: 203, v2: 203 }, entrypoint: [], cmd: ['catalina.sh', 'run'],
    tools: ['sh', 'bash', 'echo', 'cat', 'ls', 'sleep', 'env', 'hostname', 'ps', 'true', 'false', 'test', '[', 'java', 'catalina.sh'], ports: [8080], startupMs: 5000,
    sigterm: { afterMs: 1500, code: 143 }, idleCpuMilli: 4, idleMemoryMi: 110, cpuPerRequestMilli: 2, servers: ['catalina.sh', 'java'], http: 'tomcat',
    logs: (_tag, now) => tomcatLogs('8.0.35', 4812, now),
  },
  // The HPA walkthrough's php-apache: every request burns CPU and answers "OK!".
  'registry.k8s.io/hpa-example': {
    tags: { latest: 180 }, entrypoint: [], cmd: ['apache2-foreground'], tools: DEBIAN, ports: [80], startupMs: 500,
    sigterm: { afterMs: 200, code: 0 }, idleCpuMilli: 1, idleMemoryMi: 10, cpuPerRequestMilli: 200, servers: ['apache2-foreground', 'apache2'], http: 'hpa',
  },
  'docker.io/library/node': shellImage({ '18': 390, '20': 395, '22': 400, latest: 400, '20-alpine': 46, alpine: 48 }, [...DEBIAN, 'node', 'npm'], ['node']),
  'docker.io/library/python': shellImage({ '3.9': 380, '3.11': 390, '3.12': 395, '3.13': 400, latest: 400, '3.12-slim': 45, slim: 45, alpine: 18 }, [...DEBIAN, 'python', 'python3', 'pip'], ['python3']),
  // System images (kubeadm v1.30.2, flannel v0.25.1, metrics-server v0.7.1).
  'registry.k8s.io/etcd': system({ '3.5.12-0': 57 }, ['etcd'], [2379, 2380, 2381], 2000, 20, 40),
  'registry.k8s.io/kube-apiserver': system({ 'v1.30.2': 32 }, ['kube-apiserver'], [6443], 5000, 40, 250, 'apiserver'),
  'registry.k8s.io/kube-controller-manager': system({ 'v1.30.2': 31 }, ['kube-controller-manager'], [10257], 3000, 15, 50),
  'registry.k8s.io/kube-scheduler': system({ 'v1.30.2': 19 }, ['kube-scheduler'], [10259], 2000, 4, 20),
  'registry.k8s.io/kube-proxy': system({ 'v1.30.2': 29 }, ['/usr/local/bin/kube-proxy'], [10249, 10256], 1000, 1, 15),
  'registry.k8s.io/coredns/coredns': system({ 'v1.11.1': 18 }, ['/coredns'], [53, 8080, 8181, 9153], 1000, 3, 15),
  'registry.k8s.io/metrics-server/metrics-server': system({ 'v0.7.1': 19 }, ['/metrics-server'], [10250], 2000, 3, 18, 'metrics'),
  'docker.io/flannel/flannel': { ...system({ 'v0.25.1': 31 }, ['/opt/bin/flanneld'], [], 1000, 2, 12), tools: ['cp', 'flanneld'] },
  'docker.io/flannel/flannel-cni-plugin': { ...shellImage({ 'v1.4.1-flannel1': 4.5 }, ['cp', 'sh'], ['/flannel']), servers: [] },
}


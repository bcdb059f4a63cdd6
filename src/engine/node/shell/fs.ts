// Simulated files a container sees: what the kubelet mounts (/etc/resolv.conf, /etc/hosts,
// /etc/hostname), /proc/sys, a few image files, and whatever the process wrote itself.
import type { ImageInfo } from '../images/types'
import type { ProcessHost } from '../process-types'
import type { ShellState } from './state'
import { httpResponse } from '../images/catalog'

/** Kernel defaults as a 5.15 node reports them (net.* are per pod network namespace). */
export const SYSCTL_DEFAULTS: Record<string, string> = {
  'fs.file-max': '9223372036854775807',
  'kernel.hostname': '',
  'kernel.pid_max': '4194304',
  'kernel.shm_rmid_forced': '0',
  'net.core.somaxconn': '4096',
  'net.ipv4.ip_forward': '1',
  'net.ipv4.ip_local_port_range': '32768\t60999',
  'net.ipv4.tcp_syncookies': '1',
  'net.ipv4.ping_group_range': '0\t2147483647',
  'vm.max_map_count': '65530',
  'vm.overcommit_memory': '1',
  'vm.swappiness': '60',
}

export function podHostname(host: ProcessHost): string {
  return (host.pod.spec?.hostname as string | undefined) ?? host.pod.metadata.name
}

export function podNamespace(host: ProcessHost): string {
  return host.pod.metadata.namespace ?? 'default'
}

export function sysctlValue(host: ProcessHost, st: ShellState, key: string): string | undefined {
  if (key in st.sysctl) return st.sysctl[key]
  if (key === 'kernel.hostname') return podHostname(host)
  return SYSCTL_DEFAULTS[key]
}

/** /etc/resolv.conf for dnsPolicy ClusterFirst (k/k pkg/kubelet/network/dns/dns.go generateSearchesForDNSClusterFirst). */
export function resolvConf(host: ProcessHost): string {
  const spec = host.pod.spec ?? {}
  const policy = spec.dnsPolicy ?? 'ClusterFirst'
  const clusterFirst = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !spec.hostNetwork)
  if (!clusterFirst) return 'nameserver 10.0.2.3\n' // the node's own resolver
  const ns = podNamespace(host)
  return `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`
}

/** /etc/hosts as the kubelet writes it (k/k pkg/kubelet/kubelet_pods.go managedHostsFileContent). */
export function hostsFile(host: ProcessHost): string {
  const ip = host.pod.status?.podIP as string | undefined
  const name = podHostname(host)
  const sub = host.pod.spec?.subdomain as string | undefined
  let out = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n'
  if (ip) out += sub ? `${ip}\t${name}.${sub}.${podNamespace(host)}.svc.cluster.local\t${name}\n` : `${ip}\t${name}\n`
  return out
}

function osRelease(info: ImageInfo): string {
  if (info.tools.includes('apk') || info.repo.endsWith('/busybox')) {
    if (info.repo.endsWith('/busybox')) return ''
    return 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n'
  }
  return 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n'
}

const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`

/** Files that come with an image (the nginx docroot and config). */
function imageFile(info: ImageInfo, p: string): string | undefined {
  if (info.repo === 'docker.io/library/nginx') {
    if (p === '/usr/share/nginx/html/index.html') return httpResponse(info, 80, '/')?.body
    if (p === '/etc/nginx/conf.d/default.conf') return NGINX_DEFAULT_CONF
  }
  return undefined
}

/** File content, or undefined when it does not exist. */
export function readFile(host: ProcessHost, info: ImageInfo, st: ShellState, path: string): string | undefined {
  const p = path.replace(/\/+/g, '/')
  if (p in st.files) return st.files[p]
  if (p.startsWith('/proc/sys/')) {
    const v = sysctlValue(host, st, p.slice('/proc/sys/'.length).split('/').join('.'))
    return v === undefined ? undefined : v + '\n'
  }
  const image = imageFile(info, p)
  if (image !== undefined) return image
  switch (p) {
    case '/etc/resolv.conf': return resolvConf(host)
    case '/etc/hosts': return hostsFile(host)
    case '/etc/hostname': return podHostname(host) + '\n'
    case '/etc/os-release': { const r = osRelease(info); return r || undefined }
    case '/etc/passwd': return 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n'
    case '/proc/1/cmdline': return undefined
    case '/var/run/secrets/kubernetes.io/serviceaccount/namespace': return podNamespace(host)
    case '/dev/null': return ''
  }
  return undefined
}

/** A few directory listings for `ls`. */
export function listDir(st: ShellState, path: string): string[] | undefined {
  const p = path.replace(/\/+$/, '') || '/'
  const written = Object.keys(st.files).filter((f) => f.startsWith(p === '/' ? '/' : p + '/')).map((f) => f.slice(p === '/' ? 1 : p.length + 1).split('/')[0])
  const base: Record<string, string[]> = {
    '/': ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'],
    '/etc': ['group', 'hostname', 'hosts', 'passwd', 'resolv.conf'],
    '/tmp': [],
    '/var/run/secrets/kubernetes.io/serviceaccount': ['ca.crt', 'namespace', 'token'],
    '/usr/share/nginx/html': ['50x.html', 'index.html'],
    '/etc/nginx': ['conf.d', 'fastcgi_params', 'mime.types', 'modules', 'nginx.conf', 'scgi_params', 'uwsgi_params'],
  }
  const known = base[p]
  if (!known && !written.length) return undefined
  return [...new Set([...(known ?? []), ...written])].sort()
}

// Image lookup: what the simulated registry answers for an image name, and what the image's
// default server answers over HTTP. Strings from containerd (pull errors) and the kubelet
// (k/k pkg/kubelet/images/image_manager.go applyDefaultImageTag → InvalidImageName).
import { cyrb53 } from '../../sim/hash'
import { REPOS, imageVersion } from './data'
import { httpdPage, nginxPage, tomcatPage } from './pages'
import { parseImageRef } from './reference'
import type { ImageInfo, RepoSpec } from './types'

export type { ImageInfo } from './types'

const MB = 1000 * 1000
const MIB = 1024 * 1024

export type LookupResult =
  | { ok: true; info: ImageInfo }
  | { ok: false; reason: 'InvalidImageName' | 'ErrImagePull'; message: string }

/** A sha256-shaped digest derived from the reference (same ref → same digest, across runs). */
export function digestOf(ref: string): string {
  let hex = ''
  for (let seed = 1; hex.length < 64; seed++) hex += cyrb53(ref, seed)
  return `sha256:${hex.slice(0, 64)}`
}

/** Catalog entry of a known image (undefined for unknown repos). */
export function repoSpec(info: ImageInfo): RepoSpec | undefined {
  return info.known ? REPOS[info.repo] : undefined
}

const cache: Record<string, LookupResult> = {}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x as object)) deepFreeze(v)
    Object.freeze(x)
  }
  return x
}

/** Looks an image up (results are cached and frozen: the catalog is immutable). */
export function lookupImage(image: string): LookupResult {
  if (!Object.prototype.hasOwnProperty.call(cache, image)) cache[image] = deepFreeze(lookupUncached(image))
  return cache[image]
}

function lookupUncached(image: string): LookupResult {
  const ref = parseImageRef(image)
  if (!ref) {
    return { ok: false, reason: 'InvalidImageName', message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format` }
  }
  const spec = REPOS[ref.repo]
  if (!spec) {
    // Unknown repository: accepted as pullable; a generic long-running server (serves its containerPorts).
    const size = 20 * MB + (parseInt(cyrb53(ref.ref).slice(0, 6), 16) % (80 * MB))
    return {
      ok: true,
      info: {
        name: image, ref: ref.ref, repo: ref.repo, tag: ref.tag, known: false, sizeBytes: size, digest: digestOf(ref.ref),
        entrypoint: [], cmd: ['/app'], tools: ['sh', 'echo', 'cat', 'sleep', 'env', 'ls', 'true', 'false', 'test', '['],
        ports: [], startupMs: 500, sigterm: { afterMs: 200, code: 0 },
        idleCpuMilli: 1, idleMemoryBytes: 10 * MIB, cpuPerRequestMilli: 1,
      },
    }
  }
  const tag = ref.tag
  const mb = tag ? spec.tags[tag] : Object.values(spec.tags)[0]
  if (mb === undefined) {
    // containerd's resolver answer for a missing manifest.
    return {
      ok: false, reason: 'ErrImagePull',
      message: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.ref}": failed to resolve reference "${ref.ref}": ${ref.ref}: not found`,
    }
  }
  return {
    ok: true,
    info: {
      name: image, ref: ref.ref, repo: ref.repo, tag: tag || '', known: true,
      sizeBytes: Math.round(mb * MB + (parseInt(cyrb53(ref.ref).slice(0, 5), 16) % 900_000)),
      digest: digestOf(ref.ref),
      entrypoint: [...(spec.entrypointFor?.(tag) ?? spec.entrypoint)], cmd: [...spec.cmd], tools: [...spec.tools], ports: [...spec.ports],
      startupMs: spec.startupMs, sigterm: spec.sigterm ? { ...spec.sigterm } : null,
      idleCpuMilli: spec.idleCpuMilli, idleMemoryBytes: spec.idleMemoryMi * MIB, cpuPerRequestMilli: spec.cpuPerRequestMilli,
    },
  }
}

/**
 * What the image's default server answers on `port` for GET `path`; undefined when nothing listens there.
 * status 0 means something listens but does not speak HTTP (redis, mysql, …).
 */
export function httpResponse(info: ImageInfo, port: number, path: string, scheme: 'http' | 'https' = 'http'): { status: number; body: string } | undefined {
  const p = path || '/'
  if (!info.known) return { status: 200, body: `Hello from ${info.name}\n` }
  const spec = REPOS[info.repo]
  if (!spec || !info.ports.includes(port)) return undefined
  switch (spec.http) {
    case 'nginx': return nginxPage(imageVersion(info.repo, info.tag), p)
    case 'httpd': return httpdPage(p)
    case 'tomcat': return tomcatPage(info.repo.endsWith('tomcat-app') ? '8.0.35' : imageVersion(info.repo, info.tag), p)
    case 'hpa': return { status: 200, body: 'OK!' }
    case 'apiserver':
    case 'metrics':
      // Go's net/http answers plain HTTP on a TLS port with 400; over HTTPS the health endpoints
      // are open to anonymous users (system:public-info-viewer), anything else is forbidden.
      if (scheme !== 'https') return { status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n' }
      if (p === '/livez' || p === '/readyz' || p === '/healthz' || p === '/version') return { status: 200, body: 'ok' }
      return { status: 403, body: `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"forbidden: User \\"system:anonymous\\" cannot get path \\"${p}\\"","reason":"Forbidden","details":{},"code":403}\n` }
    default:
      // coredns exposes plain HTTP health/ready/metrics endpoints.
      if (info.repo.endsWith('coredns')) {
        if (port === 8080 && p === '/health') return { status: 200, body: 'OK' }
        if (port === 8181 && p === '/ready') return { status: 200, body: 'OK' }
        if (port === 9153 && p === '/metrics') return { status: 200, body: '# HELP coredns_build_info A metric with a constant \'1\' value labeled by version, revision, and goversion from which CoreDNS was built.\n' }
        if (port !== 53) return { status: 404, body: '404 page not found\n' }
      }
      if (info.repo.endsWith('kube-proxy') && port === 10256) return { status: 200, body: '{"lastUpdated":"","currentTime":""}' }
      return { status: 0, body: '' }
  }
}

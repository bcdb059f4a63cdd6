// Per-machine image cache and the kubelet's serialized image puller
// (k/k pkg/kubelet/images/image_manager.go EnsureImageExists; puller.go serialImagePuller:
// one pull at a time per node by default, --serialize-image-pulls=true).
import type { Cluster } from '../../cluster'
import { lookupImage, type ImageInfo } from '../images/catalog'

export interface CachedImage {
  ref: string
  repoDigest: string
  sizeBytes: number
}

interface ImageCacheState {
  /** ref → image */
  images: Record<string, CachedImage>
  /** sim ms when the puller is free again */
  busyUntil: number
}

function cache(c: Cluster, node: string): ImageCacheState {
  return c.slot<ImageCacheState>(`images/${node}`, () => ({ images: {}, busyUntil: 0 }))
}

/** "nginx" → "docker.io/library/nginx"; keeps registry hosts. */
export function fullRepo(repo: string): string {
  const first = repo.split('/')[0]
  if (repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return repo
  return repo.includes('/') ? `docker.io/${repo}` : `docker.io/library/${repo}`
}

export function imageRef(info: ImageInfo): string {
  return info.ref
}

export function imageID(info: ImageInfo): string {
  return `${fullRepo(info.repo)}@${info.digest}`
}

export function isCached(c: Cluster, node: string, info: ImageInfo): boolean {
  return !!cache(c, node).images[imageRef(info)]
}

export function markCached(c: Cluster, node: string, image: string): void {
  const r = lookupImage(image)
  if (!r.ok) return
  const info = r.info
  cache(c, node).images[imageRef(info)] = { ref: imageRef(info), repoDigest: imageID(info), sizeBytes: info.sizeBytes }
}

export function cachedImages(c: Cluster, node: string): CachedImage[] {
  const imgs = cache(c, node).images
  return Object.keys(imgs).sort().map((k) => imgs[k])
}

export function forgetImages(c: Cluster, node: string): void {
  delete c.state.components[`images/${node}`]
}

export const CACHED_PULL_MS = 450

/** Pull duration: ~20 MB/s plus 0.5 s of registry round-trips (nginx ≈ 3 s, busybox < 1 s). */
export function pullDurationMs(info: ImageInfo): number {
  return 500 + Math.round((info.sizeBytes / 20_000_000) * 1000)
}

/**
 * Reserves the node's puller: returns when this pull starts and ends (sim ms). Pulls of a node
 * queue behind each other (serial puller).
 */
export function reservePull(c: Cluster, node: string, info: ImageInfo): { start: number; end: number } {
  const s = cache(c, node)
  const start = Math.max(c.now, s.busyUntil)
  // Layers already present: only the manifest is fetched (imagePullPolicy Always on a cached image).
  const end = start + (s.images[imageRef(info)] ? CACHED_PULL_MS : pullDurationMs(info))
  s.busyUntil = end
  return { start, end }
}

/** "2.345s" as Go's time.Duration String() prints a sub-minute duration (trailing zeros trimmed). */
export function goSeconds(ms: number): string {
  if (ms < 1000) return `${ms}ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`
  const m = Math.floor(ms / 60_000)
  const rest = ((ms % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '')
  return `${m}m${rest}s`
}

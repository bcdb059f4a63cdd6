// Shapes of the image catalog (what an image contains and how its default process behaves).
import type { SigtermReaction } from '../process-types'

export interface ImageInfo {
  /** as written, e.g. "nginx:1.7.9" */
  name: string
  /** normalized, e.g. "docker.io/library/nginx:1.7.9" */
  ref: string
  repo: string
  tag: string
  /** false for unknown repos (a generic long-running server) */
  known: boolean
  sizeBytes: number
  /** "sha256:<64 hex>", deterministic from ref */
  digest: string
  entrypoint: string[]
  cmd: string[]
  /** executables on PATH by basename */
  tools: string[]
  /** ports the default process serves */
  ports: number[]
  /** from start until it answers on its ports */
  startupMs: number
  /** reaction of the default process to SIGTERM */
  sigterm: SigtermReaction
  idleCpuMilli: number
  idleMemoryBytes: number
  cpuPerRequestMilli: number
}

/** Catalog entry for one repository; tags map to compressed sizes in MB. */
export interface RepoSpec {
  tags: Record<string, number>
  entrypoint: string[]
  cmd: string[]
  tools: string[]
  ports: number[]
  startupMs: number
  sigterm: SigtermReaction
  idleCpuMilli: number
  idleMemoryMi: number
  cpuPerRequestMilli: number
  /** ENTRYPOINT when it differs by tag (nginx gained /docker-entrypoint.sh in 1.19). */
  entrypointFor?: (tag: string) => string[]
  /** Basenames of argv[0] that start the image's server (its default process). */
  servers?: string[]
  /** Startup log lines of the default server process (version placeholders resolved by tag). */
  logs?: (tag: string, now: number) => string[]
  /** HTTP personality of the default process. */
  http?: 'nginx' | 'httpd' | 'tomcat' | 'hpa' | 'apiserver' | 'metrics' | 'generic' | 'none'
}

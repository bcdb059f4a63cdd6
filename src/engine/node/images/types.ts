// Shapes of the image catalog (what an image contains and how its default process behaves).
import type { SigtermReaction } from '../process-types'

/** How an image's default process behaves: shared by catalog entries and resolved images. */
export interface ImageBehaviour {
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
  cpuPerRequestMilli: number
}

export interface ImageInfo extends ImageBehaviour {
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
  idleMemoryBytes: number
}

/** Catalog entry for one repository; tags map to compressed sizes in MB. */
export interface RepoSpec extends ImageBehaviour {
  tags: Record<string, number>
  idleMemoryMi: number
  /** ENTRYPOINT when it differs by tag (nginx gained /docker-entrypoint.sh in 1.19). */
  entrypointFor?: (tag: string) => string[]
  /** Basenames of argv[0] that start the image's server (its default process). */
  servers?: string[]
  /** Startup log lines of the default server process (version placeholders resolved by tag). */
  logs?: (tag: string, now: number) => string[]
  /** HTTP personality of the default process. */
  http?: 'nginx' | 'httpd' | 'tomcat' | 'hpa' | 'apiserver' | 'metrics' | 'generic' | 'none'
}

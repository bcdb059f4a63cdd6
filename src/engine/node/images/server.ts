// Which commands of an image start its server, and what that server logs while starting.
import { REPOS } from './data'
import type { ImageInfo } from './types'

const base = (p: string) => p.split('/').pop() ?? p

/** True when `argv0` (path or name) is the image's server program (nginx, redis-server, catalina.sh, …). */
export function isServerCommand(info: ImageInfo, argv0: string): boolean {
  if (!info.known) return false
  const spec = REPOS[info.repo]
  return !!spec?.servers?.includes(base(argv0))
}

/** Startup log lines: all but the last are printed at start, the last once the server listens. */
export function serverLogs(info: ImageInfo, now: number): string[] {
  const spec = info.known ? REPOS[info.repo] : undefined
  return spec?.logs ? spec.logs(info.tag, now) : []
}

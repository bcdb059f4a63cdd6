// `-f FILE` / `-f -`: reads the host's virtual files or stdin and parses every manifest.
import type { KubectlIO } from '../types'
import { parseManifests, type ManifestResult, type ManifestObject } from './parse'

export function loadManifests(io: KubectlIO, filenames: string[]): ManifestResult {
  const all: ManifestObject[] = []
  for (const f of filenames) {
    let text: string | undefined
    let source = f
    if (f === '-') {
      text = io.stdin ?? ''
      source = 'STDIN'
    } else {
      text = io.files?.[f]
      if (text === undefined) return { ok: false, message: `the path "${f}" does not exist` }
    }
    const r = parseManifests(text, source)
    if (!r.ok) return r
    all.push(...r.value)
  }
  return { ok: true, value: all }
}

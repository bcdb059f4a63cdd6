// Collects "namespace/name" keys from a watch batch and syncs each once, in sorted order, so
// a controller's work is deterministic and de-duplicated (the role of client-go's workqueue).
export function sortedKeys(keys: Record<string, true>): string[] {
  return Object.keys(keys).sort()
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/')
  return [key.slice(0, i), key.slice(i + 1)]
}

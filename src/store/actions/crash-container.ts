// Crash a container (exit 1): an engine poke, like `podflow crash POD -c CONTAINER`.
import type { KObject } from '../../engine'
import { defineAction, err, isKind, objectOf, poke } from './define'
import type { ActionTarget } from './types'

function runningContainer(p: KObject | undefined, t: ActionTarget): string | undefined {
  if (!p || p.metadata.deletionTimestamp) return undefined
  const statuses: { name: string; state?: { running?: unknown } }[] = p.status?.containerStatuses ?? []
  const want = t.kind === 'object' ? t.container : undefined
  return statuses.find((c) => c.state?.running && (want === undefined || c.name === want))?.name
}

export const crashContainer = defineAction({
  id: 'container.crash',
  label: { en: 'Crash container (exit 1)', zh: '让容器崩溃（退出码 1）' },
  group: 'pod',
  appliesTo: (t) => isKind(t, 'pods'),
  available: (s, t) => {
    const p = objectOf(s, t)
    const node = p?.spec?.nodeName as string | undefined
    return !!runningContainer(p, t) && !!node && s.machine(node)?.kubeletRunning === true
  },
  dispatch: (s, t) => {
    const container = runningContainer(objectOf(s, t), t)
    if (t.kind !== 'object' || !container) return err('no running container')
    return poke({ type: 'container.crash', namespace: t.namespace ?? 'default', pod: t.name, container, exitCode: 1 })
  },
})

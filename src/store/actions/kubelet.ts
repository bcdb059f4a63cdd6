// Stop / start a node's kubelet: engine pokes (`podflow node stop|start NODE`).
import { defineAction, err, isKind, poke } from './define'

export const stopKubelet = defineAction({
  id: 'node.stop',
  label: { en: 'Stop kubelet', zh: '停止 kubelet' },
  group: 'node',
  appliesTo: (t) => isKind(t, 'nodes'),
  available: (s, t) => t.kind === 'object' && s.machine(t.name)?.kubeletRunning === true,
  dispatch: (_s, t) => (t.kind === 'object' ? poke({ type: 'node.stop', node: t.name }) : err('no node')),
})

export const startKubelet = defineAction({
  id: 'node.start',
  label: { en: 'Start kubelet', zh: '启动 kubelet' },
  group: 'node',
  appliesTo: (t) => isKind(t, 'nodes'),
  available: (s, t) => t.kind === 'object' && s.machine(t.name)?.kubeletRunning === false,
  dispatch: (_s, t) => (t.kind === 'object' ? poke({ type: 'node.start', node: t.name }) : err('no node')),
})

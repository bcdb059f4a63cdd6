// Add / remove a worker machine: engine pokes (`podflow node add`, `podflow node remove NODE`).
import { LIMITS } from '../codec'
import { defineAction, err, isKind, poke } from './define'

export const addWorker = defineAction({
  id: 'cluster.add-worker',
  label: { en: 'Add worker node', zh: '添加工作节点' },
  group: 'cluster',
  appliesTo: (t) => t.kind === 'cluster' || isKind(t, 'nodes'),
  available: (s) => Object.values(s.cluster.state.machines).filter((m) => m.role === 'worker').length < LIMITS.maxWorkers,
  dispatch: () => poke({ type: 'node.add' }),
})

export const removeWorker = defineAction({
  id: 'node.remove',
  label: { en: 'Remove worker node', zh: '移除工作节点' },
  group: 'node',
  appliesTo: (t) => isKind(t, 'nodes'),
  available: (s, t) => t.kind === 'object' && s.machine(t.name)?.role === 'worker',
  dispatch: (_s, t) => (t.kind === 'object' ? poke({ type: 'node.remove', node: t.name }) : err('no node')),
})

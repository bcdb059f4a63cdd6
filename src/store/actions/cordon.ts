// Cordon / uncordon / drain a node: kubectl lines, as a learner would type them.
import { defineAction, err, isKind, kubectl, objectOf, safeName } from './define'
import type { ActionTarget } from './types'
import type { PodflowState } from '../state'

const nodeName = (t: ActionTarget) => (t.kind === 'object' && safeName(t.name) ? t.name : undefined)
const unschedulable = (s: PodflowState, t: ActionTarget) => objectOf(s, t)?.spec?.unschedulable === true

export const cordonNode = defineAction({
  id: 'node.cordon',
  label: { en: 'Cordon', zh: '封锁（cordon）' },
  group: 'node',
  appliesTo: (t) => isKind(t, 'nodes'),
  available: (s, t) => !!objectOf(s, t) && !unschedulable(s, t),
  dispatch: (_s, t) => (nodeName(t) ? kubectl(`kubectl cordon ${nodeName(t)}`) : err('no node')),
})

export const uncordonNode = defineAction({
  id: 'node.uncordon',
  label: { en: 'Uncordon', zh: '解除封锁（uncordon）' },
  group: 'node',
  appliesTo: (t) => isKind(t, 'nodes'),
  available: (s, t) => !!objectOf(s, t) && unschedulable(s, t),
  dispatch: (_s, t) => (nodeName(t) ? kubectl(`kubectl uncordon ${nodeName(t)}`) : err('no node')),
})

export const drainNode = defineAction({
  id: 'node.drain',
  label: { en: 'Drain', zh: '排空（drain）' },
  group: 'node',
  appliesTo: (t) => isKind(t, 'nodes'),
  available: (s, t) => !!objectOf(s, t) && t.kind === 'object' && s.machine(t.name)?.role === 'worker',
  // Blocking: kubectl waits until the evicted pods are gone (sim time runs meanwhile).
  dispatch: (_s, t) => (nodeName(t) ? kubectl(`kubectl drain ${nodeName(t)} --ignore-daemonsets --delete-emptydir-data`) : err('no node')),
})

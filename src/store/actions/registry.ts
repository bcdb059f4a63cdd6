// The one registry the toolbar, context menu and keyboard shortcuts read.
import type { PodflowStore } from '../index'
import type { PodflowState } from '../state'
import type { CommandOutput, StoreResult } from '../types'
import { crashContainer } from './crash-container'
import { cordonNode, drainNode, uncordonNode } from './cordon'
import { deletePod } from './delete-pod'
import { createFromGallery } from './gallery'
import { startKubelet, stopKubelet } from './kubelet'
import { faster, slower, step10s, step1s, stepEvent, togglePlay } from './playback'
import { rolloutUndo } from './rollout-undo'
import { scaleDeployment, scaleStatefulSet } from './scale'
import { setImage } from './set-image'
import type { ActionInput, ActionTarget, UserAction } from './types'
import { addWorker, removeWorker } from './workers'

export const ACTIONS: readonly UserAction[] = [
  deletePod,
  crashContainer,
  stopKubelet,
  startKubelet,
  cordonNode,
  uncordonNode,
  drainNode,
  addWorker,
  removeWorker,
  scaleDeployment,
  scaleStatefulSet,
  setImage,
  rolloutUndo,
  createFromGallery,
  togglePlay,
  stepEvent,
  slower,
  faster,
  step1s,
  step10s,
]

export function actionById(id: string): UserAction | undefined {
  return ACTIONS.find((a) => a.id === id)
}

/** Actions for a target (context menu / toolbar), with whether each is available now. */
export function actionsFor(state: PodflowState, target: ActionTarget, opts: { includePlayback?: boolean } = {}): { action: UserAction; available: boolean }[] {
  return ACTIONS.filter((a) => (opts.includePlayback || a.group !== 'playback') && a.appliesTo(target)).map((action) => ({ action, available: action.available(state, target) }))
}

/** The action bound to a key (KeyboardEvent.key). */
export function actionForShortcut(key: string): UserAction | undefined {
  return ACTIONS.find((a) => a.shortcut === key)
}

export async function performAction(store: PodflowStore, id: string, target: ActionTarget, input?: ActionInput): Promise<StoreResult<CommandOutput>> {
  const a = actionById(id)
  if (!a) return { ok: false, message: `unknown action "${id}"` }
  return a.perform(store, target, input)
}

export type { ActionInput, ActionTarget, Dispatch, InputField, UserAction } from './types'
export { targetOf, CLUSTER } from './define'
export { GALLERY, type GalleryItem } from './gallery'

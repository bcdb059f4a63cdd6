// The action registry's shapes (excalidraw style): every user action (toolbar, context menu,
// shortcut) is one object with a label, availability and what it dispatches.
import type { Action } from '../../engine'
import type { PodflowStore } from '../index'
import type { PodflowState } from '../state'
import type { CommandOutput, StoreResult } from '../types'

/** What an action applies to: one object (by id `plural/key`, optionally a container) or the cluster. */
export type ActionTarget =
  | { kind: 'object'; id: string; plural: string; namespace?: string; name: string; container?: string }
  | { kind: 'cluster' }

/** What an action sends: a kubectl line (shown in the log as typed), an engine poke, or playback. */
export type Dispatch = { kind: 'kubectl'; line: string; stdin?: string } | { kind: 'action'; action: Action } | { kind: 'playback' }

/** An input the UI must ask for before performing (a number, an image, a gallery item). */
export interface InputField {
  name: string
  label: { en: string; zh: string }
  type: 'integer' | 'text' | 'choice'
  min?: number
  max?: number
  /** For choices: value and label. */
  choices?: { value: string; label: { en: string; zh: string } }[]
  /** Default value for the form, computed from the target. */
  initial?(state: PodflowState, target: ActionTarget): string | number | undefined
}

export type ActionInput = Record<string, string | number | undefined>

export interface UserAction {
  id: string
  label: { en: string; zh: string }
  /** KeyboardEvent.key: ' ', 'ArrowRight', '[', ']', 'Delete'. */
  shortcut?: string
  group: 'pod' | 'node' | 'workload' | 'cluster' | 'playback'
  input?: InputField[]
  appliesTo(target: ActionTarget): boolean
  available(state: PodflowState, target: ActionTarget): boolean
  /** The command it would send (validates the input); pure, for tooltips and tests. */
  dispatch(state: PodflowState, target: ActionTarget, input?: ActionInput): StoreResult<Dispatch>
  /** Performs it through the store; ok when the command exits 0. */
  perform(store: PodflowStore, target: ActionTarget, input?: ActionInput): Promise<StoreResult<CommandOutput>>
}

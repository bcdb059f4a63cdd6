// Helpers for defining actions: targets, the generic perform, kubectl line building.
import type { Action, KObject } from '../../engine'
import type { PodflowStore } from '../index'
import { parseId } from '../slices/engine'
import type { PodflowState } from '../state'
import type { CommandOutput, StoreResult } from '../types'
import type { ActionInput, ActionTarget, Dispatch, UserAction } from './types'

export const CLUSTER: ActionTarget = { kind: 'cluster' }

/** The target for a selection id `plural/key` (null: the cluster). */
export function targetOf(id: string | null | undefined, container?: string): ActionTarget {
  const p = id ? parseId(id) : undefined
  if (!p || !id) return CLUSTER
  const slash = p.key.indexOf('/')
  const t: ActionTarget = slash < 0 ? { kind: 'object', id, plural: p.plural, name: p.key } : { kind: 'object', id, plural: p.plural, namespace: p.key.slice(0, slash), name: p.key.slice(slash + 1) }
  if (container !== undefined) t.container = container
  return t
}

export const isKind = (target: ActionTarget, plural: string): target is Extract<ActionTarget, { kind: 'object' }> => target.kind === 'object' && target.plural === plural

export function objectOf(state: PodflowState, target: ActionTarget): KObject | undefined {
  return target.kind === 'object' ? state.object(target.id) : undefined
}

/** ` -n NS` unless the namespace is default. */
export const nsFlag = (ns: string | undefined) => (ns && ns !== 'default' ? ` -n ${ns}` : '')

/** Names in kubectl lines: Kubernetes names are DNS labels/subdomains, never needing quotes. */
const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
export const safeName = (s: string | undefined): s is string => typeof s === 'string' && SAFE.test(s) && s.length <= 253

export const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value })
export const err = <T>(message: string): StoreResult<T> => ({ ok: false, message })
export const kubectl = (line: string, stdin?: string): StoreResult<Dispatch> => ok(stdin === undefined ? { kind: 'kubectl', line } : { kind: 'kubectl', line, stdin })
export const poke = (action: Action): StoreResult<Dispatch> => ok({ kind: 'action', action })

/** Sends a dispatch through the store (recorded in the log). */
export async function send(store: PodflowStore, d: Dispatch): Promise<StoreResult<CommandOutput>> {
  if (d.kind === 'playback') return ok({ exitCode: 0, output: '' })
  const out = d.kind === 'kubectl' ? await store.getState().runKubectl(d.line, d.stdin) : await store.getState().act(d.action)
  return out.exitCode === 0 ? ok(out) : err(out.output.trim() || `exit code ${out.exitCode}`)
}

type Def = Omit<UserAction, 'perform'> & { perform?: UserAction['perform'] }

/** Builds an action whose perform checks availability, then sends its dispatch. */
export function defineAction(def: Def): UserAction {
  return {
    ...def,
    perform:
      def.perform ??
      (async (store: PodflowStore, target: ActionTarget, input?: ActionInput) => {
        const state = store.getState()
        if (!def.appliesTo(target) || !def.available(state, target)) return err(`${def.label.en}: not available here`)
        const d = def.dispatch(state, target, input)
        return d.ok ? send(store, d.value) : d
      }),
  }
}

/** An integer input within bounds (accepts numeric strings from forms). */
export function intInput(input: ActionInput | undefined, name: string, min: number, max: number): StoreResult<number> {
  const raw = input?.[name]
  const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) return err(`${name} must be a whole number from ${min} to ${max}`)
  return ok(n)
}

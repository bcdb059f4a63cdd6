// Runs a registry action from the UI: asks for input first when the action needs it.
import { performAction, type ActionTarget, type PodflowStore, type UserAction } from '../../store'

export interface PendingForm {
  action: UserAction
  target: ActionTarget
}

/** Performs `action` now, or returns the form to show when it needs input. Errors go to `report`. */
export async function runAction(store: PodflowStore, action: UserAction, target: ActionTarget, report: (msg: string) => void): Promise<PendingForm | null> {
  if (action.input?.length) return { action, target }
  const r = await performAction(store, action.id, target)
  if (!r.ok) report(r.message)
  return null
}

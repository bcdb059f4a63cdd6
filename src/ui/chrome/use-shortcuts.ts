// Keyboard shortcuts from the action registry (space, →, [, ], Delete), ignored while typing.
import { useEffect } from 'react'
import { actionForShortcut, targetOf } from '../../store'
import { useStoreApi } from '../store-context'
import { runAction, type PendingForm } from './action-runner'

export function useShortcuts(report: (msg: string) => void, openForm: (f: PendingForm) => void) {
  const api = useStoreApi()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return
      if (e.ctrlKey || e.metaKey || e.altKey) return
      const a = actionForShortcut(e.key)
      if (!a) return
      const target = targetOf(api.getState().selected)
      if (!a.appliesTo(target) || !a.available(api.getState(), target)) return
      e.preventDefault()
      void runAction(api, a, target, report).then((f) => f && openForm(f))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [api, report, openForm])
}

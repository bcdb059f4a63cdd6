// The bottom dock's tabs, in order. Panels that bring big libraries (the terminal's xterm, the
// editor's CodeMirror) are `lazy(() => import(…))` so they stay out of the first paint's
// JavaScript (budget U7); the events feed is part of the first paint.
import type { ComponentType, LazyExoticComponent } from 'react'
import type { DockTab } from '../../store'
import { EventsFeed } from '../panels/EventsFeed'

export interface DockTabDef {
  id: DockTab
  /** i18n key in the `chrome` namespace. */
  label: string
  panel: ComponentType | LazyExoticComponent<ComponentType>
}

export const DOCK_TABS: readonly DockTabDef[] = [
  { id: 'events', label: 'dock.events', panel: EventsFeed },
]

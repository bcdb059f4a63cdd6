// View slice: which view, theme and language (remembered in storage apart from the run).
import type { StateCreator } from 'zustand/vanilla'
import type { DockTab, Language, PodflowState, StoreContext, Theme, ViewName, ViewSlice } from '../state'

export const PREFS_KEY = 'podflow.prefs.v1'
const VIEWS: ViewName[] = ['workloads', 'control-plane', 'network']
const THEMES: Theme[] = ['dark', 'light']
const LANGUAGES: Language[] = ['en', 'zh']
const DOCK_TABS: DockTab[] = ['events', 'terminal', 'editor']

export interface Prefs {
  view: ViewName
  theme: Theme
  language: Language
}

export const DEFAULT_PREFS: Prefs = { view: 'workloads', theme: 'dark', language: 'en' }

/** Reads saved preferences; anything unknown falls back to the default. */
export function readPrefs(ctx: Pick<StoreContext, 'storage'>): Prefs {
  let raw: unknown
  try {
    raw = JSON.parse(ctx.storage?.getItem(PREFS_KEY) ?? 'null')
  } catch (_) {
    raw = null
  }
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const pick = <T>(list: T[], v: unknown, d: T): T => (list.includes(v as T) ? (v as T) : d)
  return { view: pick(VIEWS, o.view, DEFAULT_PREFS.view), theme: pick(THEMES, o.theme, DEFAULT_PREFS.theme), language: pick(LANGUAGES, o.language, DEFAULT_PREFS.language) }
}

export const viewSlice =
  (ctx: StoreContext, prefs: Prefs): StateCreator<PodflowState, [], [], ViewSlice> =>
  (set, get) => {
    const update = (p: Partial<Prefs>) => {
      set(p)
      const s = get()
      try {
        ctx.storage?.setItem(PREFS_KEY, JSON.stringify({ view: s.view, theme: s.theme, language: s.language }))
      } catch (_) {
        /* storage full or blocked: preferences just are not remembered */
      }
    }
    return {
      ...prefs,
      dock: 'events',
      setView: (view) => VIEWS.includes(view) && update({ view }),
      setTheme: (theme) => THEMES.includes(theme) && update({ theme }),
      setLanguage: (language) => LANGUAGES.includes(language) && update({ language }),
      setDock: (dock) => DOCK_TABS.includes(dock) && set({ dock }),
    }
  }

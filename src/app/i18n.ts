// i18next set-up: one namespace per UI area, English and Simplified Chinese for every string.
// The language comes from the store's view slice (remembered with the other preferences).
import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { chromeStrings } from '../ui/chrome/strings'
import { graphStrings } from '../ui/graph/strings'
import { panelStrings } from '../ui/panels/strings'

const AREAS = { chrome: chromeStrings, graph: graphStrings, panels: panelStrings } as const

export const NAMESPACES = Object.keys(AREAS)

function resources(lang: 'en' | 'zh') {
  return Object.fromEntries(Object.entries(AREAS).map(([ns, s]) => [ns, s[lang]]))
}

/** A ready i18next instance (synchronous: resources are bundled). */
export function createI18n(language: 'en' | 'zh'): i18n {
  const inst = i18next.createInstance()
  void inst.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    ns: NAMESPACES,
    defaultNS: 'chrome',
    resources: { en: resources('en'), zh: resources('zh') },
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  return inst
}

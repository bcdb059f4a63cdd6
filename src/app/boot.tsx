// Boot (loaded by main.tsx right after the first paint): builds the store from a share link, the
// autosave or the demo cluster; starts the playback loop; wires theme and language to the
// document and i18next; mounts the app into the root main.tsx created.
import { StrictMode } from 'react'
import type { Root } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import '@xyflow/react/dist/style.css'
import bootImage from 'virtual:podflow-boot-image'
import { createPodflowStore, initialRunFrom, startPlaybackLoop, type PodflowStore } from '../store'
import { StoreProvider } from '../ui/store-context'
import { App } from './App'
import { createI18n } from './i18n'

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch (_) {
    return undefined
  }
}

function createStore(storage: Storage | undefined): PodflowStore {
  const init = initialRunFrom({ href: window.location.href, storage })
  const store = createPodflowStore({ storage, initialRun: init.run, bootImage })
  if (init.notice) store.setState({ notice: init.notice })
  // A share link has been applied: clean the address bar and save, so a reload uses the autosave.
  if (init.source === 'link') {
    window.history.replaceState(null, '', window.location.href.split('#')[0])
    void store.getState().whenIdle().then(() => store.getState().save(true))
  }
  return store
}

export function boot(root: Root) {
  const storage = safeStorage()
  const store = createStore(storage)
  startPlaybackLoop(store)
  const i18n = createI18n(store.getState().language)
  const applyPrefs = () => {
    const s = store.getState()
    document.documentElement.classList.toggle('dark', s.theme === 'dark')
    document.documentElement.lang = s.language === 'zh' ? 'zh-CN' : 'en'
    if (i18n.language !== s.language) void i18n.changeLanguage(s.language)
  }
  applyPrefs()
  store.subscribe((s, prev) => {
    if (s.theme !== prev.theme || s.language !== prev.language) applyPrefs()
  })
  window.addEventListener('beforeunload', () => store.getState().save(true))
  // Tests and the curious reach the store from the console.
  ;(window as unknown as { podflow: PodflowStore }).podflow = store
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoreProvider store={store}>
          <App storage={storage} />
        </StoreProvider>
      </I18nextProvider>
    </StrictMode>,
  )
}

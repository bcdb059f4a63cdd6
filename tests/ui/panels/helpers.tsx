// Shared set-up for the panel tests: a paused store with a few objects, rendered with i18next
// and the store context as the app mounts them.
import { act, render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createI18n } from '../../../src/app/i18n'
import { createPodflowStore, type PodflowStore } from '../../../src/store'
import { StoreProvider } from '../../../src/ui/store-context'
import { BIG, CRASHER } from '../../store/slices/inspect-fixtures'

/** A paused store with a pending pod, a crash-looping pod and a Deployment behind a Service. */
export async function demoStore(): Promise<PodflowStore> {
  const store = createPodflowStore({ paused: true })
  const s = () => store.getState()
  await s().whenIdle()
  for (const [line, stdin] of [
    ['kubectl apply -f -', BIG],
    ['kubectl apply -f -', CRASHER],
    ['kubectl create deployment web --image=nginx --replicas=2', undefined],
    ['kubectl expose deployment web --port=80', undefined],
  ] as const) {
    const out = await s().runKubectl(line, stdin)
    if (out.exitCode !== 0) throw new Error(out.output)
  }
  await s().stepBy(30_000)
  return store
}

export function renderPanel(ui: ReactElement, store: PodflowStore, lang: 'en' | 'zh' = 'en') {
  const i18n = createI18n(lang)
  const r = render(
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>{ui}</StoreProvider>
    </I18nextProvider>,
  )
  return { ...r, i18n }
}

/** Runs a store operation inside act (the panels re-render as it publishes). */
export async function storeAct(fn: () => unknown): Promise<void> {
  await act(async () => {
    await fn()
  })
}

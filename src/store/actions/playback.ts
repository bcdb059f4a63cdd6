// Playback shortcuts as registry entries: space, →, [ and ], plus +1 s / +10 s.
import type { PodflowStore } from '../index'
import { defineAction, ok } from './define'
import type { UserAction } from './types'

function playbackAction(id: string, en: string, zh: string, shortcut: string | undefined, run: (store: PodflowStore) => unknown): UserAction {
  return defineAction({
    id,
    label: { en, zh },
    shortcut,
    group: 'playback',
    appliesTo: () => true,
    available: (s) => !s.busy,
    dispatch: () => ok({ kind: 'playback' }),
    perform: async (store) => {
      await run(store)
      return ok({ exitCode: 0, output: '' })
    },
  })
}

export const togglePlay = playbackAction('playback.toggle', 'Play / pause', '播放 / 暂停', ' ', (s) => s.getState().togglePlay())
export const stepEvent = playbackAction('playback.step', 'Step to the next event', '前进到下一个事件', 'ArrowRight', (s) => s.getState().stepEvent())
export const slower = playbackAction('playback.slower', 'Slower', '减速', '[', (s) => s.getState().slower())
export const faster = playbackAction('playback.faster', 'Faster', '加速', ']', (s) => s.getState().faster())
export const step1s = playbackAction('playback.step-1s', '+1 s', '+1 秒', undefined, (s) => s.getState().stepBy(1_000))
export const step10s = playbackAction('playback.step-10s', '+10 s', '+10 秒', undefined, (s) => s.getState().stepBy(10_000))

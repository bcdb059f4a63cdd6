// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PodflowStore } from '../../../src/store'
import { EventsFeed } from '../../../src/ui/panels'
import { demoStore, renderPanel, storeAct } from './helpers'

afterEach(cleanup)

const rows = () => screen.queryAllByTestId('event-row')
const cells = (row: HTMLElement) => [...row.children].map((c) => c.textContent)

describe('EventsFeed', () => {
  let store: PodflowStore
  const s = () => store.getState()
  beforeAll(async () => {
    store = await demoStore()
  })

  it('lists the newest events like kubectl get events -A, newest last', () => {
    renderPanel(<EventsFeed />, store)
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent)
    expect(headers).toEqual(['LAST SEEN', 'NAMESPACE', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'])
    const all = s().allEvents()
    expect(screen.getByTestId('events-feed').textContent).toContain(`${all.length} events`)
    const shown = rows()
    // Only the rows in view are rendered, and they are the newest.
    expect(shown.length).toBeGreaterThan(5)
    expect(shown.length).toBeLessThan(all.length)
    const last = all[all.length - 1]
    expect(cells(shown[shown.length - 1])).toEqual([expect.any(String), last.namespace, last.type === 'Warning' ? '⚠ Warning' : last.type, last.reason, last.object, last.message])
  })

  it('filters to warnings, by text and by namespace; a row selects its object', () => {
    renderPanel(<EventsFeed />, store)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Warnings only' }))
    expect(rows().length).toBeGreaterThan(0)
    for (const r of rows()) expect(r.children[2].textContent).toBe('⚠ Warning')
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter events' }), { target: { value: 'insufficient cpu' } })
    expect(rows().map((r) => cells(r).slice(1))).toEqual([['default', '⚠ Warning', 'FailedScheduling', 'pod/big', expect.stringMatching(/^0\/3 nodes are available: .*2 Insufficient cpu/)]])
    fireEvent.click(rows()[0])
    expect(s().selected).toBe('pods/default/big')
    expect(rows()[0].getAttribute('aria-selected')).toBe('true')
    fireEvent.change(screen.getByRole('combobox', { name: 'NAMESPACE' }), { target: { value: 'kube-system' } })
    expect(screen.getByText('No events match.')).toBeTruthy()
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter events' }), { target: { value: '' } })
    fireEvent.click(screen.getByRole('checkbox', { name: 'Warnings only' }))
    expect(rows().length).toBeGreaterThan(0)
    // One namespace: its column goes.
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'])
    for (const r of rows()) expect(s().allEvents().find((e) => e.object === r.children[3].textContent)?.namespace).toBe('kube-system')
  })

  it('follows new events as they happen and ages them with sim time', async () => {
    renderPanel(<EventsFeed />, store)
    const before = s().allEvents().length
    await storeAct(() => s().runKubectl('kubectl scale deployment/web --replicas=3'))
    await storeAct(() => s().stepBy(5_000))
    const all = s().allEvents()
    expect(all.length).toBeGreaterThan(before)
    const shown = rows()
    expect(cells(shown[shown.length - 1])[4]).toBe(all[all.length - 1].object)
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter events' }), { target: { value: 'ScalingReplicaSet from 2 to 3' } })
    expect(rows().map((r) => cells(r)[0])).toEqual(['5s'])
    await storeAct(() => s().stepBy(60_000))
    expect(rows().map((r) => cells(r)[0])).toEqual(['65s'])
  })

  it('speaks Chinese', async () => {
    const { i18n } = renderPanel(<EventsFeed />, store)
    await storeAct(() => i18n.changeLanguage('zh'))
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['最近出现', '命名空间', '类型', '原因', '对象', '消息'])
    expect(screen.getByRole('checkbox', { name: '仅警告' })).toBeTruthy()
  })
})

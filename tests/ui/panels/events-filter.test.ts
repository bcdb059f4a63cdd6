import { describe, expect, it } from 'vitest'
import type { EventRow } from '../../../src/store'
import { eventNamespaces, filterEvents } from '../../../src/ui/panels/events-filter'

const row = (i: number, p: Partial<EventRow> = {}): EventRow => ({
  id: `events/default/e${i}`,
  namespace: 'default',
  type: 'Normal',
  reason: 'Pulled',
  object: `pod/p${i}`,
  source: 'kubelet',
  message: `message ${i}`,
  count: 1,
  firstSeen: i,
  lastSeen: i,
  ...p,
})

describe('filterEvents', () => {
  const rows = [row(1), row(2, { type: 'Warning', reason: 'BackOff', namespace: 'kube-system' }), row(3, { message: 'Insufficient cpu' })]

  it('matches every word anywhere in the row, case-insensitively', () => {
    expect(filterEvents(rows, { text: 'INSUFFICIENT cpu', warningsOnly: false, namespace: '' }).rows.map((r) => r.id)).toEqual(['events/default/e3'])
    expect(filterEvents(rows, { text: 'pod/p2 kube-system', warningsOnly: false, namespace: '' }).rows).toHaveLength(1)
    expect(filterEvents(rows, { text: 'pod/p2 default', warningsOnly: false, namespace: '' }).rows).toHaveLength(0)
  })

  it('keeps warnings only and one namespace', () => {
    expect(filterEvents(rows, { text: '', warningsOnly: true, namespace: '' }).rows.map((r) => r.reason)).toEqual(['BackOff'])
    expect(filterEvents(rows, { text: '', warningsOnly: false, namespace: 'default' }).rows).toHaveLength(2)
  })

  it('keeps the newest rows up to the cap and reports the total', () => {
    const many = Array.from({ length: 10 }, (_, i) => row(i))
    const r = filterEvents(many, { text: '', warningsOnly: false, namespace: '' }, 3)
    expect(r.total).toBe(10)
    expect(r.rows.map((x) => x.lastSeen)).toEqual([7, 8, 9])
  })

  it('lists namespaces once, sorted', () => {
    expect(eventNamespaces(rows)).toEqual(['default', 'kube-system'])
  })
})

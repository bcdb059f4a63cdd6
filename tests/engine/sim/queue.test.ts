import { describe, expect, it } from 'vitest'
import { newQueue, pop, push, peekAt, removeWhere, size } from '../../../src/engine/sim/queue'
import { nextRng, seedRng, randomString, ALPHANUMS } from '../../../src/engine/sim/rng'

describe('event queue', () => {
  it('orders by (at, priority, seq)', () => {
    const q = newQueue()
    push(q, 10, 8, { type: 'c' })
    push(q, 5, 8, { type: 'a' })
    push(q, 10, 2, { type: 'b' })
    push(q, 10, 8, { type: 'd' })
    push(q, 0, 15, { type: 'first' })
    const order: string[] = []
    while (size(q)) order.push(pop(q)!.ev.type)
    expect(order).toEqual(['first', 'a', 'b', 'c', 'd'])
  })

  it('keeps FIFO order for equal keys across many events', () => {
    const q = newQueue()
    for (let i = 0; i < 1000; i++) push(q, (i * 7919) % 13, 4, { type: 'x', i })
    let last = { at: -1, i: -1 }
    while (size(q)) {
      const { at, ev } = pop(q)!
      const i = ev.i as number
      expect(at > last.at || (at === last.at && i > last.i)).toBe(true)
      last = { at, i }
    }
  })

  it('peeks the next time, removes by predicate and survives a JSON round trip', () => {
    const q = newQueue()
    push(q, 30, 8, { type: 'keep', n: 1 })
    push(q, 20, 8, { type: 'drop' })
    push(q, 40, 8, { type: 'keep', n: 2 })
    expect(peekAt(q)).toBe(20)
    expect(removeWhere(q, (e) => e.type === 'drop')).toBe(1)
    const copy = JSON.parse(JSON.stringify(q))
    expect(pop(copy)!.ev).toEqual({ type: 'keep', n: 1 })
    expect(pop(copy)!.at).toBe(40)
    expect(pop(copy)).toBeUndefined()
  })
})

describe('PRNG', () => {
  it('is a pure function of its state', () => {
    const s = seedRng(42)
    expect(nextRng(s)).toEqual(nextRng(s))
    expect(seedRng(1)).not.toBe(seedRng(2))
  })

  it('draws names from the Kubernetes alphabet', () => {
    const host = { rng: seedRng(7) }
    const name = randomString(host, 500)
    expect(name).toHaveLength(500)
    for (const ch of name) expect(ALPHANUMS).toContain(ch)
    const again = { rng: seedRng(7) }
    expect(randomString(again, 500)).toBe(name)
  })
})

import { describe, expect, it } from 'vitest'
import { initialState, Cluster } from '../../../src/engine/cluster'
import { DEFAULT_CONFIG } from '../../../src/engine/state'
import { allocatePodIP, releasePodIP } from '../../../src/engine/network/ipam'

describe('host-local IPAM', () => {
  it('hands out .2, .3 … and continues after the last one', () => {
    const c = new Cluster(initialState(DEFAULT_CONFIG))
    expect(allocatePodIP(c, 'w', '10.244.1.0/24', 'a')).toBe('10.244.1.2')
    expect(allocatePodIP(c, 'w', '10.244.1.0/24', 'b')).toBe('10.244.1.3')
    expect(allocatePodIP(c, 'w', '10.244.1.0/24', 'a')).toBe('10.244.1.2') // idempotent per pod
    releasePodIP(c, 'w', 'a')
    expect(allocatePodIP(c, 'w', '10.244.1.0/24', 'c')).toBe('10.244.1.4')
  })
  it('wraps around and reports exhaustion', () => {
    const c = new Cluster(initialState(DEFAULT_CONFIG))
    for (let i = 0; i < 253; i++) expect(allocatePodIP(c, 'w', '10.244.2.0/24', `p${i}`)).toBeDefined()
    expect(allocatePodIP(c, 'w', '10.244.2.0/24', 'extra')).toBeUndefined()
    releasePodIP(c, 'w', 'p10')
    expect(allocatePodIP(c, 'w', '10.244.2.0/24', 'extra')).toBe('10.244.2.12')
  })
  it('rejects a malformed CIDR', () => {
    const c = new Cluster(initialState(DEFAULT_CONFIG))
    expect(allocatePodIP(c, 'w', 'nonsense', 'a')).toBeUndefined()
  })
})

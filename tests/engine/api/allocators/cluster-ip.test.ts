import { describe, it, expect } from 'vitest'
import { allocateClusterIP, intToIp, ipToInt, parseCidr } from '../../../../src/engine/api/allocators/cluster-ip'
import { allocateNodePort } from '../../../../src/engine/api/allocators/node-port'
import { createCluster } from '../../../../src/engine/cluster'

describe('ClusterIP allocator', () => {
  it('parses addresses and ranges', () => {
    expect(ipToInt('10.96.0.1')).toBe(0x0a600001)
    expect(intToIp(0x0a600001)).toBe('10.96.0.1')
    expect(ipToInt('10.96.0.256')).toBeUndefined()
    expect(parseCidr('10.96.0.0/12')).toEqual({ cidr: '10.96.0.0/12', base: 0x0a600001, max: 2 ** 20 - 2 })
  })

  it('uses only the static band once the upper band is full (small range)', () => {
    const c = createCluster({ settle: false })
    const used = new Set<string>()
    // 10.0.0.0/27: 30 usable, static band 16 → dynamic picks 10.0.0.17-10.0.0.30 first.
    for (let i = 0; i < 14; i++) {
      const r = allocateClusterIP(c, used, undefined, '10.0.0.0/27')
      if (!r.ok) throw new Error(r.error)
      expect(ipToInt(r.ip)! - ipToInt('10.0.0.0')!).toBeGreaterThan(16)
      used.add(r.ip)
    }
    const low = allocateClusterIP(c, used, undefined, '10.0.0.0/27')
    expect(low.ok && ipToInt(low.ip)! - ipToInt('10.0.0.0')!).toBeLessThanOrEqual(16)
    for (let i = 1; i <= 30; i++) used.add(`10.0.0.${i}`)
    expect(allocateClusterIP(c, used, undefined, '10.0.0.0/27')).toEqual({ ok: false, error: 'range is full' })
  })

  it('rejects the network and broadcast addresses', () => {
    const c = createCluster({ settle: false })
    expect(allocateClusterIP(c, new Set(), '10.96.0.0').ok).toBe(false)
    expect(allocateClusterIP(c, new Set(), '10.111.255.255').ok).toBe(false)
    expect(allocateClusterIP(c, new Set(), '10.111.255.254')).toEqual({ ok: true, ip: '10.111.255.254' })
  })
})

describe('NodePort allocator', () => {
  it('prefers 30086-32767 and reports range errors', () => {
    const c = createCluster({ settle: false })
    for (let i = 0; i < 50; i++) {
      const r = allocateNodePort(c, new Set())
      expect(r.ok && r.port).toBeGreaterThanOrEqual(30086)
    }
    expect(allocateNodePort(c, new Set(), 32768)).toEqual({ ok: false, error: 'provided port is not in the valid range. The range of valid ports is 30000-32767' })
    expect(allocateNodePort(c, new Set([30000]), 30000)).toEqual({ ok: false, error: 'provided port is already allocated' })
  })
})

import { describe, it, expect } from 'vitest'
import { canonicalQuantity } from '../../../../src/engine/api/validation/quantity-format'
import { bareCluster, msg, pod } from './helpers'

describe('Quantity.String() canonical form', () => {
  it('canonicalizes decimal and binary quantities', () => {
    expect(canonicalQuantity('0.5')).toBe('500m')
    expect(canonicalQuantity('1000m')).toBe('1')
    expect(canonicalQuantity('2000')).toBe('2k')
    expect(canonicalQuantity('1500')).toBe('1500')
    expect(canonicalQuantity('1024Mi')).toBe('1Gi')
    expect(canonicalQuantity('1536Mi')).toBe('1536Mi')
    expect(canonicalQuantity('128974848')).toBe('128974848')
    expect(canonicalQuantity(2)).toBe('2')
    expect(canonicalQuantity('1e3')).toBe('1e3')
    expect(canonicalQuantity('-1')).toBe('-1')
  })

  it('is used in resource messages', () => {
    const c = bareCluster()
    const r = c.api.create(pod('x', { containers: [{ name: 'a', image: 'x', resources: { requests: { memory: '2048Mi' }, limits: { memory: '1Gi' } } }] }))
    expect(msg(r)).toBe('The Pod "x" is invalid: spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi')
  })
})

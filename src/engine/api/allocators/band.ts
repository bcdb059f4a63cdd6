// Offset-band random scan: dynamic allocations come from the upper part of a range, the lower
// "static" band is used only when the upper one is full, so that users can pick addresses there.
// k/k pkg/registry/core/service/allocator/utils.go (calculateRangeOffset, randomScanStrategyWithOffset);
// KEP-3070 (ClusterIP), KEP-3668 (NodePort).
import { randomInt, type RngHost } from '../../sim/rng'

/** ClusterIP static band: min(max(16, size/16), 256). */
export function ipRangeOffset(size: number): number {
  return Math.min(Math.max(16, Math.floor(size / 16)), 256)
}

/** NodePort static band: min(max(16, size/32), 128). */
export function portRangeOffset(size: number): number {
  return Math.min(Math.max(16, Math.floor(size / 32)), 128)
}

/** randomScanStrategyWithOffset.AllocateBit: index in [0, max) that is not used, or undefined when full. */
export function allocateIndex(host: RngHost, max: number, offset: number, used: Set<number>): number | undefined {
  if (used.size >= max) return undefined
  const upper = max - offset
  let start = randomInt(host, upper)
  for (let i = 0; i < upper; i++) {
    const at = offset + ((start + i) % upper)
    if (!used.has(at)) return at
  }
  if (offset === 0) return undefined
  start = randomInt(host, offset)
  for (let i = 0; i < offset; i++) {
    const at = (start + i) % offset
    if (!used.has(at)) return at
  }
  return undefined
}

// Score plugins of the default profile with their weights (k/k pkg/scheduler/apis/config/v1/
// default_plugins.go) and normalisation (pkg/scheduler/framework/plugins/helper/normalize_score.go).
import type { KObject } from '../../api/types'
import type { NodeInfo } from './node-info'
import type { Req } from './requests'
import { intolerablePreferNoSchedule, type Taint, type Toleration } from './taints'
import { preferredAffinityScore } from './node-affinity'
import { controllerOf } from '../util/pods'
import { interPodAffinityRaw, normalizeInterPod } from './inter-pod-affinity'
import { constraintsOf, topologySpreadUserScores } from './topology-spread'

export const MAX_NODE_SCORE = 100
export const WEIGHTS = { TaintToleration: 3, NodeAffinity: 2, PodTopologySpread: 2, InterPodAffinity: 2, NodeResourcesFit: 1, NodeResourcesBalancedAllocation: 1 }

function leastAllocatedOne(alloc: number, req: number): number {
  return alloc === 0 || req > alloc ? 0 : Math.floor(((alloc - req) * MAX_NODE_SCORE) / alloc)
}

/** NodeResourcesFit LeastAllocated (noderesources/least_allocated.go), cpu and memory weight 1. */
export function leastAllocatedScore(allocCpu: number, allocMem: number, reqCpu: number, reqMem: number): number {
  return Math.floor((leastAllocatedOne(allocCpu, reqCpu) + leastAllocatedOne(allocMem, reqMem)) / 2)
}

function fraction(alloc: number, req: number): number {
  return alloc === 0 ? 1 : Math.min(1, req / alloc)
}

/** NodeResourcesBalancedAllocation (noderesources/balanced_allocation.go), two resources. */
export function balancedAllocationScore(allocCpu: number, allocMem: number, reqCpu: number, reqMem: number): number {
  const std = Math.abs(fraction(allocCpu, reqCpu) - fraction(allocMem, reqMem)) / 2
  return Math.floor((1 - std) * MAX_NODE_SCORE)
}

/** DefaultNormalizeScore. */
export function normalize(scores: number[], reverse: boolean): number[] {
  let max = 0
  for (const s of scores) if (s > max) max = s
  const out = new Array<number>(scores.length)
  for (let i = 0; i < scores.length; i++) {
    if (max === 0) out[i] = reverse ? MAX_NODE_SCORE : 0
    else {
      const v = Math.floor((MAX_NODE_SCORE * scores[i]) / max)
      out[i] = reverse ? MAX_NODE_SCORE - v : v
    }
  }
  return out
}

/**
 * PodTopologySpread with the system default constraints (kubernetes.io/hostname maxSkew 3,
 * ScheduleAnyway) for pods that have a controller; "matching pods" are simplified to the pods of
 * the same controller. Raw score = count × log(#nodes + 2) + (maxSkew − 1), then reversed
 * (podtopologyspread/scoring.go Score, NormalizeScore).
 */
export function topologySpreadScores(pod: KObject, infos: NodeInfo[]): number[] {
  const owner = controllerOf(pod)
  const out = new Array<number>(infos.length).fill(0)
  if (!owner) return out
  const weight = Math.log(infos.length + 2)
  let min = Infinity
  let max = 0
  for (let i = 0; i < infos.length; i++) {
    const r = Math.round((infos[i].owners[owner.uid] ?? 0) * weight + (3 - 1))
    out[i] = r
    if (r < min) min = r
    if (r > max) max = r
  }
  for (let i = 0; i < out.length; i++) out[i] = max === 0 ? MAX_NODE_SCORE : Math.floor((MAX_NODE_SCORE * (max + min - out[i])) / max)
  return out
}

export interface NodeScore { name: string; total: number; parts: { NodeResourcesFit: number; NodeResourcesBalancedAllocation: number; TaintToleration: number; NodeAffinity: number; PodTopologySpread: number; InterPodAffinity: number } }

/** Raw TaintToleration and NodeAffinity scores: functions of the pod's constraints and the node only. */
export interface StaticScores { taint: number[]; aff: number[] }

export function staticScores(pod: KObject, infos: NodeInfo[]): StaticScores {
  const tolerations = pod.spec?.tolerations as Toleration[] | undefined
  const taint = new Array<number>(infos.length)
  const aff = new Array<number>(infos.length)
  for (let k = 0; k < infos.length; k++) {
    taint[k] = intolerablePreferNoSchedule(infos[k].node.spec?.taints as Taint[] | undefined, tolerations)
    aff[k] = preferredAffinityScore(pod, infos[k].node)
  }
  return { taint, aff }
}

/** Scores the feasible nodes for a pod. `nz` is the pod's non-zero request, `req` its actual one; `all` every node (inter-pod affinity domains). */
export function scoreNodes(pod: KObject, req: Req, nz: Req, infos: NodeInfo[], all: NodeInfo[] = infos, raw?: StaticScores): NodeScore[] {
  const n = infos.length
  const { taint: taintRaw, aff: affRaw } = raw ?? staticScores(pod, infos)
  const taint = normalize(taintRaw, true)
  const aff = normalize(affRaw, false)
  // Explicit constraints replace the system defaults (podtopologyspread/common.go).
  const spread = constraintsOf(pod).length ? (topologySpreadUserScores(pod, infos, all) ?? infos.map(() => 0)) : topologySpreadScores(pod, infos)
  const ipaRaw = interPodAffinityRaw(pod, infos, all)
  const ipa = ipaRaw ? normalizeInterPod(ipaRaw) : undefined
  const out: NodeScore[] = new Array(n)
  for (let k = 0; k < n; k++) {
    const i = infos[k]
    const parts = {
      NodeResourcesFit: leastAllocatedScore(i.allocCpu, i.allocMem, i.nzCpu + nz.cpu, i.nzMem + nz.mem),
      NodeResourcesBalancedAllocation: balancedAllocationScore(i.allocCpu, i.allocMem, i.reqCpu + req.cpu, i.reqMem + req.mem),
      TaintToleration: taint[k],
      NodeAffinity: aff[k],
      PodTopologySpread: spread[k],
      InterPodAffinity: ipa ? ipa[k] : 0,
    }
    const total = parts.NodeResourcesFit * WEIGHTS.NodeResourcesFit + parts.NodeResourcesBalancedAllocation * WEIGHTS.NodeResourcesBalancedAllocation +
      parts.TaintToleration * WEIGHTS.TaintToleration + parts.NodeAffinity * WEIGHTS.NodeAffinity + parts.PodTopologySpread * WEIGHTS.PodTopologySpread + parts.InterPodAffinity * WEIGHTS.InterPodAffinity
    out[k] = { name: i.name, total, parts }
  }
  return out
}

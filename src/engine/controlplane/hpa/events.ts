// The HPA controller's event recorder (source component "horizontal-pod-autoscaler").
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { recordEvent } from '../../api/events'
import { HPA_CONTROLLER } from './constants'

export function hpaEvent(c: Cluster, hpa: KObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
  recordEvent(c, { component: HPA_CONTROLLER }, hpa, type, reason, message)
}

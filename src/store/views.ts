// Read-only view helpers the UI needs from the kubectl layer (the UI may import only the store):
// the STATUS column as kubectl computes it, and kubectl's human durations.
export { podStatusSummary, type PodStatusSummary } from '../kubectl/printers/pod-status'
export { humanDuration } from '../kubectl/printers/duration'
export { rfc3339 as clockAt, simTimeOf } from '../engine/sim/time'

// kube-controller-manager defaults for the HPA controller
// (k/k pkg/controller/podautoscaler/config/v1alpha1/defaults.go) and horizontal.go's constants.

export const HPA_CONTROLLER = 'horizontal-pod-autoscaler'
/** --horizontal-pod-autoscaler-sync-period */
export const SYNC_PERIOD_MS = 15_000
/** --horizontal-pod-autoscaler-tolerance */
export const TOLERANCE = 0.1
/** --horizontal-pod-autoscaler-downscale-stabilization */
export const DOWNSCALE_STABILIZATION_MS = 300_000
/** --horizontal-pod-autoscaler-cpu-initialization-period */
export const CPU_INITIALIZATION_PERIOD_MS = 300_000
/** --horizontal-pod-autoscaler-initial-readiness-delay */
export const INITIAL_READINESS_DELAY_MS = 30_000
/** scaleUpLimitFactor and scaleUpLimitMinimum (horizontal.go): the scale-up limit without behavior. */
export const SCALE_UP_LIMIT_FACTOR = 2.0
export const SCALE_UP_LIMIT_MINIMUM = 4.0

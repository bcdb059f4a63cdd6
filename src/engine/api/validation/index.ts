// Registers defaulting, admission and validation for every stored kind (see wiring.ts).
import { registerAdmitter } from '../admission'
import { STORED } from '../resources'
import { fail, ok, type KObject } from '../types'
import { makeAdmitter, type KindHandlers } from './pipeline'
import { invalid, required } from './errors'
import { isDNS1035Label, isDNS1123Label } from './names'
import { defaultContainer, defaultPod } from '../defaults/pod'
import { admitDefaultTolerationSeconds, admitPriority, admitServiceAccount } from '../defaults/pod-admission'
import { podQOS } from '../defaults/qos'
import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultHpa, defaultJob, defaultReplicaSet, defaultReplicationController, defaultStatefulSet } from '../defaults/workloads'
import { defaultService } from '../defaults/service'
import { defaultEndpointSlice, defaultEndpoints, defaultNamespace, defaultPv, defaultPvc, defaultSecret } from '../defaults/misc'
import { validateEphemeralContainersUpdate, validatePodCreate, validatePodUpdate } from './pod'
import {
  generateJobSelector,
  validateCronJob,
  validateDaemonSet,
  validateDeployment,
  validateJob,
  validateJobUpdate,
  validateReplicaSet,
  validateReplicationController,
  validateSelectorImmutable,
  validateStatefulSet,
  validateStatefulSetUpdate,
} from './workloads'
import { validateHpa } from './hpa'
import { allocateService, prepareServiceUpdate, validateService, validateServiceUpdate } from './service'
import { validateConfigMap, validateImmutableData, validatePv, validatePvc, validatePvcUpdate, validateSecret, validateSecretUpdate } from './misc'

export const KIND_HANDLERS: Record<string, KindHandlers> = {
  pods: {
    defaults: (_c, obj) => defaultPod(obj),
    admitCreate(c, pod) {
      admitServiceAccount(c, pod)
      admitDefaultTolerationSeconds(pod)
      const denied = admitPriority(pod)
      if (denied) return { code: 403, reason: 'Forbidden', message: `pods "${pod.metadata.name}" is forbidden: ${denied}`, details: { name: pod.metadata.name, kind: 'pods' } }
      // PrepareForCreate (pkg/registry/core/pod/strategy.go): fresh status with the QoS class.
      pod.status = { phase: 'Pending', qosClass: podQOS(pod.spec) }
    },
    validate: (_c, pod, op) => (op === 'CREATE' ? validatePodCreate(pod) : []),
    validateUpdate: (pod, old) => validatePodUpdate(pod, old),
    subresource(_c, sub, pod, old) {
      if (sub !== 'ephemeralcontainers') return ok(pod)
      for (const ct of pod.spec?.ephemeralContainers ?? []) defaultContainer(ct)
      const errs = validateEphemeralContainersUpdate(pod, old)
      return errs.length ? fail(invalid('Pod', pod.metadata.name, errs)) : ok(pod)
    },
  },
  deployments: {
    defaults: (_c, d) => defaultDeployment(d),
    validate: (_c, d) => validateDeployment(d),
    validateUpdate: validateSelectorImmutable,
  },
  replicasets: {
    defaults: (_c, rs) => defaultReplicaSet(rs),
    validate: (_c, rs) => validateReplicaSet(rs),
    validateUpdate: validateSelectorImmutable,
  },
  daemonsets: {
    defaults: (_c, ds) => defaultDaemonSet(ds),
    validate: (_c, ds) => validateDaemonSet(ds),
    validateUpdate: validateSelectorImmutable,
  },
  statefulsets: {
    defaults: (_c, s) => defaultStatefulSet(s),
    validate: (_c, s) => validateStatefulSet(s),
    validateUpdate: (s, old) => [...validateSelectorImmutable(s, old), ...validateStatefulSetUpdate(s, old)],
  },
  replicationcontrollers: {
    defaults: (_c, rc) => defaultReplicationController(rc),
    validate: (_c, rc) => validateReplicationController(rc),
  },
  jobs: {
    defaults: (_c, j) => defaultJob(j),
    admitCreate(_c, job) {
      generateJobSelector(job)
      const labels = job.spec.template?.metadata?.labels
      if (labels && !Object.keys(job.metadata.labels ?? {}).length) job.metadata.labels = { ...labels }
    },
    validate: (_c, j) => validateJob(j),
    validateUpdate: validateJobUpdate,
  },
  cronjobs: {
    defaults: (_c, cj) => defaultCronJob(cj),
    validate: (_c, cj) => validateCronJob(cj),
  },
  horizontalpodautoscalers: {
    defaults: (_c, h) => defaultHpa(h),
    validate: (_c, h) => validateHpa(h),
  },
  services: {
    nameFn: isDNS1035Label,
    defaults(_c, svc, op, old) {
      if (op === 'UPDATE' && old) prepareServiceUpdate(svc, old)
      defaultService(svc)
    },
    admitCreate(_c, svc) {
      svc.status = { loadBalancer: {} }
    },
    validate: (_c, svc) => validateService(svc),
    validateUpdate: validateServiceUpdate,
    allocate: (c, svc, old) => allocateService(c, svc, old),
  },
  namespaces: {
    nameFn: isDNS1123Label,
    defaults: (_c, ns, op) => defaultNamespace(ns, op === 'CREATE'),
  },
  configmaps: {
    validate: (_c, cm) => validateConfigMap(cm),
    validateUpdate: validateImmutableData,
  },
  secrets: {
    defaults: (_c, s) => defaultSecret(s),
    validate: (_c, s) => validateSecret(s),
    validateUpdate: validateSecretUpdate,
  },
  serviceaccounts: {},
  endpoints: { defaults: (_c, ep) => defaultEndpoints(ep) },
  endpointslices: {
    defaults: (_c, es) => defaultEndpointSlice(es),
    validate: (_c, es) => (es.addressType ? [] : [required('addressType')]),
  },
  persistentvolumeclaims: {
    defaults: (_c, pvc, op) => defaultPvc(pvc, op === 'CREATE'),
    validate: (_c, pvc) => validatePvc(pvc),
    validateUpdate: validatePvcUpdate,
  },
  persistentvolumes: {
    defaults: (_c, pv, op) => defaultPv(pv, op === 'CREATE'),
    validate: (_c, pv) => validatePv(pv),
  },
}

/**
 * PrepareForCreate of the workload strategies resets the status to its empty value (as the
 * API serializes it: non-omitempty fields included). k/k pkg/registry/{apps,batch,autoscaling,core}/…/strategy.go.
 */
const EMPTY_STATUS: Record<string, () => Record<string, unknown>> = {
  deployments: () => ({}),
  replicasets: () => ({ replicas: 0 }),
  replicationcontrollers: () => ({ replicas: 0 }),
  daemonsets: () => ({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }),
  statefulsets: () => ({ replicas: 0, availableReplicas: 0 }),
  jobs: () => ({}),
  cronjobs: () => ({}),
  horizontalpodautoscalers: () => ({ currentMetrics: null, desiredReplicas: 0 }),
}
for (const [plural, empty] of Object.entries(EMPTY_STATUS)) {
  const h = (KIND_HANDLERS[plural] ??= {})
  const prev = h.admitCreate
  h.admitCreate = (c, obj) => {
    const denied = prev?.(c, obj)
    if (denied) return denied
    obj.status = empty()
  }
}

for (const plural of Object.keys(STORED)) registerAdmitter(plural, makeAdmitter(KIND_HANDLERS[plural] ?? {}))

export type { KObject }

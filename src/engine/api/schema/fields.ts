// Known JSON field names of the API types (k8s.io/api v1.30 core/apps/batch/autoscaling), enough
// for strict decoding (`unknown field "…"`). `true` = leaf or free-form map (not descended into),
// an object = a struct, `[x]` = a list of x, a string = a named type below, a string starting
// with '#' = a typed leaf checked like encoding/json would ('#int32', '#string', '#[]string',
// '#bool', '#map[string]string'). `$go` names the Go struct for type error messages.

export type FieldSchema = true | string | StructSchema | [FieldSchema]
export interface StructSchema {
  [field: string]: FieldSchema
}

const L = true as const

const keyToPath: StructSchema = { key: L, path: L, mode: L }
const objectFieldSelector: StructSchema = { apiVersion: L, fieldPath: L }
const resourceFieldSelector: StructSchema = { containerName: L, resource: L, divisor: L }
const localRef: StructSchema = { name: L }
const httpGet: StructSchema = { path: L, port: L, host: L, scheme: L, httpHeaders: [{ name: L, value: L }] }
const exec: StructSchema = { command: L }
const tcpSocket: StructSchema = { port: L, host: L }
const seLinuxOptions: StructSchema = { user: L, role: L, type: L, level: L }
const windowsOptions: StructSchema = { gmsaCredentialSpecName: L, gmsaCredentialSpec: L, runAsUserName: L, hostProcess: L }
const profile: StructSchema = { type: L, localhostProfile: L }
const nodeSelectorRequirement: StructSchema = { key: L, operator: L, values: L }
const nodeSelectorTerm: StructSchema = { matchExpressions: [nodeSelectorRequirement], matchFields: [nodeSelectorRequirement] }
const typedLocalRef: StructSchema = { apiGroup: L, kind: L, name: L }

const containerFields: StructSchema = {
  $go: 'Container',
  name: '#string',
  image: '#string',
  command: '#[]string',
  args: '#[]string',
  workingDir: L,
  ports: [{ $go: 'ContainerPort', name: '#string', hostPort: '#int32', containerPort: '#int32', protocol: '#string', hostIP: '#string' }],
  envFrom: [{ prefix: L, configMapRef: { name: L, optional: L }, secretRef: { name: L, optional: L } }],
  env: [
    {
      $go: 'EnvVar',
      name: '#string',
      value: '#string',
      valueFrom: {
        fieldRef: objectFieldSelector,
        resourceFieldRef: resourceFieldSelector,
        configMapKeyRef: { name: L, key: L, optional: L },
        secretKeyRef: { name: L, key: L, optional: L },
      },
    },
  ],
  resources: { limits: L, requests: L, claims: [{ name: L }] },
  resizePolicy: [{ resourceName: L, restartPolicy: L }],
  restartPolicy: L,
  volumeMounts: [{ name: L, readOnly: L, recursiveReadOnly: L, mountPath: L, subPath: L, mountPropagation: L, subPathExpr: L }],
  volumeDevices: [{ name: L, devicePath: L }],
  livenessProbe: 'Probe',
  readinessProbe: 'Probe',
  startupProbe: 'Probe',
  lifecycle: { postStart: 'LifecycleHandler', preStop: 'LifecycleHandler' },
  terminationMessagePath: L,
  terminationMessagePolicy: L,
  imagePullPolicy: L,
  securityContext: {
    capabilities: { add: L, drop: L },
    privileged: L,
    seLinuxOptions,
    windowsOptions,
    runAsUser: L,
    runAsGroup: L,
    runAsNonRoot: L,
    readOnlyRootFilesystem: L,
    allowPrivilegeEscalation: L,
    procMount: L,
    seccompProfile: profile,
    appArmorProfile: profile,
  },
  stdin: L,
  stdinOnce: L,
  tty: L,
}

const pvcSpec: StructSchema = {
  accessModes: L,
  selector: 'LabelSelector',
  resources: { limits: L, requests: L },
  volumeName: L,
  storageClassName: L,
  volumeMode: L,
  dataSource: typedLocalRef,
  dataSourceRef: { ...typedLocalRef, namespace: L },
  volumeAttributesClassName: L,
}

const volumeSources: StructSchema = {
  hostPath: { path: L, type: L },
  emptyDir: { medium: L, sizeLimit: L },
  secret: { secretName: L, items: [keyToPath], defaultMode: L, optional: L },
  configMap: { name: L, items: [keyToPath], defaultMode: L, optional: L },
  persistentVolumeClaim: { claimName: L, readOnly: L },
  downwardAPI: { items: [{ path: L, fieldRef: objectFieldSelector, resourceFieldRef: resourceFieldSelector, mode: L }], defaultMode: L },
  projected: {
    sources: [
      {
        secret: { name: L, items: [keyToPath], optional: L },
        configMap: { name: L, items: [keyToPath], optional: L },
        downwardAPI: { items: [{ path: L, fieldRef: objectFieldSelector, resourceFieldRef: resourceFieldSelector, mode: L }] },
        serviceAccountToken: { audience: L, expirationSeconds: L, path: L },
        clusterTrustBundle: L,
      },
    ],
    defaultMode: L,
  },
  nfs: { server: L, path: L, readOnly: L },
  csi: { driver: L, readOnly: L, fsType: L, volumeAttributes: L, nodePublishSecretRef: localRef },
  ephemeral: { volumeClaimTemplate: { metadata: 'ObjectMeta', spec: pvcSpec } },
  // Cloud and legacy volume plugins: accepted, not descended into.
  gcePersistentDisk: L,
  awsElasticBlockStore: L,
  gitRepo: L,
  iscsi: L,
  glusterfs: L,
  rbd: L,
  flexVolume: L,
  cinder: L,
  cephfs: L,
  flocker: L,
  fc: L,
  azureFile: L,
  azureDisk: L,
  vsphereVolume: L,
  quobyte: L,
  photonPersistentDisk: L,
  portworxVolume: L,
  scaleIO: L,
  storageos: L,
  image: { reference: L, pullPolicy: L },
}

const podAffinityTerm: StructSchema = { labelSelector: 'LabelSelector', namespaces: L, topologyKey: L, namespaceSelector: 'LabelSelector', matchLabelKeys: L, mismatchLabelKeys: L }
const podAffinity: StructSchema = {
  requiredDuringSchedulingIgnoredDuringExecution: [podAffinityTerm],
  preferredDuringSchedulingIgnoredDuringExecution: [{ weight: L, podAffinityTerm }],
}

const jobSpec: StructSchema = {
  parallelism: L,
  completions: L,
  activeDeadlineSeconds: L,
  podFailurePolicy: L,
  successPolicy: L,
  backoffLimit: L,
  backoffLimitPerIndex: L,
  maxFailedIndexes: L,
  selector: 'LabelSelector',
  manualSelector: L,
  template: 'PodTemplateSpec',
  ttlSecondsAfterFinished: L,
  completionMode: L,
  suspend: L,
  podReplacementPolicy: L,
  managedBy: L,
}

const metricTarget: StructSchema = { type: L, value: L, averageValue: L, averageUtilization: L }
const metricIdentifier: StructSchema = { name: L, selector: 'LabelSelector' }
const crossVersionRef: StructSchema = { kind: L, name: L, apiVersion: L }

/** Named types, referenced by string. */
export const TYPES: Record<string, StructSchema> = {
  ObjectMeta: {
    $go: 'ObjectMeta',
    name: '#string',
    generateName: '#string',
    namespace: '#string',
    selfLink: L,
    uid: L,
    resourceVersion: L,
    generation: L,
    creationTimestamp: L,
    deletionTimestamp: L,
    deletionGracePeriodSeconds: L,
    labels: '#map[string]string',
    annotations: '#map[string]string',
    ownerReferences: [{ apiVersion: L, kind: L, name: L, uid: L, controller: L, blockOwnerDeletion: L }],
    finalizers: L,
    managedFields: L,
  },
  LabelSelector: { $go: 'LabelSelector', matchLabels: '#map[string]string', matchExpressions: [{ key: L, operator: L, values: L }] },
  Probe: {
    $go: 'Probe',
    exec,
    httpGet,
    tcpSocket,
    grpc: { port: L, service: L },
    initialDelaySeconds: '#int32',
    timeoutSeconds: '#int32',
    periodSeconds: '#int32',
    successThreshold: '#int32',
    failureThreshold: '#int32',
    terminationGracePeriodSeconds: '#int64',
  },
  LifecycleHandler: { exec, httpGet, tcpSocket, sleep: { seconds: L } },
  Container: containerFields,
  EphemeralContainer: { ...containerFields, targetContainerName: L },
  Volume: { name: L, ...volumeSources },
  PodSpec: {
    $go: 'PodSpec',
    volumes: ['Volume'],
    initContainers: ['Container'],
    containers: ['Container'],
    ephemeralContainers: ['EphemeralContainer'],
    restartPolicy: '#string',
    terminationGracePeriodSeconds: '#int64',
    activeDeadlineSeconds: '#int64',
    dnsPolicy: '#string',
    nodeSelector: '#map[string]string',
    serviceAccountName: L,
    serviceAccount: L,
    automountServiceAccountToken: L,
    nodeName: L,
    hostNetwork: L,
    hostPID: L,
    hostIPC: L,
    shareProcessNamespace: L,
    securityContext: {
      seLinuxOptions,
      windowsOptions,
      runAsUser: L,
      runAsGroup: L,
      runAsNonRoot: L,
      supplementalGroups: L,
      supplementalGroupsPolicy: L,
      fsGroup: L,
      sysctls: [{ name: L, value: L }],
      fsGroupChangePolicy: L,
      seccompProfile: profile,
      appArmorProfile: profile,
    },
    imagePullSecrets: [localRef],
    hostname: L,
    subdomain: L,
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [nodeSelectorTerm] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: L, preference: nodeSelectorTerm }],
      },
      podAffinity,
      podAntiAffinity: podAffinity,
    },
    schedulerName: L,
    tolerations: [{ key: L, operator: L, value: L, effect: L, tolerationSeconds: L }],
    hostAliases: [{ ip: L, hostnames: L }],
    priorityClassName: L,
    priority: L,
    dnsConfig: { nameservers: L, searches: L, options: [{ name: L, value: L }] },
    readinessGates: [{ conditionType: L }],
    runtimeClassName: L,
    enableServiceLinks: L,
    preemptionPolicy: L,
    overhead: L,
    topologySpreadConstraints: [
      { maxSkew: L, topologyKey: L, whenUnsatisfiable: L, labelSelector: 'LabelSelector', minDomains: L, nodeAffinityPolicy: L, nodeTaintsPolicy: L, matchLabelKeys: L },
    ],
    setHostnameAsFQDN: L,
    os: { name: L },
    hostUsers: L,
    schedulingGates: [{ name: L }],
    resourceClaims: [{ name: L, source: { resourceClaimName: L, resourceClaimTemplateName: L } }],
  },
  PodTemplateSpec: { metadata: 'ObjectMeta', spec: 'PodSpec' },
  JobSpec: jobSpec,
  PersistentVolumeClaimSpec: pvcSpec,
}

const top = (extra: StructSchema): StructSchema => ({ apiVersion: L, kind: L, metadata: 'ObjectMeta', status: L, ...extra })

/** Top-level schema per Kind. Kinds absent here are not checked. */
export const KIND_SCHEMAS: Record<string, StructSchema> = {
  Pod: top({ spec: 'PodSpec' }),
  Deployment: top({
    spec: {
      $go: 'DeploymentSpec',
      replicas: '#int32',
      selector: 'LabelSelector',
      template: 'PodTemplateSpec',
      strategy: { type: L, rollingUpdate: { maxUnavailable: L, maxSurge: L } },
      minReadySeconds: L,
      revisionHistoryLimit: L,
      paused: L,
      progressDeadlineSeconds: L,
    },
  }),
  ReplicaSet: top({ spec: { $go: 'ReplicaSetSpec', replicas: '#int32', minReadySeconds: L, selector: 'LabelSelector', template: 'PodTemplateSpec' } }),
  ReplicationController: top({ spec: { replicas: L, minReadySeconds: L, selector: L, template: 'PodTemplateSpec' } }),
  DaemonSet: top({
    spec: {
      selector: 'LabelSelector',
      template: 'PodTemplateSpec',
      updateStrategy: { type: L, rollingUpdate: { maxUnavailable: L, maxSurge: L } },
      minReadySeconds: L,
      revisionHistoryLimit: L,
    },
  }),
  StatefulSet: top({
    spec: {
      $go: 'StatefulSetSpec',
      replicas: '#int32',
      selector: 'LabelSelector',
      template: 'PodTemplateSpec',
      volumeClaimTemplates: [{ apiVersion: L, kind: L, metadata: 'ObjectMeta', spec: 'PersistentVolumeClaimSpec', status: L }],
      serviceName: L,
      podManagementPolicy: L,
      updateStrategy: { type: L, rollingUpdate: { partition: L, maxUnavailable: L } },
      revisionHistoryLimit: L,
      minReadySeconds: L,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: L, whenScaled: L },
      ordinals: { start: L },
    },
  }),
  Job: top({ spec: 'JobSpec' }),
  CronJob: top({
    spec: {
      schedule: L,
      timeZone: L,
      startingDeadlineSeconds: L,
      concurrencyPolicy: L,
      suspend: L,
      jobTemplate: { metadata: 'ObjectMeta', spec: 'JobSpec' },
      successfulJobsHistoryLimit: L,
      failedJobsHistoryLimit: L,
    },
  }),
  Service: top({
    spec: {
      $go: 'ServiceSpec',
      ports: [{ $go: 'ServicePort', name: '#string', protocol: '#string', appProtocol: '#string', port: '#int32', targetPort: L, nodePort: '#int32' }],
      selector: '#map[string]string',
      clusterIP: L,
      clusterIPs: L,
      type: L,
      externalIPs: L,
      sessionAffinity: L,
      loadBalancerIP: L,
      loadBalancerSourceRanges: L,
      externalName: L,
      externalTrafficPolicy: L,
      healthCheckNodePort: L,
      publishNotReadyAddresses: L,
      sessionAffinityConfig: { clientIP: { timeoutSeconds: L } },
      ipFamilies: L,
      ipFamilyPolicy: L,
      allocateLoadBalancerNodePorts: L,
      loadBalancerClass: L,
      internalTrafficPolicy: L,
      trafficDistribution: L,
    },
  }),
  Namespace: top({ spec: { finalizers: L } }),
  ConfigMap: top({ $go: 'ConfigMap', data: '#map[string]string', binaryData: L, immutable: L }),
  Secret: top({ $go: 'Secret', data: L, stringData: '#map[string]string', type: L, immutable: L }),
  ServiceAccount: top({ secrets: L, imagePullSecrets: [localRef], automountServiceAccountToken: L }),
  // Stored as autoscaling/v2; autoscaling/v1 manifests (targetCPUUtilizationPercentage) are converted.
  HorizontalPodAutoscaler: top({
    spec: {
      scaleTargetRef: crossVersionRef,
      minReplicas: L,
      maxReplicas: L,
      targetCPUUtilizationPercentage: L,
      metrics: [
        {
          type: L,
          resource: { name: L, target: metricTarget },
          containerResource: { name: L, container: L, target: metricTarget },
          pods: { metric: metricIdentifier, target: metricTarget },
          object: { describedObject: crossVersionRef, metric: metricIdentifier, target: metricTarget },
          external: { metric: metricIdentifier, target: metricTarget },
        },
      ],
      behavior: {
        scaleUp: { stabilizationWindowSeconds: L, selectPolicy: L, policies: [{ type: L, value: L, periodSeconds: L }] },
        scaleDown: { stabilizationWindowSeconds: L, selectPolicy: L, policies: [{ type: L, value: L, periodSeconds: L }] },
      },
    },
  }),
  PersistentVolumeClaim: top({ spec: 'PersistentVolumeClaimSpec' }),
  PersistentVolume: top({
    spec: {
      capacity: L,
      accessModes: L,
      claimRef: L,
      persistentVolumeReclaimPolicy: L,
      storageClassName: L,
      mountOptions: L,
      volumeMode: L,
      nodeAffinity: { required: { nodeSelectorTerms: [nodeSelectorTerm] } },
      volumeAttributesClassName: L,
      local: { path: L, fsType: L },
      ...volumeSources,
    },
  }),
}

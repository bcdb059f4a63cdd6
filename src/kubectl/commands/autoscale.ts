// kubectl autoscale (k8s.io/kubectl pkg/cmd/autoscale/autoscale.go, v1.30): an autoscaling/v1
// HorizontalPodAutoscaler for each Deployment, ReplicaSet, ReplicationController or StatefulSet;
// --min only when > 0, --cpu-percent only when given (the API defaults it to 80%).
import type { KObject } from '../../engine'
import { F, fail, int, str, type Command } from '../command'
import { createGenerated } from '../write'
import { targets } from './scale'

const AUTOSCALABLE = ['deployments', 'replicasets', 'replicationcontrollers', 'statefulsets']

export const autoscale: Command = {
  name: 'autoscale',
  flags: [F.filename, F.output, F.dryRun, F.fieldManager, { name: 'min', type: 'int' }, { name: 'max', type: 'int' },
    { name: 'cpu-percent', type: 'int' }, { name: 'name', type: 'string' }],
  run(ctx) {
    const max = int(ctx, 'max') ?? -1
    const min = int(ctx, 'min') ?? -1
    const cpu = int(ctx, 'cpu-percent') ?? -1
    if (max < 1) return fail(ctx, `--max=MAXPODS is required and must be at least 1, max: ${max}`)
    if (max < min) return fail(ctx, `--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`)
    const groups = targets(ctx)
    if (typeof groups === 'number') return groups
    let status = 0
    for (const g of groups) {
      for (const obj of g.objs) {
        if (!AUTOSCALABLE.includes(g.info.plural)) {
          status = fail(ctx, `cannot autoscale a ${obj.kind}: deployments.apps, replicasets.apps, replicationcontrollers, statefulsets.apps are the only resources that can be autoscaled`)
          continue
        }
        // createHorizontalPodAutoscaler (autoscaling/v1).
        const spec: Record<string, unknown> = {
          maxReplicas: max,
          scaleTargetRef: { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name },
        }
        if (min > 0) spec.minReplicas = min
        if (cpu >= 0) spec.targetCPUUtilizationPercentage = cpu
        const hpa = {
          apiVersion: 'autoscaling/v1',
          kind: 'HorizontalPodAutoscaler',
          metadata: { creationTimestamp: null, name: str(ctx, 'name') ?? obj.metadata.name } as unknown as KObject['metadata'],
          spec,
          status: { currentReplicas: 0, desiredReplicas: 0 },
        }
        const code = createGenerated(ctx, hpa, 'autoscaled')
        if (code) status = code
      }
    }
    return status
  },
}

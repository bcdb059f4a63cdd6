// kubectl top node|pod against the simulated Metrics API, and kubectl autoscale's object.
import { describe, expect, it } from 'vitest'
import { cluster, k, squash } from '../helpers'

describe('kubectl top', () => {
  it('nodes and pods of a settled cluster', async () => {
    const c = await cluster()
    const nodes = squash((await k(c, 'top nodes')).out).split('\n')
    expect(nodes[0]).toBe('NAME CPU(cores) CPU% MEMORY(bytes) MEMORY%')
    expect(nodes.slice(1).map((l) => l.split(' ')[0])).toEqual(['control-plane', 'worker-1', 'worker-2'])
    expect(nodes[1]).toMatch(/^control-plane \d+m \d+% \d+Mi \d+%$/)
    const pods = squash((await k(c, 'top pods -n kube-system --sort-by=cpu')).out).split('\n')
    expect(pods[0]).toBe('NAME CPU(cores) MEMORY(bytes)')
    expect(pods[1]).toMatch(/^kube-apiserver-control-plane \d+m \d+Mi$/)
    expect((await k(c, 'top pods --sort-by=name')).err).toBe('error: --sort-by accepts only cpu or memory\n')
  })

  it('"No resources found", then "metrics not available yet" for new pods, then their usage', async () => {
    const c = await cluster()
    expect(await k(c, 'top pods')).toEqual({ code: 0, out: '', err: 'No resources found in default namespace.\n' })
    await k(c, 'run web --image=nginx:1.25')
    c.advance(3000)
    expect(await k(c, 'top pods')).toEqual({ code: 1, out: '', err: 'error: metrics not available yet\n' })
    expect((await k(c, 'top pod web')).err).toBe('Error from server (NotFound): podmetrics.metrics.k8s.io "default/web" not found\n')
    c.advance(40_000)
    expect(squash((await k(c, 'top pods')).out)).toBe('NAME CPU(cores) MEMORY(bytes)\nweb 0m 3Mi')
  })

  it('a pod older than 2 minutes without metrics is an error of its own', async () => {
    const c = await cluster()
    await k(c, 'run stuck --image=nginx:1.255')
    c.advance(150_000)
    expect((await k(c, 'top pods')).err).toMatch(/^error: Metrics not available for pod default\/stuck, age: 2m3\d(\.\d+)?s\n$/)
  })

  it('"Metrics API not available" while metrics-server is not running', async () => {
    const c = await cluster()
    await k(c, 'scale deployment metrics-server -n kube-system --replicas=0')
    c.advance(40_000)
    expect(await k(c, 'top pods')).toEqual({ code: 1, out: '', err: 'error: Metrics API not available\n' })
    expect(await k(c, 'top nodes')).toEqual({ code: 1, out: '', err: 'error: Metrics API not available\n' })
  })

  it('bare `kubectl top` prints its help', async () => {
    const c = await cluster()
    const r = await k(c, 'top')
    expect(r.code).toBe(0)
    expect(r.out).toContain('Available Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n')
  })
})

describe('kubectl autoscale', () => {
  it('generates an autoscaling/v1 object (kubectl 1.30), stored as v2', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.25')
    const dry = await k(c, 'autoscale deployment web --max=5 --cpu-percent=50 --dry-run=client -o yaml')
    expect(dry.out).toBe([
      'apiVersion: autoscaling/v1', 'kind: HorizontalPodAutoscaler', 'metadata:', '  creationTimestamp: null', '  name: web', 'spec:', '  maxReplicas: 5',
      '  scaleTargetRef:', '    apiVersion: apps/v1', '    kind: Deployment', '    name: web', '  targetCPUUtilizationPercentage: 50', 'status:', '  currentReplicas: 0', '  desiredReplicas: 0', '',
    ].join('\n'))
    expect((await k(c, 'autoscale deployment web --max=5 --min=0 --name=h')).out).toBe('horizontalpodautoscaler.autoscaling/h autoscaled\n')
    const h = c.api.get('horizontalpodautoscalers', 'default', 'h')!
    expect(h.apiVersion).toBe('autoscaling/v2')
    expect(h.spec).toMatchObject({ minReplicas: 1, maxReplicas: 5, metrics: [{ resource: { target: { averageUtilization: 80 } } }] })
    expect((await k(c, 'autoscale deployment web --max=5 --min=6')).err).toBe('error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 5, min: 6\n')
    expect((await k(c, 'autoscale deployment web --max=3 --cpu-percent=0 --name=z')).err).toBe('The HorizontalPodAutoscaler "z" is invalid: spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0\n')
  })

  it('get and describe show the controller status (golden 05 shape)', async () => {
    const c = await cluster()
    const labels = { app: 'web' }
    c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', resources: { requests: { cpu: '10m' } } }] } } } } as never)
    await k(c, 'autoscale deployment web --cpu-percent=10 --min=1 --max=10')
    c.advance(5000)
    expect(squash((await k(c, 'get hpa web')).out)).toBe('NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE\nweb Deployment/web cpu: <unknown>/10% 1 10 0 5s')
    c.advance(90_000)
    expect(squash((await k(c, 'get hpa web')).out).split('\n')[1]).toBe('web Deployment/web cpu: 0%/10% 1 10 2 95s')
    const d = squash((await k(c, 'describe hpa web')).out)
    expect(d).toContain('resource cpu on pods (as a percentage of request): 0% (0) / 10%')
    expect(d).toContain('Deployment pods: 2 current / 2 desired')
    expect(d).toContain('AbleToScale True ScaleDownStabilized recent recommendations were higher than current one, applying the highest recent recommendation')
    expect(d).toContain('ScalingActive True ValidMetricFound the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)')
  })
})

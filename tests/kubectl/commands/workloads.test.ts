import { describe, expect, it } from 'vitest'
import { cluster, k } from '../helpers'

describe('kubectl scale', () => {
  it('scales deployments and checks --current-replicas', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.7.9')
    expect((await k(c, 'scale deployment web --replicas=3')).out).toBe('deployment.apps/web scaled\n')
    expect(c.api.get('deployments', 'default', 'web')!.spec.replicas).toBe(3)
    const before = c.hash()
    expect((await k(c, 'scale deploy/web --replicas=5 --current-replicas=2')).err).toBe('error: Expected replicas to be 2, was 3\n')
    expect((await k(c, 'scale deploy/web')).err).toBe('error: required flag(s) "replicas" not set\n')
    expect((await k(c, 'scale deploy/web --replicas=-1')).err).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n')
    expect((await k(c, 'scale deploy nope --replicas=1')).err).toBe('Error from server (NotFound): deployments.apps "nope" not found\n')
    expect(c.hash()).toBe(before)
  })
})

describe('kubectl autoscale / expose', () => {
  it('creates an autoscaling/v2 HPA with a CPU utilization target', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.7.9')
    expect((await k(c, 'autoscale deployment web --min=2 --max=5 --cpu-percent=50')).out).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n')
    const h = c.api.get('horizontalpodautoscalers', 'default', 'web')!
    expect(h.spec).toMatchObject({ minReplicas: 2, maxReplicas: 5, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } })
    expect(h.spec.metrics[0]).toEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } })
    const before = c.hash()
    expect((await k(c, 'autoscale deployment web --min=2')).err).toBe('error: --max=MAXPODS is required and must be at least 1, max: -1\n')
    expect((await k(c, 'autoscale deployment web --max=5')).err).toBe('Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "web" already exists\n')
    expect(c.hash()).toBe(before)
  })
  it('exposes a deployment with its selector and ports', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.7.9 --port=80')
    expect((await k(c, 'expose deployment web --type=NodePort')).out).toBe('service/web exposed\n')
    const s = c.api.get('services', 'default', 'web')!
    expect(s.spec.selector).toEqual({ app: 'web' })
    expect(s.spec.ports[0]).toMatchObject({ port: 80, targetPort: 80, protocol: 'TCP' })
    expect(s.spec.type).toBe('NodePort')
    await k(c, 'create deployment bare --image=nginx:1.7.9')
    const before = c.hash()
    expect((await k(c, 'expose deployment bare')).err).toBe("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n")
    expect((await k(c, 'expose deployment web --port=81')).err).toBe('Error from server (AlreadyExists): services "web" already exists\n')
    expect(c.hash()).toBe(before)
  })
})

describe('kubectl set image / rollout', () => {
  it('updates a container image and reports unknown containers', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.7.9')
    expect((await k(c, 'set image deployment/web nginx=nginx:1.9.1')).out).toBe('deployment.apps/web image updated\n')
    expect(c.api.get('deployments', 'default', 'web')!.spec.template.spec.containers[0].image).toBe('nginx:1.9.1')
    const before = c.hash()
    expect((await k(c, 'set image deployment/web nope=x')).err).toBe('error: unable to find container named "nope"\n')
    expect(c.hash()).toBe(before)
  })
  it('rollout status blocks until the deployment is available', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.7.9 --replicas=2')
    const t0 = c.now
    const r = await k(c, 'rollout status deployment/web')
    expect(r.code).toBe(0)
    expect(r.out.trim().split('\n').at(-1)).toBe('deployment "web" successfully rolled out')
    expect(r.out).toMatch(/^Waiting for /)
    expect(c.now).toBeGreaterThan(t0)
    expect((await k(c, 'rollout status deployment/web')).out).toBe('deployment "web" successfully rolled out\n')
  })
  it('rollout pause / resume / restart / history', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.7.9')
    c.advance(20_000)
    expect((await k(c, 'rollout pause deployment/web')).out).toBe('deployment.apps/web paused\n')
    expect((await k(c, 'rollout pause deployment/web')).err).toBe('error: deployments.apps "web" is already paused\n')
    expect((await k(c, 'rollout restart deployment/web')).err).toBe(`error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`)
    expect((await k(c, 'rollout resume deployment/web')).out).toBe('deployment.apps/web resumed\n')
    expect((await k(c, 'rollout restart deployment/web')).out).toBe('deployment.apps/web restarted\n')
    expect(c.api.get('deployments', 'default', 'web')!.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/^2025-03-01T/)
    c.advance(20_000)
    const h = await k(c, 'rollout history deployment/web')
    expect(h.out.startsWith('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n')).toBe(true)
  })
  it('rollout undo reports a missing history and a missing revision', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.7.9')
    c.advance(20_000)
    const before = c.hash()
    expect((await k(c, 'rollout undo deployment/web')).err).toBe('error: no rollout history found for deployment "web"\n')
    expect((await k(c, 'rollout undo deployment/web --to-revision=7')).err).toBe('error: unable to find specified revision 7 in history\n')
    expect(c.hash()).toBe(before)
  })
})

describe('group commands without a subcommand', () => {
  it('print help on stderr and exit 1; extra words are unknown commands', async () => {
    const c = await cluster()
    const r = await k(c, 'rollout')
    expect(r.code).toBe(1)
    expect(r.err).toContain('Available Commands:')
    expect(await k(c, 'rollout frob deploy/web')).toEqual({ code: 1, out: '', err: `error: unknown command "frob deploy/web"\nSee 'kubectl rollout -h' for help and examples\n` })
    expect((await k(c, 'set')).code).toBe(1)
    expect((await k(c, 'create service weird x')).err).toBe(`error: unknown command "weird x"\nSee 'kubectl create service -h' for help and examples\n`)
  })
})

describe('no-op updates', () => {
  it('set image with the current image prints nothing', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.7.9')
    expect(await k(c, 'set image deployment/web nginx=nginx:1.7.9')).toEqual({ code: 0, out: '', err: '' })
  })
  it('expose refuses a pod without labels', async () => {
    const c = await cluster()
    await k(c, 'apply -f -', { stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  containers:\n  - name: a\n    image: nginx:1.7.9\n' })
    expect((await k(c, 'expose pod bare --port=80')).err).toBe("error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n")
  })
})

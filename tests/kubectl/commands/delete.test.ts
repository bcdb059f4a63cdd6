import { describe, expect, it } from 'vitest'
import { cluster, k } from '../helpers'

describe('kubectl delete', () => {
  it('prints `pod "x" deleted` and waits until the pod is gone', async () => {
    const c = await cluster()
    await k(c, 'run lonely --image=nginx:1.7.9')
    c.advance(30_000)
    const t0 = c.now
    expect(await k(c, 'delete pod lonely')).toEqual({ code: 0, out: 'pod "lonely" deleted\n', err: '' })
    expect(c.now).toBeGreaterThan(t0)
    expect(c.api.get('pods', 'default', 'lonely')).toBeUndefined()
  })
  it('--wait=false returns at once, leaving the pod Terminating', async () => {
    const c = await cluster()
    await k(c, 'run lonely --image=nginx:1.7.9')
    c.advance(30_000)
    const t0 = c.now
    expect((await k(c, 'delete pod lonely --wait=false')).out).toBe('pod "lonely" deleted\n')
    expect(c.now).toBe(t0)
    expect(c.api.get('pods', 'default', 'lonely')!.metadata.deletionTimestamp).toBeDefined()
  })
  it('deletes by label, TYPE/NAME and --all with kubectl wording', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.7.9 --replicas=2')
    await k(c, 'create service clusterip api --tcp=80')
    c.advance(30_000)
    const r = await k(c, 'delete pods -l app=web')
    expect(r.out).toMatch(/^pod "web-[a-z0-9]+-[a-z0-9]{5}" deleted\npod "web-[a-z0-9]+-[a-z0-9]{5}" deleted\n$/)
    expect((await k(c, 'delete svc/api deployment/web')).out).toBe('service "api" deleted\ndeployment.apps "web" deleted\n')
    expect((await k(c, 'delete pods -l app=nothing')).out).toBe('No resources found\n')
  })
  it('--force --grace-period=0 warns and says force deleted', async () => {
    const c = await cluster()
    await k(c, 'run lonely --image=nginx:1.7.9')
    c.advance(30_000)
    const r = await k(c, 'delete pod lonely --force --grace-period=0')
    expect(r.err).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n')
    expect(r.out).toBe('pod "lonely" force deleted\n')
    expect(c.api.get('pods', 'default', 'lonely')).toBeUndefined()
  })
  it('deletes what a manifest names with -f', async () => {
    const c = await cluster()
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s1\nspec:\n  ports:\n  - port: 80\n'
    await k(c, 'apply -f -', { stdin: svc })
    expect((await k(c, 'delete -f -', { stdin: svc })).out).toBe('service "s1" deleted\n')
  })
  it('reports bad input without changing the cluster', async () => {
    const c = await cluster()
    const before = c.hash()
    expect(await k(c, 'delete pod nope')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): pods "nope" not found\n' })
    expect((await k(c, 'delete pods')).err).toBe('error: resource(s) were provided, but no name was specified\n')
    expect((await k(c, 'delete')).err).toMatch(/^error: You must provide one or more resources by argument or filename.\n/)
    expect((await k(c, 'delete pod x --cascade=sideways')).err).toBe('error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan".\n')
    expect((await k(c, 'delete pod nope --ignore-not-found')).code).toBe(0)
    expect(c.hash()).toBe(before)
  })
})

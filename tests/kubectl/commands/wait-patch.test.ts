import { describe, expect, it } from 'vitest'
import { cluster, k } from '../helpers'
import { jsonPatch, mergePatch } from '../../../src/kubectl/commands/patch'
import { parseGoDuration } from '../../../src/kubectl/commands/wait'

describe('kubectl wait', () => {
  it('blocks until a condition holds', async () => {
    const c = await cluster()
    await k(c, 'run p --image=nginx:1.7.9')
    const t0 = c.now
    expect(await k(c, 'wait --for=condition=Ready pod/p --timeout=60s')).toEqual({ code: 0, out: 'pod/p condition met\n', err: '' })
    expect(c.now).toBeGreaterThan(t0)
    expect((await k(c, "wait pod/p --for=jsonpath={.status.phase}=Running")).out).toBe('pod/p condition met\n')
  })
  it('times out with kubectl\'s message', async () => {
    const c = await cluster()
    await k(c, 'run p --image=nginx:1.7.9')
    const r = await k(c, 'wait --for=condition=Nope pod/p --timeout=5s')
    expect(r).toEqual({ code: 1, out: '', err: 'error: timed out waiting for the condition on pods/p\n' })
  })
  it('waits for deletion', async () => {
    const c = await cluster()
    await k(c, 'run p --image=nginx:1.7.9')
    c.advance(20_000)
    await k(c, 'delete pod p --wait=false')
    expect((await k(c, 'wait --for=delete pod/p --timeout=60s')).out).toBe('pod/p condition met\n')
    expect(c.api.get('pods', 'default', 'p')).toBeUndefined()
  })
  it('rejects bad input', async () => {
    const c = await cluster()
    expect((await k(c, 'wait pod/p --for=sunshine')).err).toBe('error: unrecognized condition: "sunshine"\n')
    expect((await k(c, 'wait --for=condition=Ready pods -l app=none')).err).toBe('error: no matching resources found\n')
    expect((await k(c, 'wait --for=condition=Ready pod/nope')).err).toBe('Error from server (NotFound): pods "nope" not found\n')
  })
  it('parses Go durations', () => {
    expect(parseGoDuration('90s')).toBe(90_000)
    expect(parseGoDuration('1m30s')).toBe(90_000)
    expect(parseGoDuration('soon')).toBeUndefined()
  })
})

describe('kubectl patch', () => {
  it('applies strategic, merge and json patches', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.7.9')
    expect((await k(c, `patch deployment web -p '{"spec":{"replicas":3}}'`)).out).toBe('deployment.apps/web patched\n')
    expect(c.api.get('deployments', 'default', 'web')!.spec.replicas).toBe(3)
    expect((await k(c, `patch deployment web -p '{"spec":{"replicas":3}}'`)).out).toBe('deployment.apps/web patched (no change)\n')
    // Strategic merge keeps the other container fields while changing the image.
    await k(c, `patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.9.1"}]}}}}'`)
    const ctr = c.api.get('deployments', 'default', 'web')!.spec.template.spec.containers[0]
    expect(ctr.image).toBe('nginx:1.9.1')
    expect(ctr.terminationMessagePath).toBe('/dev/termination-log')
    await k(c, `patch deploy web --type=merge -p '{"metadata":{"labels":{"app":null,"tier":"x"}}}'`)
    expect(c.api.get('deployments', 'default', 'web')!.metadata.labels).toEqual({ tier: 'x' })
    await k(c, `patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`)
    expect(c.api.get('deployments', 'default', 'web')!.spec.replicas).toBe(1)
  })
  it('rejects bad input', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.7.9')
    const before = c.hash()
    expect((await k(c, 'patch deployment web')).err).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n')
    expect((await k(c, `patch deployment web --type=json -p '[{"op":"remove","path":"/spec/nope"}]'`)).err).toBe('error: remove operation does not apply: doc is missing path: "/spec/nope": missing value\n')
    expect((await k(c, `patch deployment nope -p '{}'`)).err).toBe('Error from server (NotFound): deployments.apps "nope" not found\n')
    expect(c.hash()).toBe(before)
  })
  it('merge and json patch helpers follow the RFCs', () => {
    expect(mergePatch({ a: 1, b: { c: 2 } }, { b: { c: null, d: 3 }, e: [1] })).toEqual({ a: 1, b: { d: 3 }, e: [1] })
    expect(jsonPatch({ a: [1, 2] }, [{ op: 'add', path: '/a/1', value: 9 }, { op: 'copy', from: '/a/0', path: '/b' }])).toEqual({ a: [1, 9, 2], b: 1 })
  })
})

describe('kubectl replace / create configmap / create secret / get --sort-by', () => {
  it('replace puts the manifest over the live object', async () => {
    const c = await cluster()
    const cm = (v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k: "${v}"\n`
    expect((await k(c, 'replace -f -', { stdin: cm('1') })).err).toBe('Error from server (NotFound): error when replacing "STDIN": configmaps "cfg" not found\n')
    await k(c, 'create -f -', { stdin: cm('1') })
    expect((await k(c, 'replace -f -', { stdin: cm('2') })).out).toBe('configmap/cfg replaced\n')
    expect(c.api.get('configmaps', 'default', 'cfg')!.data).toEqual({ k: '2' })
  })
  it('create configmap and secret from literals and files', async () => {
    const c = await cluster()
    expect((await k(c, 'create configmap cfg --from-literal=a=1 --from-file=conf.txt', { files: { 'conf.txt': 'x=y\n' } })).out).toBe('configmap/cfg created\n')
    expect(c.api.get('configmaps', 'default', 'cfg')!.data).toEqual({ a: '1', 'conf.txt': 'x=y\n' })
    expect((await k(c, 'create secret generic pw --from-literal=password=s3cr3t')).out).toBe('secret/pw created\n')
    const s = c.api.get('secrets', 'default', 'pw')!
    expect(s.data).toEqual({ password: 'czNjcjN0' })
    expect(s.type).toBe('Opaque')
    expect((await k(c, 'create configmap bad --from-literal=novalue')).err).toBe('error: invalid literal source novalue, expected key=value\n')
  })
  it('get --sort-by orders rows by a field', async () => {
    const c = await cluster()
    await k(c, 'run b --image=nginx:1.7.9')
    c.advance(2000)
    await k(c, 'run a --image=nginx:1.7.9')
    const byTime = await k(c, 'get pods --sort-by=.metadata.creationTimestamp -o name')
    expect(byTime.out).toBe('pod/b\npod/a\n')
    const byName = await k(c, 'get pods --sort-by={.metadata.name} -o name')
    expect(byName.out).toBe('pod/a\npod/b\n')
  })
})

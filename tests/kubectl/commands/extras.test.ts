import { describe, expect, it } from 'vitest'
import { cluster, k } from '../helpers'

const INIT = `apiVersion: v1
kind: Pod
metadata:
  name: withinit
spec:
  initContainers:
  - name: setup
    image: busybox:1.28
    command: ["sh", "-c", "echo ready"]
  containers:
  - name: app
    image: nginx:1.7.9
`

describe('container defaulting', () => {
  it('names init containers in the Defaulted container notice', async () => {
    const c = await cluster()
    await k(c, 'apply -f -', { stdin: INIT })
    c.advance(60_000)
    const r = await k(c, 'logs withinit')
    expect(r.err).toBe('Defaulted container "app" out of: app, setup (init)\n')
    expect((await k(c, 'logs withinit -c setup')).out).toBe('ready\n')
  })
})

describe('manifest-driven get and create', () => {
  it('get -f prints the objects a manifest names', async () => {
    const c = await cluster()
    await k(c, 'apply -f -', { stdin: INIT })
    const r = await k(c, 'get -f pod.yaml -o name', { files: { 'pod.yaml': INIT } })
    expect(r.out).toBe('pod/withinit\n')
  })
  it('create without -f explains itself and exits 1', async () => {
    const c = await cluster()
    const before = c.hash()
    const r = await k(c, 'create')
    expect(r.code).toBe(1)
    expect(r.err.startsWith('Error: must specify one of -f and -k\n\n')).toBe(true)
    const u = await k(c, 'create frob')
    expect(u.err).toBe(`Error: must specify one of -f and -k\n\nerror: unknown command "frob"\nSee 'kubectl create -h' for help and examples\n`)
    expect(c.hash()).toBe(before)
  })
  it('apply refuses generateName', async () => {
    const c = await cluster()
    const before = c.hash()
    const r = await k(c, 'apply -f -', { stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: x-\nspec:\n  containers:\n  - name: a\n    image: nginx\n' })
    expect(r).toEqual({ code: 1, out: '', err: 'error: from STDIN: cannot use generate name with apply\n' })
    expect(c.hash()).toBe(before)
  })
})

describe('delete --all and node debugging', () => {
  it('delete pods --all removes every pod in the namespace', async () => {
    const c = await cluster()
    await k(c, 'run a --image=nginx:1.7.9')
    await k(c, 'run b --image=nginx:1.7.9')
    c.advance(20_000)
    expect((await k(c, 'delete pods --all')).out).toBe('pod "a" deleted\npod "b" deleted\n')
    expect(c.api.list('pods', { namespace: 'default' })).toEqual([])
  })
  it('debug node/NAME creates a node-debugger pod on that node', async () => {
    const c = await cluster()
    const r = await k(c, 'debug node/worker-1 --image=busybox:1.28')
    expect(r.out).toMatch(/^Creating debugging pod node-debugger-worker-1-[bcdfghjklmnpqrstvwxz2456789]{5} with container debugger on node worker-1\.\n$/)
    const name = /pod (\S+) with/.exec(r.out)![1]
    const p = c.api.get('pods', 'default', name)!
    expect(p.spec).toMatchObject({ nodeName: 'worker-1', hostPID: true, hostNetwork: true })
    const before = c.hash()
    expect((await k(c, 'debug node/nope --image=busybox')).err).toBe('Error from server (NotFound): nodes "nope" not found\n')
    expect(c.hash()).toBe(before)
  })
})

describe('kubectl run -i --rm', () => {
  it('shows the container output, deletes the pod, and passes on a failure', async () => {
    const c = await cluster()
    const r = await k(c, 'run -i --rm once --image=busybox:1.28 --restart=Never -- echo hello')
    expect(r).toEqual({ code: 0, out: 'hello\npod "once" deleted\n', err: '' })
    expect(c.api.get('pods', 'default', 'once')).toBeUndefined()
    const f = await k(c, 'run -i fails --image=busybox:1.28 --restart=Never --command -- sh -c "exit 4"')
    expect(f.code).toBe(4)
    expect(f.err).toBe('pod default/fails terminated (Error)\n')
    expect((await k(c, 'run x --image=busybox --rm')).err).toBe('error: --rm should only be used for attached containers\n')
  })
})

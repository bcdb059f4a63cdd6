import { beforeAll, describe, expect, it } from 'vitest'
import type { Cluster } from '../../../src/engine'
import { cluster, k } from '../helpers'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p1
  labels:
    app: demo
spec:
  containers:
  - name: app
    image: nginx:1.7.9
`
let c: Cluster
beforeAll(async () => { c = await cluster() }, 60_000)

describe('kubectl apply', () => {
  it('creates, then reports unchanged and configured, keeping the last-applied annotation', async () => {
    const c = await cluster()
    expect(await k(c, 'apply -f -', { stdin: POD })).toEqual({ code: 0, out: 'pod/p1 created\n', err: '' })
    const ann = c.api.get('pods', 'default', 'p1')!.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']
    expect(JSON.parse(ann).metadata).toEqual({ annotations: {}, labels: { app: 'demo' }, name: 'p1', namespace: 'default' })
    expect(await k(c, 'apply -f -', { stdin: POD })).toEqual({ code: 0, out: 'pod/p1 unchanged\n', err: '' })
    expect((await k(c, 'apply -f -', { stdin: POD.replace('nginx:1.7.9', 'nginx:1.9') })).out).toBe('pod/p1 configured\n')
    expect(c.api.get('pods', 'default', 'p1')!.spec.containers[0].image).toBe('nginx:1.9')
  })
  it('removes fields dropped from the manifest (three-way merge)', async () => {
    const c = await cluster()
    const dep = (extra: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\n${extra}spec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.7.9\n`
    await k(c, 'apply -f -', { stdin: dep('  annotations:\n    team: a\n') })
    expect(c.api.get('deployments', 'default', 'web')!.metadata.annotations!.team).toBe('a')
    expect((await k(c, 'apply -f -', { stdin: dep('') })).out).toBe('deployment.apps/web configured\n')
    expect(c.api.get('deployments', 'default', 'web')!.metadata.annotations!.team).toBeUndefined()
  })
  it('applies several documents and reports each', async () => {
    const c = await cluster()
    const r = await k(c, 'apply -f -', { stdin: `${POD}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s1\nspec:\n  selector:\n    app: demo\n  ports:\n  - port: 80\n` })
    expect(r).toEqual({ code: 0, out: 'pod/p1 created\nservice/s1 created\n', err: '' })
  })
  it('reads -f FILE from the virtual files and honours -n', async () => {
    const c = await cluster()
    await k(c, 'create namespace dev')
    const r = await k(c, 'apply -f pod.yaml -n dev', { files: { 'pod.yaml': POD } })
    expect(r.out).toBe('pod/p1 created\n')
    expect(c.api.get('pods', 'dev', 'p1')).toBeDefined()
  })
  it('prints server validation errors as kubectl does and changes nothing', async () => {
    const before = c.hash()
    const bad = POD.replace('  containers:', '  ephemeralContainers:\n  - name: dbg\n    image: busybox\n  containers:')
    const r = await k(c, 'apply -f -', { stdin: bad })
    expect(r).toEqual({ code: 1, out: '', err: 'The Pod "p1" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create\n' })
    expect(c.hash()).toBe(before)
  })
  it('reports YAML errors, missing kind and unknown kinds without touching the cluster', async () => {
    const before = c.hash()
    expect((await k(c, 'apply -f -', { stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n' })).err).toBe('error: error parsing STDIN: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n')
    expect((await k(c, 'apply -f x.yaml', { files: { 'x.yaml': 'metadata:\n  name: x\n' } })).err).toBe('error: error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n')
    expect((await k(c, 'apply -f -', { stdin: 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n' })).err).toBe('error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n')
    // A later document's error stops the whole apply (kubectl builds every object first).
    expect((await k(c, 'apply -f -', { stdin: `${POD}---\nkind: Pod\n` })).code).toBe(1)
    expect(c.api.get('pods', 'default', 'p1')).toBeUndefined()
    expect((await k(c, 'apply')).err).toBe('error: must specify one of -f and -k\n')
    expect((await k(c, 'apply -f missing.yaml')).err).toBe('error: the path "missing.yaml" does not exist\n')
    expect(c.hash()).toBe(before)
  })
  it('rejects a namespace that contradicts -n', async () => {
    const before = c.hash()
    const r = await k(c, 'apply -n kube-system -f -', { stdin: POD.replace('  name: p1', '  name: p1\n  namespace: default') })
    expect(r.err).toBe(`error: the namespace from the provided object "default" does not match the namespace "kube-system". You must pass '--namespace=default' to perform this operation.\n`)
    expect(c.hash()).toBe(before)
  })
  it('supports --dry-run=client without creating anything', async () => {
    const before = c.hash()
    expect((await k(c, 'apply --dry-run=client -f -', { stdin: POD })).out).toBe('pod/p1 created (dry run)\n')
    expect(c.hash()).toBe(before)
  })
})

describe('kubectl create', () => {
  it('creates from -f and reports AlreadyExists with the source', async () => {
    const c = await cluster()
    expect((await k(c, 'create -f -', { stdin: POD })).out).toBe('pod/p1 created\n')
    const before = c.hash()
    const r = await k(c, 'create -f -', { stdin: POD })
    expect(r).toEqual({ code: 1, out: '', err: 'Error from server (AlreadyExists): error when creating "STDIN": pods "p1" already exists\n' })
    expect(c.hash()).toBe(before)
  })
  it('create deployment builds kubectl\'s object', async () => {
    const c = await cluster()
    expect((await k(c, 'create deployment web --image=nginx:1.7.9 --replicas=3 --port=80')).out).toBe('deployment.apps/web created\n')
    const d = c.api.get('deployments', 'default', 'web')!
    expect(d.spec.replicas).toBe(3)
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } })
    expect(d.spec.template.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.7.9', ports: [{ containerPort: 80 }] })
    const before = c.hash()
    expect((await k(c, 'create deployment web --image=nginx')).err).toBe('error: failed to create deployment: deployments.apps "web" already exists\n')
    expect(c.hash()).toBe(before)
  })
  it('create deployment checks required flags and the name', async () => {
    const before = c.hash()
    expect((await k(c, 'create deployment web')).err).toBe('error: required flag(s) "image" not set\n')
    expect((await k(c, 'create deployment --image=nginx')).err).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n")
    expect(c.hash()).toBe(before)
  })
  it('create deployment --dry-run=client -o yaml prints the object kubectl would send', async () => {
    const before = c.hash()
    const r = await k(c, 'create deployment x --image=nginx --dry-run=client -o yaml')
    expect(r.out).toContain('  creationTimestamp: null\n')
    expect(r.out).toContain('      - image: nginx\n        name: nginx\n        resources: {}\n')
    expect(r.out.endsWith('status: {}\n')).toBe(true)
    expect(c.hash()).toBe(before)
  })
  it('create service clusterip/nodeport/externalname', async () => {
    const c = await cluster()
    expect((await k(c, 'create service clusterip api --tcp=80:8080')).out).toBe('service/api created\n')
    expect(c.api.get('services', 'default', 'api')!.spec.ports[0]).toMatchObject({ name: '80-8080', port: 80, targetPort: 8080, protocol: 'TCP' })
    expect((await k(c, 'create service nodeport np --tcp=80:80')).out).toBe('service/np created\n')
    expect(c.api.get('services', 'default', 'np')!.spec.type).toBe('NodePort')
    expect((await k(c, 'create service externalname ext --external-name=example.com')).out).toBe('service/ext created\n')
    const before = c.hash()
    expect((await k(c, 'create service clusterip nope')).err).toBe('error: at least one tcp port specifier must be provided\n')
    expect((await k(c, 'create service externalname nope')).err).toBe('error: required flag(s) "external-name" not set\n')
    expect(c.hash()).toBe(before)
  })
  it('create namespace and job (also --from=cronjob)', async () => {
    const c = await cluster()
    expect((await k(c, 'create namespace dev')).out).toBe('namespace/dev created\n')
    expect((await k(c, 'create namespace dev')).err).toBe('Error from server (AlreadyExists): namespaces "dev" already exists\n')
    expect((await k(c, 'create job once --image=busybox:1.28 -- echo hi')).out).toBe('job.batch/once created\n')
    const job = c.api.get('jobs', 'default', 'once')!
    expect(job.spec.template.spec.containers[0]).toMatchObject({ name: 'once', image: 'busybox:1.28', command: ['echo', 'hi'] })
    expect(job.spec.template.spec.restartPolicy).toBe('Never')
    const before = c.hash()
    expect((await k(c, 'create job other')).err).toBe('error: either --image or --from must be specified\n')
    expect((await k(c, 'create job other --from=cronjob/nope')).err).toBe('Error from server (NotFound): cronjobs.batch "nope" not found\n')
    expect(c.hash()).toBe(before)
  })
})

describe('kubectl run', () => {
  it('creates a pod labelled run=NAME with args after --', async () => {
    const c = await cluster()
    expect(await k(c, 'run box --image=busybox:1.28 --restart=Never --env=A=1 -- sleep 10')).toEqual({ code: 0, out: 'pod/box created\n', err: '' })
    const p = c.api.get('pods', 'default', 'box')!
    expect(p.metadata.labels).toEqual({ run: 'box' })
    expect(p.spec.restartPolicy).toBe('Never')
    expect(p.spec.containers[0]).toMatchObject({ name: 'box', args: ['sleep', '10'], env: [{ name: 'A', value: '1' }] })
    expect((await k(c, 'run cmd --image=busybox:1.28 --command -- sleep 5')).out).toBe('pod/cmd created\n')
    expect(c.api.get('pods', 'default', 'cmd')!.spec.containers[0].command).toEqual(['sleep', '5'])
  })
  it('rejects bad input without creating anything', async () => {
    const before = c.hash()
    expect((await k(c, 'run x')).err).toBe('error: required flag(s) "image" not set\n')
    expect((await k(c, 'run --image=nginx')).err).toBe("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n")
    expect((await k(c, 'run x --image=nginx --restart=Sometimes')).err).toBe('error: invalid restart policy: Sometimes\n')
    expect(c.hash()).toBe(before)
    await k(c, 'run dup --image=nginx')
    const mid = c.hash()
    expect((await k(c, 'run dup --image=nginx')).err).toBe('Error from server (AlreadyExists): pods "dup" already exists\n')
    expect(c.hash()).toBe(mid)
  })
})

describe('wrapped server errors', () => {
  it('create deployment shows the server\'s own Invalid message', async () => {
    const before = c.hash()
    const r = await k(c, 'create deployment Web --image=nginx')
    expect(r.err).toMatch(/^error: failed to create deployment: Deployment\.apps "Web" is invalid: metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/)
    expect(c.hash()).toBe(before)
  })
  it('apply lists several causes as kubectl does', async () => {
    const r = await k(c, 'apply -f -', { stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: noimg\nspec:\n  containers:\n  - name: app\n  - name: app\n    image: x\n' })
    expect(r.err).toBe('The Pod "noimg" is invalid: \n* spec.containers[0].image: Required value\n* spec.containers[1].name: Duplicate value: "app"\n')
  })
})

describe('re-applying objects the controllers and the server filled in', () => {
  it('reports unchanged for a running deployment and a NodePort service', async () => {
    const c = await cluster()
    const m = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: redis
spec:
  replicas: 1
  selector:
    matchLabels:
      app: redis
  template:
    metadata:
      labels:
        app: redis
    spec:
      containers:
      - name: redis
        image: redis:5.0
        ports:
        - containerPort: 6379
---
apiVersion: v1
kind: Service
metadata:
  name: redis-service
spec:
  selector:
    app: redis
  ports:
  - port: 6379
    targetPort: 6379
  type: NodePort
`
    expect((await k(c, 'apply -f -', { stdin: m })).out).toBe('deployment.apps/redis created\nservice/redis-service created\n')
    c.advance(30_000)
    const before = c.hash()
    expect((await k(c, 'apply -f -', { stdin: m })).out).toBe('deployment.apps/redis unchanged\nservice/redis-service unchanged\n')
    expect(c.hash()).toBe(before)
    expect((await k(c, 'apply -f -', { stdin: m.replace('replicas: 1', 'replicas: 2') })).out).toBe('deployment.apps/redis configured\nservice/redis-service unchanged\n')
  })
})

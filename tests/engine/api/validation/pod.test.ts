import { describe, it, expect } from 'vitest'
import { bareCluster, msg, pod, val } from './helpers'
import { clone } from '../../../../src/engine/api/store'
import { POD_UPDATE_FORBIDDEN } from '../../../../src/engine/api/validation/pod'

describe('pod validation on create', () => {
  it('requires containers and images', () => {
    const c = bareCluster()
    expect(msg(c.api.create(pod('x', { containers: [] })))).toBe('The Pod "x" is invalid: spec.containers: Required value')
    expect(msg(c.api.create(pod('x', { containers: [{ name: 'app' }] })))).toBe('The Pod "x" is invalid: spec.containers[0].image: Required value')
  })

  it('reports several errors in brackets', () => {
    const c = bareCluster()
    const r = c.api.create(pod('x', { containers: [{ name: 'a' }, { name: 'b' }] }))
    expect(msg(r)).toBe('The Pod "x" is invalid: [spec.containers[0].image: Required value, spec.containers[1].image: Required value]')
  })

  it('validates the name', () => {
    const c = bareCluster()
    expect(msg(c.api.create(pod('Bad_Name')))).toBe(
      `The Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    )
    expect(msg(c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [{ name: 'a', image: 'x' }] } }))).toBe(
      'The Pod "" is invalid: metadata.name: Required value: name or generateName is required',
    )
  })

  it('checks labels', () => {
    const c = bareCluster()
    const p = pod('x')
    p.metadata.labels = { app: 'bad value' }
    expect(msg(c.api.create(p))).toContain('metadata.labels: Invalid value: "bad value": a valid label must be an empty string')
  })

  it('rejects duplicate container names across init and app containers', () => {
    const c = bareCluster()
    const r = c.api.create(pod('x', { initContainers: [{ name: 'app', image: 'busybox' }] }))
    expect(msg(r)).toBe('The Pod "x" is invalid: spec.initContainers[0].name: Duplicate value: "app"')
  })

  it('rejects an unsupported restartPolicy and bad ports', () => {
    const c = bareCluster()
    expect(msg(c.api.create(pod('x', { restartPolicy: 'Sometimes' })))).toBe(
      'The Pod "x" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    )
    expect(msg(c.api.create(pod('x', { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 70000 }] }] })))).toBe(
      'The Pod "x" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    )
  })

  it('rejects requests above limits', () => {
    const c = bareCluster()
    const r = c.api.create(pod('x', { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] }))
    expect(msg(r)).toBe('The Pod "x" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1')
  })

  it('rejects negative quantities and malformed ones (400)', () => {
    const c = bareCluster()
    expect(msg(c.api.create(pod('x', { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '-1' } } }] })))).toBe(
      'The Pod "x" is invalid: spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    )
    const r = c.api.create(pod('x', { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: 'lots' } } }] }))
    expect(msg(r)).toBe("Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
  })

  it('rejects non-standard resource names', () => {
    const c = bareCluster()
    expect(msg(c.api.create(pod('x', { containers: [{ name: 'a', image: 'x', resources: { limits: { cpus: '1' } } }] })))).toContain(
      'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers',
    )
  })

  it('validates probes', () => {
    const c = bareCluster()
    expect(msg(c.api.create(pod('x', { containers: [{ name: 'a', image: 'x', livenessProbe: { periodSeconds: 5 } }] })))).toBe(
      'The Pod "x" is invalid: spec.containers[0].livenessProbe: Required value: must specify a handler type',
    )
    expect(msg(c.api.create(pod('x', { containers: [{ name: 'a', image: 'x', livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } }] })))).toBe(
      'The Pod "x" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    )
  })

  it('rejects mounts of unknown volumes', () => {
    const c = bareCluster()
    const r = c.api.create(pod('x', { containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }))
    expect(msg(r)).toBe('The Pod "x" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"')
  })

  it('forbids ephemeral containers on create (golden 04)', () => {
    const c = bareCluster()
    const r = c.api.create(pod('sneaky', { ephemeralContainers: [{ name: 'shell', image: 'busybox:1.28' }] }))
    expect(msg(r)).toBe('The Pod "sneaky" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create')
    expect(c.api.get('pods', 'default', 'sneaky')).toBeUndefined()
  })

  it('rejects unknown priority classes', () => {
    const c = bareCluster()
    const r = c.api.create(pod('x', { priorityClassName: 'gold' }))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.status).toMatchObject({ code: 403, message: 'pods "x" is forbidden: no PriorityClass with name gold was found' })
    expect(val(c.api.create(pod('y', { priorityClassName: 'system-node-critical' }))).spec.priority).toBe(2000001000)
  })
})

describe('pod updates', () => {
  it('allows image changes and labels', () => {
    const c = bareCluster()
    val(c.api.create(pod('x')))
    const r = c.api.mutate('pods', 'default', 'x', (p) => {
      p.spec.containers[0].image = 'nginx:1.26'
      p.metadata.labels = { a: 'b' }
    })
    expect(val(r).spec.containers[0].image).toBe('nginx:1.26')
  })

  it('forbids other spec changes with the upstream message', () => {
    const c = bareCluster()
    val(c.api.create(pod('x')))
    const r = c.api.mutate('pods', 'default', 'x', (p) => {
      p.spec.containers[0].ports = [{ containerPort: 80 }]
    })
    expect(msg(r)).toBe(`The Pod "x" is invalid: spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`)
    expect(POD_UPDATE_FORBIDDEN).toContain('`spec.tolerations` (only additions to existing tolerations)')
  })

  it('forbids adding containers', () => {
    const c = bareCluster()
    val(c.api.create(pod('x')))
    const r = c.api.mutate('pods', 'default', 'x', (p) => {
      p.spec.containers.push({ name: 'b', image: 'x' })
    })
    expect(msg(r)).toBe('The Pod "x" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers')
  })

  it('allows adding tolerations but not removing them', () => {
    const c = bareCluster()
    val(c.api.create(pod('x')))
    val(c.api.mutate('pods', 'default', 'x', (p) => void p.spec.tolerations.push({ key: 'k', operator: 'Exists', effect: 'NoSchedule' })))
    expect(c.api.mutate('pods', 'default', 'x', (p) => void p.spec.tolerations.shift()).ok).toBe(false)
  })

  it('lets the scheduler set nodeName once, not change it', () => {
    const c = bareCluster()
    val(c.api.create(pod('x')))
    const sched = c.client('kube-scheduler')
    expect(val(sched.mutate('pods', 'default', 'x', (p) => void (p.spec.nodeName = 'worker-1'))).spec.nodeName).toBe('worker-1')
    expect(sched.mutate('pods', 'default', 'x', (p) => void (p.spec.nodeName = 'worker-2')).ok).toBe(false)
  })

  it('skips spec validation for status writes and keeps defaulted spec stable on no-op updates', () => {
    const c = bareCluster()
    val(c.api.create(pod('x')))
    const st = val(c.api.updateStatus('pods', 'default', 'x', (o) => void (o.status.phase = 'Running')))
    expect(st.status.phase).toBe('Running')
    // Re-sending the stored object is a no-op: defaulting is idempotent, no SA volume is added twice.
    const again = val(c.api.update(clone(c.api.get('pods', 'default', 'x')!)))
    expect(again.metadata.resourceVersion).toBe(st.metadata.resourceVersion)
    expect(again.spec.volumes).toHaveLength(1)
  })
})

describe('ephemeral containers subresource', () => {
  function addEphemeral(c: ReturnType<typeof bareCluster>, ec: Record<string, unknown>[]) {
    const cur = clone(c.api.get('pods', 'default', 'x')!)
    cur.spec.ephemeralContainers = ec
    return c.api.update(cur, { subresource: 'ephemeralcontainers' })
  }

  it('adds a debug container with defaults', () => {
    const c = bareCluster()
    val(c.api.create(pod('x')))
    const r = val(addEphemeral(c, [{ name: 'debugger-abcde', image: 'busybox', stdin: true, tty: true, targetContainerName: 'app' }]))
    expect(r.spec.ephemeralContainers[0]).toMatchObject({ terminationMessagePolicy: 'File', imagePullPolicy: 'Always' })
  })

  it('rejects forbidden fields, duplicates, unknown targets', () => {
    const c = bareCluster()
    val(c.api.create(pod('x')))
    expect(msg(addEphemeral(c, [{ name: 'd', image: 'busybox', ports: [{ containerPort: 80 }] }]))).toBe(
      'The Pod "x" is invalid: spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container',
    )
    expect(msg(addEphemeral(c, [{ name: 'app', image: 'busybox' }]))).toBe('The Pod "x" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "app"')
    expect(msg(addEphemeral(c, [{ name: 'd', image: 'busybox', targetContainerName: 'nope' }]))).toBe(
      'The Pod "x" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "nope"',
    )
  })

  it('forbids removing or changing existing ones', () => {
    const c = bareCluster()
    val(c.api.create(pod('x')))
    val(addEphemeral(c, [{ name: 'd', image: 'busybox' }]))
    expect(msg(addEphemeral(c, []))).toBe('The Pod "x" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "d" may not be removed')
    expect(msg(addEphemeral(c, [{ name: 'd', image: 'alpine' }]))).toContain('existing ephemeral containers "d" may not be changed')
  })

  it('cannot add ephemeral containers through a main-resource update', () => {
    const c = bareCluster()
    val(c.api.create(pod('x')))
    const r = c.api.mutate('pods', 'default', 'x', (p) => void (p.spec.ephemeralContainers = [{ name: 'd', image: 'busybox' }]))
    expect(msg(r)).toContain('spec: Forbidden: pod updates may not change fields other than')
  })
})

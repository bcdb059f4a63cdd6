import { describe, expect, it } from 'vitest'
import { printObjects } from '../../../src/kubectl/printers'
import { toYaml } from '../../../src/kubectl/printers/output/yaml'
import { jsonpath } from '../../../src/kubectl/printers/output/jsonpath'
import { fakeCluster, obj, pod, running } from './fixtures'

const c = fakeCluster(100)
const web = () => {
  const p = pod('web-1', 10, { nodeName: 'worker-1', containers: [{ name: 'nginx', image: 'nginx' }] }, {
    phase: 'Running', podIP: '10.244.1.2',
    conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
    containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: running(20) }],
  })
  p.metadata.labels = { app: 'web' }
  return p
}
const text = (r: ReturnType<typeof printObjects>) => {
  if (!r.ok) throw new Error(r.message)
  return r.text
}

describe('-o yaml', () => {
  it('sorted keys, unindented sequences, go-yaml quoting', () => {
    expect(toYaml({ kind: 'X', apiVersion: 'v1', metadata: { name: 'a', resourceVersion: '12', creationTimestamp: '2025-03-01T09:00:00Z', labels: { on: 'yes' } }, spec: { list: [{ b: 1, a: 'x' }, 'y'], empty: {}, none: [], n: null, t: true, msg: 'a: b', star: '*', dash: '- x', sp: ' lead', pct: '25%', ver: 'v1.30.2', num: '1.5', e: '' } })).toBe(
      'apiVersion: v1\n' +
      'kind: X\n' +
      'metadata:\n' +
      '  creationTimestamp: "2025-03-01T09:00:00Z"\n' +
      '  labels:\n' +
      '    "on": "yes"\n' +
      '  name: a\n' +
      '  resourceVersion: "12"\n' +
      'spec:\n' +
      '  dash: \'- x\'\n' +
      '  e: ""\n' +
      '  empty: {}\n' +
      '  list:\n' +
      '  - a: x\n' +
      '    b: 1\n' +
      '  - "y"\n' +
      '  msg: \'a: b\'\n' +
      '  "n": null\n' +
      '  none: []\n' +
      '  num: "1.5"\n' +
      '  pct: 25%\n' +
      '  sp: \' lead\'\n' +
      '  star: \'*\'\n' +
      '  t: true\n' +
      '  ver: v1.30.2\n',
    )
  })

  it('multi-line strings become literal blocks; long strings fold past column 80', () => {
    expect(toYaml({ a: 'l1\nl2\n', b: 'l1\nl2' })).toBe('a: |\n  l1\n  l2\nb: |-\n  l1\n  l2\n')
    expect(toYaml({ a: 'x \ny', t: 'a\tb' })).toBe('a: "x \\ny"\nt: "a\\tb"\n')
    expect(toYaml({ c: { d: 'k: v\n' } })).toBe('c:\n  d: |\n    k: v\n')
    expect(toYaml([])).toBe('[]\n')
    expect(toYaml('x')).toBe('x\n')
    const msg = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.'
    expect(toYaml({ status: { conditions: [{ message: msg, type: 'PodScheduled' }] } })).toBe(
      'status:\n  conditions:\n' +
      "  - message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:\n" +
      "      }, 2 Insufficient cpu.'\n" +
      '    type: PodScheduled\n',
    )
  })

  it('a list is a v1 List with empty resourceVersion', () => {
    const out = text(printObjects(c, [web()], 'yaml', { asList: true }))
    expect(out.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n')).toBe(true)
    expect(out.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true)
  })
})

describe('-o json / name', () => {
  it('json: 4-space indent, sorted keys, HTML escaping', () => {
    const o = obj('v1', 'ConfigMap', 'cm', 0, { data: { z: '<none> & more', a: '1' } })
    const out = text(printObjects(c, [o], 'json'))
    expect(out).toContain('{\n    "apiVersion": "v1",\n    "data": {\n        "a": "1",\n        "z": "\\u003cnone\\u003e \\u0026 more"\n    },\n    "kind": "ConfigMap",\n')
    expect(out.endsWith('}\n')).toBe(true)
    const two = JSON.parse(text(printObjects(c, [o, o], 'json')))
    expect(two.kind).toBe('List')
    expect(two.items).toHaveLength(2)
    expect(two.metadata).toEqual({ resourceVersion: '' })
  })

  it('name: kind.group/name', () => {
    const d = obj('apps/v1', 'Deployment', 'web', 0)
    expect(text(printObjects(c, [web(), d, obj('v1', 'Service', 'kubernetes', 0)], 'name'))).toBe('pod/web-1\ndeployment.apps/web\nservice/kubernetes\n')
  })

  it('unknown format is an error', () => {
    const r = printObjects(c, [web()], 'xml')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/^unable to match a printer suitable for the output format "xml"/)
  })
})

describe('-o jsonpath', () => {
  it('fields, wildcards, range, literals, filters', () => {
    const p = web()
    const q = web()
    q.metadata.name = 'web-2'
    q.status.podIP = '10.244.2.2'
    expect(text(printObjects(c, [p], 'jsonpath={.metadata.name}'))).toBe('web-1')
    expect(text(printObjects(c, [p], "jsonpath='{.status.podIP}'"))).toBe('10.244.1.2')
    expect(text(printObjects(c, [p, q], 'jsonpath={.items[*].metadata.name}'))).toBe('web-1 web-2')
    expect(text(printObjects(c, [p, q], 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'))).toBe('web-1\t10.244.1.2\nweb-2\t10.244.2.2\n')
    expect(text(printObjects(c, [p], 'jsonpath={.status.conditions[?(@.type=="Ready")].status}'))).toBe('False')
    expect(text(printObjects(c, [p], 'jsonpath={.metadata.labels}'))).toBe('{"app":"web"}')
    expect(text(printObjects(c, [p], "jsonpath={.metadata.labels['app']}"))).toBe('web')
    expect(text(printObjects(c, [p, q], 'jsonpath={.items[0].metadata.name}'))).toBe('web-1')
    expect(text(printObjects(c, [p, q], 'jsonpath={.items[-1:].metadata.name}'))).toBe('web-2')
    expect(text(printObjects(c, [p], 'jsonpath={..image}'))).toBe('nginx')
    expect(text(printObjects(c, [p], 'jsonpath=name: {.metadata.name}'))).toBe('name: web-1')
    // missing keys print nothing (allowMissingKeys)
    expect(text(printObjects(c, [p], 'jsonpath={.status.nope}'))).toBe('')
  })

  it('errors', () => {
    const bad = printObjects(c, [web()], 'jsonpath={.metadata.name')
    expect(bad).toEqual({ ok: false, message: 'error parsing jsonpath {.metadata.name, unclosed action' })
    expect(jsonpath('{range .items[*]}{.x}', {}).ok).toBe(false)
    expect(jsonpath('{end}', {}).ok).toBe(false)
    const oob = jsonpath('{.items[5]}', { items: [1] })
    expect(oob.ok).toBe(false)
    if (!oob.ok) expect(oob.message).toBe('error executing jsonpath "{.items[5]}": array index out of bounds: index 5, length 1')
    expect(printObjects(c, [web()], 'jsonpath').ok).toBe(false)
  })
})

describe('-o custom-columns', () => {
  it('headers, values, <none>, relaxed paths', () => {
    const p = web()
    expect(text(printObjects(c, [p], 'custom-columns=NAME:.metadata.name,IP:status.podIP,NODE:{.spec.nodeName},X:.spec.missing'))).toBe(
      'NAME    IP           NODE       X\nweb-1   10.244.1.2   worker-1   <none>\n',
    )
    expect(text(printObjects(c, [p], 'custom-columns=C:.spec.containers[*].name,L:.metadata.labels'))).toBe('C       L\nnginx   map[app:web]\n')
    expect(printObjects(c, [p], 'custom-columns=NAME').ok).toBe(false)
  })
})

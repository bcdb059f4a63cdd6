import { describe, expect, test } from 'vitest'
import { httpResponse, lookupImage } from '../../../../src/engine/node/images/catalog'
import { parseImageRef } from '../../../../src/engine/node/images/reference'

const info = (name: string) => {
  const r = lookupImage(name)
  if (!r.ok) throw new Error(r.message)
  return r.info
}

describe('image references', () => {
  test.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.7.9', 'docker.io/library/nginx:1.7.9'],
    ['kubeguide/tomcat-app:v1', 'docker.io/kubeguide/tomcat-app:v1'],
    ['docker.io/flannel/flannel:v0.25.1', 'docker.io/flannel/flannel:v0.25.1'],
    ['index.docker.io/library/busybox:1.28', 'docker.io/library/busybox:1.28'],
    ['registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.9'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
  ])('%s → %s', (name, ref) => {
    expect(parseImageRef(name)?.ref).toBe(ref)
  })

  test.each(['', 'Nginx', 'nginx:', 'nginx::1', 'ng inx', 'nginx@sha256:xyz', '-nginx', 'nginx:1.2/3'])('invalid %j', (name) => {
    expect(parseImageRef(name)).toBeUndefined()
  })
})

describe('lookupImage', () => {
  test('known images with realistic sizes and deterministic digests', () => {
    const n = info('nginx:1.7.9')
    expect(n).toMatchObject({ ref: 'docker.io/library/nginx:1.7.9', repo: 'docker.io/library/nginx', tag: '1.7.9', known: true, ports: [80] })
    expect(n.sizeBytes).toBeGreaterThan(35e6)
    expect(n.sizeBytes).toBeLessThan(70e6)
    expect(n.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(info('nginx:1.7.9').digest).toBe(n.digest)
    expect(info('nginx:1.25').digest).not.toBe(n.digest)
    expect(info('busybox:1.28').sizeBytes).toBeLessThan(2.5e6)
    expect(info('mysql:8.0').sizeBytes).toBeGreaterThan(150e6)
    const t = info('kubeguide/tomcat-app:v1')
    expect(t.sizeBytes).toBeGreaterThan(150e6)
    expect(t.tools).not.toContain('curl')
    expect(t.tools).not.toContain('wget')
    expect(t.ports).toEqual([8080])
  })

  test('system images of a kubeadm v1.30 cluster', () => {
    for (const name of ['registry.k8s.io/etcd:3.5.12-0', 'registry.k8s.io/kube-apiserver:v1.30.2', 'registry.k8s.io/kube-controller-manager:v1.30.2',
      'registry.k8s.io/kube-scheduler:v1.30.2', 'registry.k8s.io/kube-proxy:v1.30.2', 'registry.k8s.io/coredns/coredns:v1.11.1',
      'registry.k8s.io/metrics-server/metrics-server:v0.7.1', 'docker.io/flannel/flannel:v0.25.1', 'docker.io/flannel/flannel-cni-plugin:v1.4.1-flannel1', 'registry.k8s.io/pause:3.9']) {
      expect(info(name).known).toBe(true)
    }
  })

  test('known repo, unknown tag → ErrImagePull with containerd\'s message', () => {
    expect(lookupImage('nginx:1.255')).toEqual({
      ok: false, reason: 'ErrImagePull',
      message: 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.255": failed to resolve reference "docker.io/library/nginx:1.255": docker.io/library/nginx:1.255: not found',
    })
  })

  test('malformed names → InvalidImageName', () => {
    expect(lookupImage('NGINX:1')).toEqual({
      ok: false, reason: 'InvalidImageName',
      message: 'Failed to apply default image tag "NGINX:1": couldn\'t parse image name "NGINX:1": invalid reference format',
    })
  })

  test('unknown repositories are pullable generic servers', () => {
    const u = info('example.org/team/app:v3')
    expect(u).toMatchObject({ known: false, ports: [], repo: 'example.org/team/app' })
    expect(httpResponse(u, 8080, '/')?.status).toBe(200)
  })
})

describe('httpResponse', () => {
  test('nginx welcome page (old style for 1.7.9) and 404', () => {
    const old = httpResponse(info('nginx:1.7.9'), 80, '/')
    expect(old?.status).toBe(200)
    expect(old?.body.length).toBe(612)
    expect(httpResponse(info('nginx:1.27'), 80, '/')?.body.length).toBe(615)
    expect(httpResponse(info('nginx'), 80, '/x')?.body).toContain('<hr><center>nginx/1.27.2</center>')
    expect(httpResponse(info('nginx'), 8080, '/')).toBeUndefined()
  })

  test('tomcat-app page mentions Tomcat; hpa-example answers OK!', () => {
    expect(httpResponse(info('kubeguide/tomcat-app:v1'), 8080, '/')?.body).toContain('Tomcat')
    expect(httpResponse(info('registry.k8s.io/hpa-example'), 80, '/')).toEqual({ status: 200, body: 'OK!' })
  })

  test('non-HTTP servers listen but do not speak HTTP', () => {
    expect(httpResponse(info('redis:5.0'), 6379, '/')).toEqual({ status: 0, body: '' })
    expect(httpResponse(info('busybox'), 80, '/')).toBeUndefined()
  })
})

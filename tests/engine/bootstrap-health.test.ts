// The bootstrapped kubeadm cluster stays healthy: every system pod Running and Ready with no
// restarts after ten minutes (a crash-looping probe or a missing image would show here).
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/engine'
import { httpResponse, lookupImage } from '../../src/engine/node/images/catalog'

describe('bootstrapped cluster', () => {
  it('keeps every system pod Running, Ready and without restarts', () => {
    const c = createCluster({ seed: 9 })
    c.advance(600_000)
    const pods = c.api.list('pods').filter((p) => p.metadata.namespace !== 'default')
    expect(pods.length).toBeGreaterThanOrEqual(13)
    for (const p of pods) {
      const statuses = (p.status?.containerStatuses ?? []) as { name: string; ready: boolean; restartCount: number }[]
      expect(p.status?.phase, p.metadata.name).toBe('Running')
      for (const s of statuses) {
        expect(s.ready, `${p.metadata.name}/${s.name} ready`).toBe(true)
        expect(s.restartCount, `${p.metadata.name}/${s.name} restarts`).toBe(0)
      }
    }
  })

  it('answers HTTPS health checks on TLS ports and rejects plain HTTP there', () => {
    const r = lookupImage('registry.k8s.io/metrics-server/metrics-server:v0.7.1')
    if (!r.ok) throw new Error(r.message)
    expect(httpResponse(r.info, 10250, '/readyz', 'https')).toEqual({ status: 200, body: 'ok' })
    expect(httpResponse(r.info, 10250, '/readyz', 'http')?.status).toBe(400)
    expect(httpResponse(r.info, 10250, '/secret', 'https')?.status).toBe(403)
  })
})

import { describe, expect, test } from 'vitest'
import { fakePod, recorder, sh } from './host'
import { demoCluster } from '../../network/stub/fixture'

function run(script: string, opts: { img?: string; ns?: string; privileged?: boolean; pod?: ReturnType<typeof fakePod> } = {}) {
  const c = demoCluster()
  const r = recorder(c, opts.pod ?? fakePod('client', opts.ns ?? 'default'), opts.privileged)
  const res = sh(c, r, script, opts.img ?? 'busybox:1.28')
  return { ...res, out: r.text(), stdout: r.stdout(), stderr: r.stderr() }
}

describe('nslookup', () => {
  test('busybox 1.28 success format', () => {
    const r = run('nslookup mysql-service')
    expect(r.stdout).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
      'Name:      mysql-service\nAddress 1: 10.104.2.7 mysql-service.default.svc.cluster.local\n')
    expect(r.step).toEqual({ kind: 'exit', code: 0 })
  })

  test('busybox 1.28 failure: server block, blank line, error on stderr, exit 1', () => {
    const r = run('nslookup redis-service')
    expect(r.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n')
    expect(r.stderr).toBe("nslookup: can't resolve 'redis-service'\n")
    expect(r.step).toEqual({ kind: 'exit', code: 1 })
  })

  test('busybox 1.28 with several addresses (headless) numbers them', () => {
    const r = run('nslookup db')
    expect(r.stdout).toContain('Name:      db\n')
    expect(r.stdout).toMatch(/Address 1: 10\.244\.\d+\.\d+ db-\d\.db\.default\.svc\.cluster\.local\nAddress 2: .*\nAddress 3: .*\n$/)
  })

  test('the init-container wait loop ends once the Service exists', () => {
    const c = demoCluster()
    const r = recorder(c, fakePod('client'))
    const res = sh(c, r, 'until nslookup redis-service; do echo waiting for redis; sleep 2; done;', 'busybox:1.28', { maxMs: 7000 })
    expect(res.step.kind).toBe('wait')
    expect(r.text().trimEnd().split('\n').slice(-2)).toEqual(["nslookup: can't resolve 'redis-service'", 'waiting for redis'])
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'redis-service', namespace: 'default' }, spec: { clusterIP: '10.100.0.9', ports: [{ port: 6379 }] } })
    const done = sh(c, r, 'until nslookup redis-service; do echo waiting for redis; sleep 2; done;')
    expect(done.step).toEqual({ kind: 'exit', code: 0 })
    expect(r.text()).toContain('Address 1: 10.100.0.9 redis-service.default.svc.cluster.local\n')
  })

  test('newer busybox prints the Name:/Address: style with the FQDN', () => {
    const r = run('nslookup web', { img: 'busybox:1.36', ns: 'shop' })
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.shop.svc.cluster.local\nAddress: 10.96.1.2\n\n')
  })
})

describe('files', () => {
  test('/etc/resolv.conf follows the pod namespace', () => {
    expect(run('cat /etc/resolv.conf', { ns: 'shop' }).stdout).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
  })

  test('/etc/hosts has the pod IP and hostname', () => {
    expect(run('cat /etc/hosts').stdout).toContain('10.244.1.9\tclient\n')
  })
})

describe('sysctl', () => {
  test('privileged write prints key = value; the value sticks', () => {
    const r = run('/sbin/sysctl -w vm.swappiness=0; sysctl vm.swappiness; cat /proc/sys/vm/swappiness', { img: 'alpine', privileged: true })
    expect(r.stdout).toBe('vm.swappiness = 0\nvm.swappiness = 0\n0\n')
  })

  test('unprivileged write fails on the read-only /proc/sys', () => {
    const r = run('/sbin/sysctl -w vm.swappiness=0', { img: 'alpine' })
    expect(r.stderr).toBe("sysctl: error setting key 'vm.swappiness': Read-only file system\n")
    expect(r.step).toEqual({ kind: 'exit', code: 1 })
  })

  test('unknown keys', () => {
    expect(run('sysctl foo.bar').stderr).toBe("sysctl: error reading key 'foo.bar': No such file or directory\n")
  })
})

describe('wget', () => {
  test('-qO- prints the body only', () => {
    const r = run('wget -qO- web', { ns: 'shop' })
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>')
    expect(r.stderr).toBe('')
  })

  test('without -q: Connecting line and progress on stderr; -O file saves', () => {
    const r = run('wget -O /tmp/page web; grep -c nginx /tmp/page', { ns: 'shop' })
    expect(r.stderr.split('\n')[0]).toBe('Connecting to web (10.96.1.2:80)')
    expect(Number(r.stdout.trim())).toBeGreaterThan(0)
  })

  test('errors: refused, bad address, 404', () => {
    expect(run('wget -q -O- empty').stderr).toBe("wget: can't connect to remote host (10.96.0.5): Connection refused\n")
    expect(run('wget -qO- foo').stderr).toBe("wget: bad address 'foo'\n")
    const r = run('wget -qO- web/missing', { ns: 'shop' })
    expect(r.stderr).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n')
    expect(r.step).toEqual({ kind: 'exit', code: 1 })
  })

  test('-T bounds a connect that never answers', () => {
    const r = run('wget -q -T 2 -O- 10.99.0.1')
    expect(r.stderr).toBe('wget: download timed out\n')
  })

  test('--spider succeeds without output', () => {
    const r = run('wget -q --spider web && echo up', { ns: 'shop' })
    expect(r.out).toBe('up\n')
  })
})

describe('curl, nc, ps, netstat', () => {
  test('curl body, -s silences errors, error codes', () => {
    expect(run('curl -s web', { img: 'curlimages/curl', ns: 'shop' }).stdout).toContain('Welcome to nginx!')
    expect(run('curl foo', { img: 'curlimages/curl' }).stderr).toBe('curl: (6) Could not resolve host: foo\n')
    const refused = run('curl empty; echo $?', { img: 'curlimages/curl' })
    expect(refused.stderr).toMatch(/^curl: \(7\) Failed to connect to empty port 80 after \d+ ms: Couldn't connect to server\n$/)
    expect(refused.stdout).toBe('7\n')
    expect(run('curl -s foo; echo $?', { img: 'curlimages/curl' }).out).toBe('6\n')
    expect(run('curl -s -o /dev/null -w "%{http_code}" web/x', { img: 'curlimages/curl', ns: 'shop' }).stdout).toBe('404')
  })

  test('nc -zv', () => {
    expect(run('nc -zv mysql-service 3306').stderr).toBe('mysql-service (10.104.2.7:3306) open\n')
    expect(run('nc -zv empty 80; echo $?').out).toBe('nc: empty (10.96.0.5:80): Connection refused\n1\n')
  })

  test('ps lists the shell itself in busybox format', () => {
    const r = run('ps')
    expect(r.stdout.split('\n')[0]).toBe('PID   USER     TIME  COMMAND')
    expect(r.stdout.split('\n')[1]).toBe('    1 root      0:00 sh -c ps')
  })

  test('netstat -tuln shows what the pod listens on', () => {
    const c = demoCluster()
    const pod = c.api.get('pods', 'shop', 'web-1')!
    const r = recorder(c, pod)
    sh(c, r, 'netstat -tuln', 'busybox:1.28')
    expect(r.stdout()).toMatch(/tcp\s+0\s+0 0\.0\.0\.0:80\s+0\.0\.0\.0:\*\s+LISTEN/)
  })

  test('date, uname, hostname, env', () => {
    const r = run('hostname; uname -s; env | grep -c HOSTNAME; date')
    expect(r.stdout).toBe('client\nLinux\n1\nSat Mar  1 09:00:10 UTC 2025\n')
  })
})

describe('image files', () => {
  test('nginx docroot and config', () => {
    const r = run('ls /usr/share/nginx/html; grep -c "Welcome to nginx" /usr/share/nginx/html/index.html; grep listen /etc/nginx/conf.d/default.conf | head -1', { img: 'nginx:1.25' })
    expect(r.stdout).toBe('50x.html\nindex.html\n2\n    listen       80;\n')
  })
  test('ls of a missing directory', () => {
    expect(run('ls /nope; echo $?').out).toBe('ls: /nope: No such file or directory\n1\n')
  })
})

describe('ps in a shared PID namespace', () => {
  test('kubectl debug --target: the target container\'s process comes first', () => {
    const pod = fakePod('web', 'default', {
      containers: [{ name: 'nginx', image: 'nginx:1.7.9' }],
      ephemeralContainers: [{ name: 'main', image: 'busybox:1.28', targetContainerName: 'nginx' }],
    })
    pod.status.containerStatuses = [{ name: 'nginx', state: { running: { startedAt: '2025-03-01T09:00:00Z' } } }]
    const r = run('ps', { pod })
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'PID   USER     TIME  COMMAND',
      '    1 root      0:00 nginx -g daemon off;',
      '    8 root      0:00 sh -c ps',
    ])
  })
})

// Network clients over the PodNetwork contract: nslookup (busybox 1.28 and 1.36 formats), wget
// (busybox networking/wget.c messages), curl (curl's error strings), nc -z.
import type { Command, Ctx } from './types'
import { podNetwork, type NetOrigin } from '../../../network/types'

const origin = (ctx: Ctx): NetOrigin => ({ pod: ctx.host.pod, node: ctx.host.node, container: ctx.host.container })
const isIp = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s)
const DNS_SERVER = '10.96.0.10'

/** PTR lookup through the pod's resolver; the stub answers in-addr.arpa names with the PTR target as `name`. */
function reverse(ctx: Ctx, ip: string): { name?: string; ms: number } {
  const r = podNetwork().resolve(ctx.host.c, origin(ctx), `${ip.split('.').reverse().join('.')}.in-addr.arpa.`)
  return r.ok ? { name: r.name.replace(/\.$/, ''), ms: r.latencyMs } : { ms: r.latencyMs }
}

/** busybox 1.28 and older print "Address N: ip name"; 1.29+ (and alpine) use the "Name:\tfqdn" style. */
function oldBusybox(ctx: Ctx): boolean {
  const m = /^1\.(\d+)/.exec(ctx.info.tag)
  return ctx.info.repo === 'docker.io/library/busybox' && !!m && Number(m[1]) <= 28
}

const nslookup: Command = (ctx) => {
  const name = ctx.argv.slice(1).find((a) => !a.startsWith('-'))
  if (!name) { ctx.err('BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n'); return { code: 1 } }
  const net = podNetwork()
  let ms = 0
  if (oldBusybox(ctx)) {
    // busybox 1.28 networking/nslookup.c: server_print() then print_host(argv[1], "Name:").
    const srv = reverse(ctx, DNS_SERVER)
    ms += srv.ms
    let out = `Server:    ${DNS_SERVER}\nAddress 1: ${DNS_SERVER}${srv.name ? ' ' + srv.name : ''}\n\n`
    let addrs: string[] = []
    if (isIp(name)) addrs = [name]
    else {
      const r = net.resolve(ctx.host.c, origin(ctx), name)
      ms += r.latencyMs
      if (r.ok) addrs = r.addresses
    }
    if (!addrs.length) {
      ctx.out(out)
      ctx.err(`nslookup: can't resolve '${name}'\n`)
      return { code: 1, ms }
    }
    out += `${'Name:'.padEnd(10)} ${name}\n`
    addrs.forEach((a, i) => {
      const rev = reverse(ctx, a)
      ms += rev.ms
      out += `Address ${i + 1}: ${a}${rev.name ? ' ' + rev.name : ''}\n`
    })
    ctx.out(out)
    return { code: 0, ms }
  }
  const bind = ctx.info.tools.includes('dig')
  let out = bind ? `Server:\t\t${DNS_SERVER}\nAddress:\t${DNS_SERVER}#53\n\n` : `Server:\t\t${DNS_SERVER}\nAddress:\t${DNS_SERVER}:53\n\n`
  if (isIp(name)) {
    const rev = reverse(ctx, name)
    ms += rev.ms
    if (!rev.name) {
      ctx.out(out + `** server can't find ${name.split('.').reverse().join('.')}.in-addr.arpa: NXDOMAIN\n\n`)
      return { code: 1, ms }
    }
    ctx.out(out + `${name.split('.').reverse().join('.')}.in-addr.arpa\tname = ${rev.name}\n\n`)
    return { code: 0, ms }
  }
  const r = net.resolve(ctx.host.c, origin(ctx), name)
  ms += r.latencyMs
  if (!r.ok) {
    if (r.error === 'timeout') {
      ctx.out(bind ? `;; connection timed out; no servers could be reached\n\n` : '')
      if (!bind) ctx.err(`;; connection timed out; no servers could be reached\n\n`)
      return { code: 1, ms }
    }
    ctx.out(out + `** server can't find ${name}: ${r.error}\n\n`)
    return { code: 1, ms }
  }
  const fq = r.name.replace(/\.$/, '')
  if (r.cname) out += `${fq}\tcanonical name = ${r.cname}\n`
  for (const a of r.addresses) out += `Name:\t${r.cname ?? fq}\nAddress: ${a}\n`
  ctx.out(out + '\n')
  return { code: 0, ms }
}

interface Url { host: string; port: number; path: string; scheme: string }

function parseUrl(raw: string): Url | undefined {
  const m = /^(?:([a-z]+):\/\/)?([^/:?#\s]+)(?::(\d+))?([^\s]*)$/i.exec(raw)
  if (!m) return undefined
  const scheme = (m[1] ?? 'http').toLowerCase()
  return { scheme, host: m[2], port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] || '/' }
}

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
}

/** Name → IP through the pod's resolver (IPs and localhost pass through). */
function lookupHost(ctx: Ctx, host: string): { ip?: string; ms: number } {
  if (isIp(host)) return { ip: host, ms: 0 }
  if (host === 'localhost') return { ip: '127.0.0.1', ms: 0 }
  const r = podNetwork().resolve(ctx.host.c, origin(ctx), host)
  return r.ok && r.addresses.length ? { ip: r.addresses[0], ms: r.latencyMs } : { ms: r.latencyMs }
}

const wget: Command = (ctx) => {
  const args = ctx.argv.slice(1)
  let quiet = false
  let outFile: string | undefined
  let spider = false
  let timeoutMs: number | undefined
  let url: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--spider') spider = true
    else if (a.startsWith('--timeout=')) timeoutMs = Number(a.slice(10)) * 1000
    else if (a === '--quiet') quiet = true
    else if (a.startsWith('--output-document=')) outFile = a.slice(18)
    else if (/^-[a-zA-Z]/.test(a)) {
      // Clustered short options: -qO- , -qO file, -T 5, -O-
      for (let j = 1; j < a.length; j++) {
        const f = a[j]
        if (f === 'q') quiet = true
        else if (f === 'O' || f === 'T' || f === 'U' || f === 'Y' || f === 'P' || f === 'o') {
          const v = a.slice(j + 1) || args[++i]
          if (f === 'O') outFile = v
          if (f === 'T') timeoutMs = Number(v) * 1000
          break
        }
      }
    } else url = a
  }
  if (!url) { ctx.err('BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n'); return { code: 1 } }
  const u = parseUrl(url)
  if (!u) { ctx.err(`wget: bad address '${url}'\n`); return { code: 1 } }
  const h = lookupHost(ctx, u.host)
  let ms = h.ms
  if (!h.ip) { ctx.err(`wget: bad address '${u.host}'\n`); return { code: 1, ms } }
  if (!quiet) ctx.err(`Connecting to ${u.host}${u.host === h.ip && !isIp(u.host) ? '' : ''} (${h.ip}:${u.port})\n`)
  const res = podNetwork().http(ctx.host.c, origin(ctx), `http://${h.ip}:${u.port}${u.path}`, { timeoutMs })
  ms += res.latencyMs
  if (!res.ok) {
    if (res.error === 'timeout' && timeoutMs !== undefined) ctx.err('wget: download timed out\n')
    else {
      const why = res.error === 'refused' ? 'Connection refused' : res.error === 'timeout' ? 'Connection timed out' : 'Host is unreachable'
      ctx.err(`wget: can't connect to remote host (${h.ip}): ${why}\n`)
    }
    return { code: 1, ms }
  }
  if (res.status === 0) { ctx.err('wget: error getting response: Connection reset by peer\n'); return { code: 1, ms } }
  if (res.status >= 400) {
    ctx.err(`wget: server returned error: HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}`.trimEnd() + '\n')
    return { code: 1, ms }
  }
  if (spider) {
    if (!quiet && !oldBusybox(ctx)) ctx.err('remote file exists\n')
    return { code: 0, ms }
  }
  const target = outFile ?? (u.path.split('?')[0].split('/').pop() || 'index.html')
  if (target !== '-' && outFile === undefined && target in ctx.st.files) {
    ctx.err(`wget: can't open '${target}': File exists\n`)
    return { code: 1, ms }
  }
  // busybox ≥ 1.29 announces the destination: "saving to 'f'" / "writing to stdout".
  if (!quiet && !oldBusybox(ctx)) ctx.err(target === '-' ? 'writing to stdout\n' : `saving to '${target}'\n`)
  if (target === '-') ctx.out(res.body)
  else ctx.st.files[target] = res.body
  if (!quiet) {
    ctx.err(`${target.padEnd(20)} 100% |${'*'.repeat(31)}| ${String(res.body.length).padStart(5)}  0:00:00 ETA\n`)
    if (!oldBusybox(ctx)) ctx.err(target === '-' ? 'written to stdout\n' : `'${target}' saved\n`)
  }
  return { code: 0, ms }
}

const curl: Command = (ctx) => {
  const args = ctx.argv.slice(1)
  let silent = false
  let showError = false
  let head = false
  let fail = false
  let outFile: string | undefined
  let timeoutMs: number | undefined
  let writeOut: string | undefined
  let url: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--silent') silent = true
    else if (a === '--head') head = true
    else if (a === '--fail') fail = true
    else if (a === '--max-time' || a === '--connect-timeout') timeoutMs = Number(args[++i]) * 1000
    else if (a === '--output') outFile = args[++i]
    else if (a === '--write-out') writeOut = args[++i]
    else if (a.startsWith('--')) { if (['--header', '--data', '--request', '--user-agent'].includes(a)) i++ }
    else if (/^-[a-zA-Z]/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]
        if (f === 's') silent = true
        else if (f === 'S') showError = true
        else if (f === 'I') head = true
        else if (f === 'f') fail = true
        else if ('omwXHdAu'.includes(f)) {
          const v = a.slice(j + 1) || args[++i]
          if (f === 'o') outFile = v
          if (f === 'm') timeoutMs = Number(v) * 1000
          if (f === 'w') writeOut = v
          break
        }
      }
    } else url = a
  }
  const errOut = (code: number, msg: string, ms: number) => {
    if (!silent || showError) ctx.err(`curl: (${code}) ${msg}\n`)
    return { code, ms }
  }
  if (!url) { ctx.err("curl: try 'curl --help' or 'curl --manual' for more information\n"); return { code: 2 } }
  const u = parseUrl(url)
  if (!u) return errOut(3, 'URL rejected: Malformed input to a URL function', 0)
  const h = lookupHost(ctx, u.host)
  let ms = h.ms
  if (!h.ip) return errOut(6, `Could not resolve host: ${u.host}`, ms)
  const res = podNetwork().http(ctx.host.c, origin(ctx), `http://${h.ip}:${u.port}${u.path}`, { timeoutMs, method: head ? 'HEAD' : 'GET' })
  ms += res.latencyMs
  if (!res.ok) {
    if (res.error === 'timeout') return errOut(28, timeoutMs !== undefined ? `Connection timed out after ${res.latencyMs} milliseconds` : `Failed to connect to ${u.host} port ${u.port} after ${res.latencyMs} ms: Couldn't connect to server`, ms)
    return errOut(7, `Failed to connect to ${u.host} port ${u.port} after ${res.latencyMs} ms: Couldn't connect to server`, ms)
  }
  if (res.status === 0) return errOut(52, 'Empty reply from server', ms)
  if (fail && res.status >= 400) return errOut(22, `The requested URL returned error: ${res.status}`, ms)
  const text = head
    ? `HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}\r\nContent-Type: text/html\r\nContent-Length: ${res.body.length}\r\n\r\n`
    : res.body
  if (outFile && outFile !== '-') ctx.st.files[outFile] = text
  else ctx.out(text)
  if (writeOut) ctx.out(writeOut.replace(/%\{http_code\}/g, String(res.status)).replace(/%\{size_download\}/g, String(res.body.length)).replace(/\\n/g, '\n'))
  return { code: 0, ms }
}

/** busybox nc -z [-v] [-w SEC] HOST PORT */
const nc: Command = (ctx) => {
  const args = ctx.argv.slice(1)
  let verbose = false
  let timeoutMs: number | undefined
  const pos: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes('v')) verbose = true
      if (a.endsWith('w')) timeoutMs = Number(args[++i]) * 1000
    } else if (/^-w\d+$/.test(a)) timeoutMs = Number(a.slice(2)) * 1000
    else pos.push(a)
  }
  const [host, portText] = pos
  if (!host || !portText) { ctx.err('BusyBox v1.36.1 multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n'); return { code: 1 } }
  const h = lookupHost(ctx, host)
  let ms = h.ms
  if (!h.ip) { ctx.err(`nc: bad address '${host}'\n`); return { code: 1, ms } }
  const port = Number(portText)
  const r = podNetwork().tcp(ctx.host.c, origin(ctx), h.ip, port, { timeoutMs })
  ms += r.latencyMs
  if (r.ok) {
    if (verbose) ctx.err(`${host} (${h.ip}:${port}) open\n`)
    return { code: 0, ms }
  }
  if (verbose || r.error !== 'timeout') {
    const why = r.error === 'refused' ? 'Connection refused' : r.error === 'timeout' ? 'Connection timed out' : 'Host is unreachable'
    ctx.err(`nc: ${host} (${h.ip}:${port}): ${why}\n`)
  }
  return { code: 1, ms }
}

export const NET: Record<string, Command> = { nslookup, wget, curl, nc }

// Startup log lines of the catalog's server images, with timestamps in each program's own format.
import { civil, unixMs } from '../../sim/time'

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const p = (n: number, w = 2) => String(n).padStart(w, '0')

/** nginx error_log time: 2025/03/01 09:00:05 */
function nginxTime(now: number): string {
  const t = civil(unixMs(now))
  return `${t.year}/${p(t.month)}/${p(t.day)} ${p(t.hour)}:${p(t.minute)}:${p(t.second)}`
}

/** redis serverLogRaw: 01 Mar 2025 09:00:05.123 */
function redisTime(now: number): string {
  const t = civil(unixMs(now))
  return `${p(t.day)} ${MON[t.month - 1]} ${t.year} ${p(t.hour)}:${p(t.minute)}:${p(t.second)}.${p(t.ms, 3)}`
}

/** Tomcat JULI OneLineFormatter: 01-Mar-2025 09:00:05.123 */
function tomcatTime(now: number): string {
  const t = civil(unixMs(now))
  return `${p(t.day)}-${MON[t.month - 1]}-${t.year} ${p(t.hour)}:${p(t.minute)}:${p(t.second)}.${p(t.ms, 3)}`
}

function isoMicro(now: number): string {
  const t = civil(unixMs(now))
  return `${t.year}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}:${p(t.second)}.${p(t.ms, 3)}000Z`
}

export function nginxLogs(version: string, now: number): string[] {
  // nginx < 1.19 had no entrypoint script and logs nothing at startup (error_log notices go to a file).
  const [maj, min] = version.split('.').map(Number)
  if (maj === 1 && min < 19) return []
  const ts = nginxTime(now)
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${ts} [notice] 1#1: using the "epoll" event method`,
    `${ts} [notice] 1#1: nginx/${version}`,
    `${ts} [notice] 1#1: OS: Linux 5.15.0-105-generic`,
    `${ts} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${ts} [notice] 1#1: start worker processes`,
    `${ts} [notice] 1#1: start worker process 29`,
  ]
}

export function redisLogs(version: string, now: number): string[] {
  const ts = redisTime(now)
  return [
    `1:C ${ts} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${ts} # Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${ts} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
    `1:M ${ts} * Running mode=standalone, port=6379.`,
    `1:M ${ts} # Server initialized`,
    `1:M ${ts} * Ready to accept connections`,
  ]
}

export function mysqlLogs(version: string, now: number): string[] {
  const ts = isoMicro(now)
  return [
    `${ts.slice(0, 19)}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server ${version}-1.el8 started.`,
    `${ts.slice(0, 19)}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'`,
    `${ts} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${version}) starting as process 1`,
    `${ts} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
  ]
}

export function postgresLogs(version: string, now: number): string[] {
  const t = civil(unixMs(now))
  const ts = `${t.year}-${p(t.month)}-${p(t.day)} ${p(t.hour)}:${p(t.minute)}:${p(t.second)}.${p(t.ms, 3)} UTC`
  return [
    `${ts} [1] LOG:  starting PostgreSQL ${version} on x86_64-pc-linux-gnu`,
    `${ts} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${ts} [1] LOG:  database system is ready to accept connections`,
  ]
}

export function tomcatLogs(version: string, startupMs: number, now: number): string[] {
  const ts = tomcatTime(now)
  return [
    `${ts} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Server version:        Apache Tomcat/${version}`,
    `${ts} INFO [main] org.apache.coyote.AbstractProtocol.init Initializing ProtocolHandler ["http-nio-8080"]`,
    `${ts} INFO [main] org.apache.catalina.core.StandardService.startInternal Starting service Catalina`,
    `${ts} INFO [main] org.apache.coyote.AbstractProtocol.start Starting ProtocolHandler ["http-nio-8080"]`,
    `${ts} INFO [main] org.apache.catalina.startup.Catalina.start Server startup in ${startupMs} ms`,
  ]
}

export function httpdLogs(version: string, now: number): string[] {
  const t = civil(unixMs(now))
  const ts = `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][t.weekday]} ${MON[t.month - 1]} ${p(t.day)} ${p(t.hour)}:${p(t.minute)}:${p(t.second)}.${p(t.ms, 3)}000 ${t.year}`
  return [
    'AH00558: httpd: Could not reliably determine the server\'s fully qualified domain name, using 10.244.0.1. Set the \'ServerName\' directive globally to suppress this message',
    `[${ts}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`,
    `[${ts}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
  ]
}

// Container log files are rotated by the kubelet (containerLogMaxSize 10Mi); the simulation keeps
// the last LOG_CAP characters of each container instance, cut at a line boundary.
export const LOG_CAP = 64 * 1024

export function appendLog(log: string, text: string): string {
  const out = log + text
  if (out.length <= LOG_CAP) return out
  const cut = out.length - LOG_CAP
  const nl = out.indexOf('\n', cut)
  return nl >= 0 ? out.slice(nl + 1) : out.slice(cut)
}

/** The last `n` lines (kubectl logs --tail). */
export function tailLines(log: string, n: number): string {
  if (n < 0) return log
  const lines = log.split('\n')
  const trailing = lines[lines.length - 1] === '' ? lines.pop() : undefined
  const kept = n === 0 ? [] : lines.slice(-n)
  return kept.join('\n') + (trailing !== undefined && kept.length ? '\n' : '')
}

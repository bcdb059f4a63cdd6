import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDuration, parseScript } from '../../src/script/parse'
import { ScriptError } from '../../src/script/types'

function parseError(src: string, file = 'script.sh'): ScriptError {
  try {
    parseScript(src, file)
  } catch (e) {
    if (e instanceof ScriptError) return e
    throw e
  }
  throw new Error('expected a parse error')
}

describe('parseScript', () => {
  it('reads the header, commands and expectations', () => {
    const s = parseScript(['# podflow: seed=7 workers=3 network=host-gw cpu=4 memory=8Gi', '# a comment', '', 'kubectl get pods', '#> NAME   READY', '#>', '#> ...', 'sleep 5'].join('\n'))
    expect(s.header).toEqual({ seed: 7, workers: 3, network: 'host-gw', cpu: '4', memory: '8Gi' })
    expect(s.commands).toHaveLength(2)
    expect(s.commands[0]).toMatchObject({ line: 4, program: 'kubectl', args: ['get', 'pods'], expect: [' NAME   READY', '', ' ...'], expectLines: [5, 6, 7] })
    expect(s.commands[1]).toMatchObject({ line: 8, program: 'sleep', args: ['5'], expect: [] })
  })

  it('defaults to an empty header', () => {
    expect(parseScript('kubectl get nodes').header).toEqual({})
  })

  it('handles quotes, escapes and line continuations', () => {
    const s = parseScript(`kubectl exec p -- sh -c 'echo "hi there"' "a \\"b\\" \\x" c\\ d \\\n  --tty\nkubectl get pods # trailing comment`)
    expect(s.commands[0].args).toEqual(['exec', 'p', '--', 'sh', '-c', 'echo "hi there"', 'a "b" \\x', 'c d', '--tty'])
    expect(s.commands[0].line).toBe(1)
    expect(s.commands[1]).toMatchObject({ line: 3, args: ['get', 'pods'] })
  })

  it('keeps words with = and jsonpath braces', () => {
    const s = parseScript(`kubectl get pods -o jsonpath='{.items[*].metadata.name}' --selector=app=web`)
    expect(s.commands[0].args).toEqual(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}', '--selector=app=web'])
  })

  it('attaches heredocs (quoted, unquoted, <<-) to the command', () => {
    const s = parseScript(["kubectl apply -f - <<'EOF'", 'a: 1', '  b: "x"', 'EOF', '#> created', 'kubectl apply -f - <<EOF', 'c: 2', 'EOF', 'kubectl apply -f - <<-END', '\tkind: Pod', '\tEND', 'kubectl get pods'].join('\n'))
    expect(s.commands).toHaveLength(4)
    expect(s.commands[0]).toMatchObject({ args: ['apply', '-f', '-'], stdin: 'a: 1\n  b: "x"\n', expect: [' created'], expectLines: [5] })
    expect(s.commands[1].stdin).toBe('c: 2\n')
    expect(s.commands[2].stdin).toBe('kind: Pod\n')
    expect(s.commands[3].line).toBe(12)
  })

  it('parses pipes into grep/head/tail/wc', () => {
    const s = parseScript(['kubectl get pods | grep -ci running', 'kubectl describe pod x | grep -A 3 -B1 -E "a|b" | head -n 2', 'kubectl get pods | tail -3 | wc -l', 'kubectl get pods | grep -e -x -v', 'kubectl logs p | head -5 | tail -n +2'].join('\n'))
    expect(s.commands[0].filters).toEqual([{ kind: 'grep', pattern: 'running', count: true, ignoreCase: true, invert: false, extended: false, fixed: false, word: false, after: 0, before: 0 }])
    expect(s.commands[1].filters[0]).toMatchObject({ pattern: 'a|b', extended: true, after: 3, before: 1 })
    expect(s.commands[1].filters[1]).toEqual({ kind: 'head', n: 2 })
    expect(s.commands[2].filters).toEqual([{ kind: 'tail', n: 3 }, { kind: 'wc-l' }])
    expect(s.commands[3].filters[0]).toMatchObject({ pattern: '-x', invert: true })
    expect(s.commands[4].filters).toEqual([{ kind: 'head', n: 5 }, { kind: 'tail', n: 0, from: 2 }])
  })

  it('parses every golden script', () => {
    const dir = join(__dirname, '../golden')
    const files = readdirSync(dir).filter((f) => f.endsWith('.sh'))
    expect(files.length).toBeGreaterThan(5)
    for (const f of files) {
      const s = parseScript(readFileSync(join(dir, f), 'utf8'), f)
      expect(s.commands.length).toBeGreaterThan(0)
      expect(s.header.seed).toBeTypeOf('number')
    }
  })
})

describe('parse errors name the line', () => {
  it('rejects unsupported commands', () => {
    const e = parseError('kubectl get pods\n\n# c\ncurl localhost', 'x.sh')
    expect(e.message).toBe('x.sh:4: unsupported command "curl" (scenario scripts run kubectl, podflow, sleep and pipes into grep/head/tail/wc)')
    expect(e.line).toBe(4)
    expect(parseError('cd /tmp').line).toBe(1)
    expect(parseError('kubectl get pods | sort').message).toContain('unsupported command "sort"')
  })

  it('rejects shell syntax outside the subset', () => {
    expect(parseError('kubectl get pods; kubectl get svc').message).toMatch(/^script.sh:1: unsupported shell syntax ";"/)
    expect(parseError('kubectl get pods && echo').message).toContain('"&&"')
    expect(parseError('kubectl get pods > out.txt').message).toContain('">"')
    expect(parseError('\nkubectl get pod $POD').message).toMatch(/^script.sh:2: shell variables/)
    expect(parseError('kubectl get pods || true').message).toContain('"||"')
  })

  it('reports unterminated quotes and heredocs at their start', () => {
    expect(parseError("sleep 1\nkubectl exec p -- sh -c 'echo\nmore").message).toBe('script.sh:2: unterminated single quote')
    expect(parseError('kubectl exec p -- "a').message).toBe('script.sh:1: unterminated double quote')
    expect(parseError("sleep 1\n\nkubectl apply -f - <<'EOF'\nkind: Pod\n EOF").message).toBe('script.sh:3: unterminated heredoc: no line "EOF" after it')
  })

  it('rejects bad headers, sleeps and filters', () => {
    expect(parseError('# podflow: seed=x').message).toBe('script.sh:1: header seed must be a non-negative integer, got "x"')
    expect(parseError('# podflow: network=calico').message).toContain('network must be one of vxlan, host-gw, udp')
    expect(parseError('# podflow: color=red').message).toContain('unknown header key "color"')
    expect(parseError('kubectl get pods\n# podflow: seed=1').line).toBe(2)
    expect(parseError('sleep').message).toContain('sleep: missing duration')
    expect(parseError('sleep 5x').message).toContain('sleep: invalid duration "5x"')
    expect(parseError('sleep 5 | grep x').message).toContain('sleep takes no pipes')
    expect(parseError('kubectl get pods | grep').message).toContain('grep: missing pattern')
    expect(parseError('kubectl get pods | grep -q x').message).toContain('unsupported option -q')
    expect(parseError('kubectl get pods | grep -A x y').message).toContain('invalid -A argument')
    expect(parseError('kubectl get pods | head -n x').message).toContain('head: invalid number of lines')
    expect(parseError('kubectl get pods | wc -c').message).toContain('only `wc -l`')
    expect(parseError('kubectl get pods | grep "a[" ').message).toContain('grep: Unmatched [')
    expect(parseError('kubectl get pods |').message).toContain('empty command in a pipeline')
    expect(parseError('#> x\nkubectl get pods').message).toBe('script.sh:1: expectation `#>` before any command')
    expect(parseError('kubectl get pods | grep x <<EOF\nEOF').message).toContain('heredoc may only feed the first command')
  })
})

describe('parseDuration', () => {
  it('accepts seconds, suffixes and fractions', () => {
    expect(parseDuration('5')).toBe(5000)
    expect(parseDuration('5s')).toBe(5000)
    expect(parseDuration('1.5')).toBe(1500)
    expect(parseDuration('.5')).toBe(500)
    expect(parseDuration('2m')).toBe(120_000)
    expect(parseDuration('1h')).toBe(3_600_000)
    expect(parseDuration('-1')).toBeUndefined()
    expect(parseDuration('1ms')).toBeUndefined()
    expect(parseDuration('')).toBeUndefined()
  })
})

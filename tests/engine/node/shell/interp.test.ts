import { describe, expect, test } from 'vitest'
import { bareCluster, image, recorder, runToEnd, sh } from './host'

function run(script: string, img = 'busybox:1.28') {
  const c = bareCluster()
  const r = recorder(c)
  const res = sh(c, r, script, img)
  return { ...res, out: r.text(), stdout: r.stdout(), stderr: r.stderr(), c }
}

describe('shell model', () => {
  test('sequences, && and ||, exit status of the last command', () => {
    const r = run('echo a; false && echo no; false || echo yes; true')
    expect(r.out).toBe('a\nyes\n')
    expect(r.step).toEqual({ kind: 'exit', code: 0 })
    expect(run('echo x; false').step).toEqual({ kind: 'exit', code: 1 })
  })

  test('exit N stops the script; $? holds the last status', () => {
    const r = run('false; echo "status=$?"; exit 3; echo never')
    expect(r.out).toBe('status=1\n')
    expect(r.step).toEqual({ kind: 'exit', code: 3 })
  })

  test('variables, braces, defaults, quoting and field splitting', () => {
    const r = run(`X="a  b"; echo $X; echo "$X"; echo \${X}c; echo \${NOPE:-def}; echo '$X'; for w in $X; do echo "[$w]"; done`)
    expect(r.out).toBe('a b\na  b\na bc\ndef\n$X\n[a]\n[b]\n')
  })

  test('environment variables from the container are visible', () => {
    expect(run('echo $HOSTNAME').out).toBe('demo\n')
  })

  test('if/elif/else and test operators', () => {
    const r = run('n=5; if [ $n -lt 3 ]; then echo small; elif [ $n -eq 5 ]; then echo five; else echo big; fi; [ -z "" ] && echo empty; test a = b || echo differ')
    expect(r.out).toBe('five\nempty\ndiffer\n')
  })

  test('while and until loops with arithmetic, break and continue', () => {
    expect(run('i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done').out).toBe('1\n2\n3\n')
    expect(run('i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i').out).toBe('2\n')
    expect(run('for i in 1 2 3 4; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done').out).toBe('1\n3\n')
  })

  test('pipes feed the left output to the right', () => {
    expect(run('printf "a\\nb\\nab\\n" | grep a | wc -l').out).toBe('2\n')
    expect(run('echo hello | cat').out).toBe('hello\n')
    expect(run('echo x | grep -q y').step).toEqual({ kind: 'exit', code: 1 })
    expect(run('! false').step).toEqual({ kind: 'exit', code: 0 })
  })

  test('command substitution and groups', () => {
    expect(run('echo "host=$(hostname)"; { echo g1; echo g2; } | wc -l').out).toBe('host=demo\n2\n')
    expect(run('X=1; (X=2; echo $X); echo $X').out).toBe('2\n1\n')
  })

  test('redirections to files, append, /dev/null and 2>&1', () => {
    const r = run('echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; cat /nope 2>/dev/null; echo $?; cat /nope 2>&1 | grep -c open')
    expect(r.out).toBe('one\ntwo\n1\n1\n')
  })

  test('stderr and stdout are separate streams', () => {
    const r = run('echo out; cat /missing')
    expect(r.stdout).toBe('out\n')
    expect(r.stderr).toBe("cat: can't open '/missing': No such file or directory\n")
  })

  test('read consumes piped input', () => {
    expect(run('echo "a b c" | while read x rest; do echo "$x|$rest"; done').out).toBe('a|b c\n')
  })

  test('syntax errors exit 2 with an ash message', () => {
    const r = run('if true; then echo')
    expect(r.step).toEqual({ kind: 'exit', code: 2 })
    expect(r.stderr).toBe('sh: syntax error: unexpected end of file (expecting "fi")\n')
  })

  test('missing tools: sh: X: not found, exit 127 (dash adds the line number)', () => {
    const r = run('curl localhost; echo $?')
    expect(r.stderr).toBe('sh: curl: not found\n')
    expect(r.stdout).toBe('127\n')
    expect(run('curl x', 'nginx:1.25').stderr).toBe('sh: 1: curl: not found\n')
  })

  test('sleep advances simulated time (suffixes and fractions add up)', () => {
    const r = run('sleep 1.5; sleep 1m; date +%T')
    expect(r.out).toBe('09:01:01\n')
    expect(run('sleep abc').stderr).toBe("sleep: invalid number 'abc'\n")
  })

  test('every command costs time: an endless loop yields instead of spinning', () => {
    const c = bareCluster()
    const rec = recorder(c)
    const res = sh(c, rec, 'while true; do echo tick > /dev/null; done', 'busybox:1.28', { maxMs: 1000 })
    expect(res.step.kind).toBe('wait')
    expect(res.waits).toBeGreaterThan(10)
    expect(c.now).toBeGreaterThan(900)
  })

  test('resumable: JSON round-trips between waits give the same output as an uninterrupted run', () => {
    const script = 'i=0; while [ $i -lt 4 ]; do i=$((i+1)); echo "tick $i $(date +%S)" | tee -a /tmp/log; sleep 1; done; X=$(cat /tmp/log | wc -l); echo "lines=$X"; exit 4'
    const a = bareCluster()
    const ra = recorder(a)
    const resA = sh(a, ra, script, 'busybox:1.28')
    const b = bareCluster()
    const rb = recorder(b)
    const resB = sh(b, rb, script, 'busybox:1.28', { roundTrip: true })
    expect(resA.waits).toBeGreaterThan(3)
    expect(rb.text()).toBe(ra.text())
    expect(resB.step).toEqual({ kind: 'exit', code: 4 })
    expect(ra.text()).toContain('tick 4 03\n')
    expect(ra.text()).toContain('lines=4\n')
  })
})

describe('more shell constructs', () => {
  test('case with globs, alternatives and a default', () => {
    const script = 'for x in web-1 db apple zzz; do case $x in web-*) echo "web $x";; db|cache) echo store;; [a-c]*) echo abc;; *) echo other;; esac; done'
    expect(run(script).out).toBe('web web-1\nstore\nabc\nother\n')
    expect(run('case x in y) echo no;; esac; echo $?').out).toBe('0\n')
  })

  test('exec replaces the shell: the script ends with the command', () => {
    const r = run('exec false; echo never')
    expect(r.out).toBe('')
    expect(r.step).toEqual({ kind: 'exit', code: 1 })
  })

  test('hostname -i prints the pod IP', () => {
    expect(run('hostname -i').out).toBe('10.244.1.9\n')
  })

  test('bad arithmetic and unknown test operators fail with status 2', () => {
    expect(run('echo $((1+)); echo $?').out).toBe('sh: arithmetic syntax error\n2\n')
    expect(run('[ 1 -foo 2 ]; echo $?').out).toBe('sh: -foo: unknown operand\n2\n')
  })
})

describe('here-documents', () => {
  test('unquoted delimiter expands; quoted does not; <<- strips tabs', () => {
    const script = 'NAME=web\ncat <<EOF > /tmp/conf\nserver $NAME\nport $((40+40))\nEOF\ncat /tmp/conf\ncat <<\'RAW\'\n$NAME stays\nRAW\ncat <<-END\n\tindented\n\tEND\necho done'
    expect(run(script).out).toBe('server web\nport 80\n$NAME stays\nindented\ndone\n')
  })
})

describe('keep-alive idioms', () => {
  test('tail -f /dev/null and sleep infinity block (busybox 1.28 rejects infinity)', () => {
    const c = bareCluster()
    const r1 = sh(c, recorder(c), 'tail -f /dev/null', 'busybox:1.36', { maxMs: 60_000 })
    expect(r1.step.kind).toBe('wait')
    const r2 = sh(c, recorder(c), 'sleep infinity', 'ubuntu', { maxMs: 60_000 })
    expect(r2.step.kind).toBe('wait')
    expect(run('sleep infinity').stderr).toBe("sleep: invalid number 'infinity'\n")
  })
})

describe('set -e and set -x', () => {
  test('errexit stops at the first failing command, but not in conditions', () => {
    const r = run('set -e; if false; then :; fi; false || echo handled; false && echo no; echo before; cat /nope; echo after')
    expect(r.stdout).toBe('handled\nbefore\n')
    expect(r.step).toEqual({ kind: 'exit', code: 1 })
  })

  test('sh -ec sets errexit; -x traces commands on stderr', () => {
    const c = bareCluster()
    const rec = recorder(c)
    const res = runToEnd(c, rec, image('busybox'), ['sh', '-exc', 'echo hi; false; echo never'])
    expect(res.step).toEqual({ kind: 'exit', code: 1 })
    expect(rec.stderr()).toBe('+ echo hi\n+ false\n')
    expect(rec.stdout()).toBe('hi\n')
  })
})

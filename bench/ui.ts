// Browser budgets (DESIGN.md): U2 packet/activity motion causes 0 React commits, U5 first
// meaningful paint of the default cluster ≤ 1 s from a local static server, U7 initial JS ≤ 250
// KiB gzip. Builds the app, serves dist/ and drives Debian's Chromium with playwright-core.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser } from 'playwright-core'
import { build } from 'vite'
import { serveStatic } from '../tests/browser/static-server'
import { CHROMIUM } from '../tests/browser/browser'

export interface UiResult {
  id: string
  value: number
  unit: string
  budget: number
  ratio: number
  note?: string
}

const round = (x: number, d = 3) => Number(x.toFixed(d))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** The scripts index.html loads before anything runs: the entry and its modulepreloads. */
function initialScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const out = new Set<string>()
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) out.add(m[1])
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) out.add(m[1])
  return [...out]
}

function u7(dist: string): UiResult {
  const files = initialScripts(dist)
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0)
  const all = readFileSync(join(dist, 'index.html'), 'utf8') && files.length
  const kib = gz / 1024
  return { id: 'U7', value: round(kib, 1), unit: 'KiB gzip', budget: 250, ratio: round(250 / kib), note: `${all} initial script(s); the cluster chunk loads right after the first paint` }
}

async function u5(browser: Browser, url: string): Promise<UiResult> {
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await ctx.newPage()
    await page.goto(url)
    // Meaningful: the three nodes and the demo's pods are drawn.
    const t = await page.waitForFunction(() => document.querySelectorAll('[data-testid="node"]').length >= 3 && document.querySelectorAll('[data-testid="pod"]').length >= 3 && performance.now(), undefined, { timeout: 20_000, polling: 'raf' })
    times.push(Number(await t.jsonValue()))
    await ctx.close()
  }
  const ms = median(times.slice(1))
  return { id: 'U5', value: round(ms, 1), unit: 'ms', budget: 1000, ratio: round(1000 / ms), note: `median of 4 cold loads (after one warm-up) of ${times.map((x) => Math.round(x)).join(', ')} ms` }
}

async function u2(browser: Browser, url: string): Promise<UiResult> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await ctx.newPage()
  await page.goto(url)
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="pod"]').length >= 3, undefined, { timeout: 20_000 })
  await page.locator('[data-testid="view-control-plane"]').click()
  type Stats = { renders: number; frames: number; drawn: number }
  const read = () => page.evaluate(() => ({ ...(window as unknown as { __podflowOverlay: Stats }).__podflowOverlay }))
  // Motion: scale the demo up so the control plane is busy for a while (requests, watches).
  await page.waitForTimeout(300)
  const before = await read()
  await page.evaluate(() => (window as unknown as { podflow: { getState(): { runKubectl(l: string): Promise<unknown> } } }).podflow.getState().runKubectl('kubectl scale deployment web --replicas=8'))
  await page.waitForTimeout(3000)
  const after = await read()
  await ctx.close()
  const renders = after.renders - before.renders
  const drawn = after.drawn - before.drawn
  const note = `${after.frames - before.frames} overlay frames drew ${drawn} moving items in 3 s; overlay renders: ${renders}`
  if (drawn === 0) return { id: 'U2', value: renders, unit: 'commits', budget: 0, ratio: 0, note: `no motion was drawn; ${note}` }
  return { id: 'U2', value: renders, unit: 'commits', budget: 0, ratio: renders === 0 ? 1 : 0, note }
}

export async function uiBenchmarks(): Promise<UiResult[]> {
  await build({ logLevel: 'error', configLoader: 'runner' })
  const results = [u7('dist')]
  const { server, url } = await serveStatic('dist')
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
  try {
    results.push(await u5(browser, url))
    results.push(await u2(browser, url))
  } finally {
    await browser.close()
    server.close()
  }
  return results
}

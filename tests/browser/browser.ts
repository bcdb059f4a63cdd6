// Debian's Chromium driven by playwright-core (never a downloaded browser), with the flags that
// keep it off the network. Each test gets a fresh profile; screenshots go to test-results/.
import { mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
export const SHOTS = 'test-results/screenshots'

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
}

/** A new page with its own storage; `errors` collects uncaught page errors. */
export async function openApp(browser: Browser, url: string, opts: { width?: number; height?: number; reducedMotion?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 }, reducedMotion: opts.reducedMotion ? 'reduce' : 'no-preference' })
  const page = await ctx.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(url)
  return { page, errors }
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true })
  const path = `${SHOTS}/${name}.png`
  await page.screenshot({ path })
  return path
}

/** Sim time shown by the app (ms), read from the store the app exposes on window. */
export function simNow(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { podflow: { getState(): { viewTime: number } } }).podflow.getState().viewTime)
}

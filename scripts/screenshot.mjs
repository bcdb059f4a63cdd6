// Takes the README screenshots of the app in Debian's Chromium (never a downloaded browser).
// Run `npm run build` first. Usage: node scripts/screenshot.mjs [docs-dir]
import { spawn } from 'node:child_process'
import { chromium } from 'playwright-core'

const dir = process.argv[2] ?? 'docs'
const server = spawn('npx', ['vite', 'preview', '--configLoader', 'runner', '--port', '4179', '--strictPort'], { stdio: 'ignore' })
try {
  await new Promise((r) => setTimeout(r, 2500))
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
  await page.addInitScript(() => localStorage.setItem('podflow.hint.dismissed', '1'))
  await page.goto('http://localhost:4179/')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="pod"][data-status="Running"]').length >= 3, undefined, { timeout: 30_000 })
  // An init-container pod from the gallery, seen mid-way (Init:0/1), with the inspector open on it.
  await page.locator('[data-testid="create"]').selectOption('init-pod')
  await page.locator('[data-testid="pod"][data-pod="default/init-demo"]').waitFor()
  await page.waitForTimeout(4000)
  await page.locator('[data-testid="pod"][data-pod="default/init-demo"]').click()
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${dir}/app.png` })
  await page.locator('[data-testid="view-control-plane"]').click()
  await page.evaluate(() => window.podflow.getState().runKubectl('kubectl scale deployment web --replicas=5'))
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${dir}/control-plane.png` })
  await browser.close()
  console.log(`wrote ${dir}/app.png and ${dir}/control-plane.png`)
} finally {
  server.kill()
}

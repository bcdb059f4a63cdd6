// Takes the README screenshot of the engine page in Debian's Chromium (never a downloaded
// browser): builds nothing itself — run `npm run build` first. Usage: node scripts/screenshot.mjs [out.png]
import { spawn } from 'node:child_process'
import { chromium } from 'playwright-core'

const out = process.argv[2] ?? 'docs/engine-page.png'
const server = spawn('npx', ['vite', 'preview', '--port', '4179', '--strictPort'], { stdio: 'ignore' })
try {
  await new Promise((r) => setTimeout(r, 2500))
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
  await page.goto('http://localhost:4179/')
  const run = async (cmd) => {
    await page.fill('input[aria-label="kubectl command"]', cmd)
    await page.getByRole('button', { name: 'Run', exact: true }).click()
  }
  await run('kubectl create deployment web --image=nginx:1.25 --replicas=3')
  await page.getByRole('button', { name: '20×' }).click()
  await page.waitForTimeout(2500)
  await run('kubectl get deploy,rs,pods -o wide')
  await page.waitForTimeout(500)
  await page.screenshot({ path: out })
  await browser.close()
  console.log(`wrote ${out}`)
} finally {
  server.kill()
}

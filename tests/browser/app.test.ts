// The browser app end to end: the built app in Debian's Chromium. Each test saves a screenshot
// under test-results/screenshots/.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launch, openApp, shot, simNow } from './browser'

let browser: Browser
const url = () => inject('baseUrl')

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const pods = (page: Page, prefix: string) => page.locator(`[data-testid="pod"][data-pod^="default/${prefix}"]`)

/** Runs a kubectl line through the store, as the terminal will (issue 7). */
async function kubectl(page: Page, line: string, stdin?: string): Promise<string> {
  return page.evaluate(async ([l, s]) => {
    const store = (window as unknown as { podflow: { getState(): { runKubectl(l: string, s?: string): Promise<{ output: string }> } } }).podflow
    return (await store.getState().runKubectl(l as string, s ?? undefined)).output
  }, [line, stdin ?? null] as const)
}

async function ready(page: Page) {
  await page.locator('[data-testid="node"][data-node="worker-1"]').waitFor()
  await expect.poll(() => pods(page, 'web-').count(), { timeout: 30_000 }).toBe(3)
}

async function dismissHint(page: Page) {
  const hint = page.locator('[data-testid="hint"] button')
  if (await hint.count()) await hint.click()
}

describe('the browser app', () => {
  it('renders the default cluster: control plane, two workers, system pods and the demo app', async () => {
    const { page, errors } = await openApp(browser, url())
    await ready(page)
    await expect.poll(() => page.locator('[data-testid="component"]').count()).toBeGreaterThanOrEqual(4)
    expect(await page.locator('[data-testid="node"]').count()).toBe(3)
    await expect.poll(() => page.locator('[data-testid="service"][data-service="default/web"]').textContent(), { timeout: 30_000 }).toMatch(/3 endpoints/)
    await expect.poll(() => pods(page, 'web-').evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))), { timeout: 30_000 }).toEqual(['Running', 'Running', 'Running'])
    await shot(page, 'default-cluster')
    expect(errors).toEqual([])
  })

  it('deleting a managed pod from the context menu shows a replacement', async () => {
    const { page, errors } = await openApp(browser, url())
    await ready(page)
    await dismissHint(page)
    const victim = pods(page, 'web-').first()
    const name = (await victim.getAttribute('data-pod')) as string
    await victim.click({ button: 'right' })
    await page.locator('[data-testid="context-menu"]').waitFor()
    await shot(page, 'context-menu')
    await page.getByRole('menuitem', { name: /Delete pod/ }).click()
    await page.evaluate(() => (window as unknown as { podflow: { getState(): { setSpeed(x: number): void } } }).podflow.getState().setSpeed(10))
    await expect.poll(async () => (await pods(page, 'web-').evaluateAll((els) => els.map((e) => e.getAttribute('data-pod')))).includes(name), { timeout: 60_000 }).toBe(false)
    await expect.poll(() => pods(page, 'web-').count(), { timeout: 30_000 }).toBe(3)
    await shot(page, 'replacement')
    expect(errors).toEqual([])
  })

  it('a pod that fits nowhere waits in the Pending lane with the scheduler reason', async () => {
    const { page } = await openApp(browser, url())
    await ready(page)
    await kubectl(page, 'kubectl apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: huge\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: "16"\n')
    const lane = page.locator('[data-testid="pending-lane"]')
    await lane.waitFor({ timeout: 30_000 })
    const huge = page.locator('[data-testid="pod"][data-pod="default/huge"]')
    await expect.poll(() => huge.textContent(), { timeout: 30_000 }).toMatch(/Insufficient cpu/)
    await huge.click()
    await shot(page, 'pending-reason')
  })

  it('pause, step and rewind move the sim time and the graph', async () => {
    const { page } = await openApp(browser, url())
    await ready(page)
    await dismissHint(page)
    await page.keyboard.press('Space')
    await expect.poll(() => page.locator('[data-testid="play"]').textContent()).toMatch(/Play/)
    const t0 = await simNow(page)
    await page.waitForTimeout(500)
    expect(await simNow(page)).toBe(t0)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => simNow(page)).toBeGreaterThan(t0)
    // Create a pod, let time run, then rewind to before it existed: it leaves the graph.
    const before = await simNow(page)
    await kubectl(page, 'kubectl run probe --image=nginx:1.27')
    await page.locator('[data-testid="step-event"]').click()
    await page.locator('[data-testid="pod"][data-pod="default/probe"]').waitFor()
    await page.evaluate((t) => (window as unknown as { podflow: { getState(): { stepBy(ms: number): Promise<void> } } }).podflow.getState().stepBy(t), 10_000)
    await page.evaluate((t) => (window as unknown as { podflow: { getState(): { seek(ms: number): Promise<void> } } }).podflow.getState().seek(t), before - 1)
    await expect.poll(() => page.locator('[data-testid="pod"][data-pod="default/probe"]').count(), { timeout: 30_000 }).toBe(0)
    expect(await simNow(page)).toBeLessThan(before)
    await expect.poll(() => page.locator('[data-testid="go-live"]').isVisible()).toBe(true)
    await shot(page, 'rewound')
  })

  it('a reload keeps the run, and a share link restores it elsewhere', async () => {
    const { page } = await openApp(browser, url())
    await ready(page)
    await kubectl(page, 'kubectl run keeper --image=nginx:1.27')
    await page.locator('[data-testid="pod"][data-pod="default/keeper"]').waitFor({ timeout: 30_000 })
    await page.reload()
    await page.locator('[data-testid="pod"][data-pod="default/keeper"]').waitFor({ timeout: 30_000 })
    await page.locator('[data-testid="share"]').click()
    const shared = await page.evaluate(() => (window as unknown as { podflow: { getState(): { shareUrl(b: string): string } } }).podflow.getState().shareUrl(location.href.split('#')[0]))
    expect(shared).toMatch(/#run=/)
    const other = await openApp(browser, shared)
    await other.page.locator('[data-testid="pod"][data-pod="default/keeper"]').waitFor({ timeout: 30_000 })
    await shot(other.page, 'shared-link')
    // A hostile link: a clear message and the default cluster, never a blank page.
    const bad = await openApp(browser, `${url()}#run=%%%garbage`)
    await bad.page.locator('[data-testid="notice"]').waitFor({ timeout: 30_000 })
    await ready(bad.page)
    await shot(bad.page, 'bad-link')
  })

  it('switching to 简体中文 changes the labels, and it is remembered', async () => {
    const { page } = await openApp(browser, url())
    await ready(page)
    await page.locator('[data-testid="language"]').selectOption('zh')
    await expect.poll(() => page.locator('[data-testid="view-workloads"]').textContent()).toBe('工作负载')
    await shot(page, 'zh')
    await page.reload()
    await expect.poll(() => page.locator('[data-testid="view-workloads"]').textContent(), { timeout: 30_000 }).toBe('工作负载')
  })
})

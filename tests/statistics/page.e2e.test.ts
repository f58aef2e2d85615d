/**
 * The statistics page in real Chromium after a scripted day of conversations: signed in with
 * the keyboard only, the figures and the funnel are the right ones, counts under five show as
 * <5, the CSV carries exactly what the page shows, axe (WCAG 2.1 A/AA) finds nothing, on a
 * desktop and on a 360 px phone. Screenshots go to test-artifacts/.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { listen, Listening } from '../channels/helpers';
import type { TestRuntime } from '../handoff/runtime';
import { DAY_PLAN, runScriptedDay } from './scriptedDay';
import { DEMO_STATISTICS, statisticsRuntime } from './runtime';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const describeE2e = fs.existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;

type Cells = Map<string, string>; // "table|row|column" → text

async function pageCells(page: Page): Promise<Cells> {
  const entries = await page.$$eval('table[data-table] tbody tr[data-row] td[data-column]', (tds) =>
    tds.map((td) => {
      const table = td.closest('table')!.getAttribute('data-table')!;
      const row = td.closest('tr')!.getAttribute('data-row')!;
      return [`${table}|${row}|${td.getAttribute('data-column')}`, (td.textContent ?? '').trim()] as [string, string];
    }),
  );
  return new Map(entries);
}

function csvCells(csv: string): Cells {
  const cells: Cells = new Map();
  for (const line of csv.split('\r\n').slice(2).filter(Boolean)) {
    // Ids never hold commas or quotes, so a plain split is exact here.
    const [table, row, column, value] = line.split(',');
    cells.set(`${table}|${row}|${column}`, value === '' ? '–' : value);
  }
  return cells;
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describeE2e('statistics page in Chromium after a scripted day', () => {
  jest.setTimeout(180000);
  let rt: TestRuntime;
  let server: Listening;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    rt = statisticsRuntime();
    await runScriptedDay(rt);
    server = await listen(rt);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rt?.close();
  });

  it('signs in with the keyboard only; the sign-in page passes axe', async () => {
    await page.goto(`${server.url}/statistics?lang=en`);
    expect(await axe(page)).toEqual([]);
    // Tab order: skip link, the three languages, then the user name field.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('username');
    await page.keyboard.type(DEMO_STATISTICS.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_STATISTICS.password);
    await Promise.all([page.waitForURL(/\/statistics\?lang=en$/), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: 'Where residents drop off: dialogs' }).waitFor();
  });

  it('shows the right figures, suppresses counts under five, and the funnel of each dialog', async () => {
    const cells = await pageCells(page);
    const today = [...cells.keys()].filter((k) => k.startsWith('started|')).map((k) => k.split('|')[1]).sort().pop()!;
    const fiStarts = DAY_PLAN.youthRoutes + DAY_PLAN.dropAtWho + DAY_PLAN.crisis + DAY_PLAN.personal + DAY_PLAN.handoffAccepted + DAY_PLAN.handoffUnavailable;
    expect(cells.get(`started|${today}|fi`)).toBe(String(fiStarts));
    expect(cells.get(`started|${today}|sv`)).toBe('<5');
    expect(cells.get(`started|${today}|total`)).toBe(String(fiStarts + DAY_PLAN.swedishFamily));
    expect(cells.get('routesByService|demo-youth-mental-substance|count')).toBe('6');
    expect(cells.get('routesByService|demo-maternity-clinic|count')).toBe('<5');
    expect(cells.get(`routesByDay|${today}|mental-health`)).toBe('6');
    expect(cells.get('topicsByLanguage|mental-health|fi')).toBe('6');
    expect(cells.get('topicsByLanguage|family-centre|sv')).toBe('<5');
    expect(cells.get(`crisis|${today}|crisis`)).toBe('<5');
    expect(cells.get('handoffs|demo-general-guidance|requested')).toBe('7');
    expect(cells.get('handoffs|demo-general-guidance|accepted')).toBe('5');
    expect(cells.get('handoffs|demo-general-guidance|unavailable')).toBe('<5');
    expect(cells.get('feedback|route:mental-health|yes')).toBe('6');
    expect(cells.get('feedback|route:mental-health|yesShare')).toBe('100');
    expect(cells.get('feedback|handoff:other|yes')).toBe('5');
    // The funnel: 11 reached "who", 5 left there; everyone who answered went on.
    expect(cells.get('funnel:mental-health|who|reached')).toBe('11');
    expect(cells.get('funnel:mental-health|who|left')).toBe('5');
    expect(cells.get('funnel:mental-health|who|leftShare')).toBe('45.5');
    expect(cells.get('funnel:mental-health|young-how|reached')).toBe('6');
    expect(cells.get('funnel:mental-health|young-how|left')).toBe('0');
    // Nothing from 1 to 4 anywhere on the page.
    for (const [key, text] of cells) expect(`${key}=${text}`).not.toMatch(/=[1-4]$/);
    const graph = page.getByRole('img', { name: 'Flow of the dialog mental-health with figures per question' });
    await expect(graph.locator('text', { hasText: 'reached 11 · left 5' }).count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'statistics-page.png'), fullPage: true });
  });

  it('the CSV export holds exactly the figures the page shows', async () => {
    const csvLink = page.getByRole('link', { name: 'Download CSV' });
    const href = await csvLink.getAttribute('href');
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    const csv = await res.text();
    fs.writeFileSync(path.join(ARTIFACTS, 'statistics.csv'), csv);
    expect(csvCells(csv)).toEqual(await pageCells(page));
  });

  it('passes axe signed in, on a desktop and on a 360 px phone; the tables scroll by keyboard', async () => {
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'statistics-page-phone.png') });
    // Every scrolling region can take focus, so a keyboard can scroll it.
    const regions = await page.$$eval('.table-wrap, .graph-wrap', (els) => els.map((e) => e.getAttribute('tabindex')));
    expect(regions.every((t) => t === '0')).toBe(true);
  });

  it('Swedish and Finnish texts', async () => {
    await page.goto(`${server.url}/statistics?lang=sv`);
    // Same markup as the English page axe checked; the texts and the document language change.
    await page.getByRole('heading', { name: 'Var invånarna faller bort: dialoger' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.goto(`${server.url}/statistics?lang=fi`);
    await page.getByRole('heading', { name: 'Missä asukkaat jäävät pois: dialogit' }).waitFor();
  });
});

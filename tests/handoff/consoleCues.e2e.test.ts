/**
 * The console's sound-free cues in real Chromium: someone starts waiting → a visible banner, the
 * count in the tab title and an assertive screen-reader announcement; the time waited counts on
 * (the page's clock is moved forward, no sleeping); the resident leaving or pressing "End and
 * delete" ends the open chat with a clear notice and the message box disabled. axe-clean.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';
import { listen, Listening } from '../channels/helpers';
import { GENERAL, SUMMARY } from './helpers';
import { DEMO_COUNSELLOR, handoffRuntime, TestRuntime } from './runtime';

const CHROMIUM = '/usr/bin/chromium';
const describeE2e = fs.existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describeE2e('console cues in Chromium', () => {
  jest.setTimeout(90000);
  let rt: TestRuntime;
  let server: Listening;
  let browser: Browser;
  beforeAll(async () => {
    rt = handoffRuntime({ redis: false });
    server = await listen(rt);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rt?.close();
  });

  it('alerts when someone starts waiting, counts the wait on, and shows the resident leaving', async () => {
    const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 360, height: 800 } });
    const desk = await context.newPage();
    await desk.clock.install();
    await desk.goto(`${server.url}/counsellor`);
    await desk.getByLabel('Käyttäjätunnus').fill(DEMO_COUNSELLOR.username);
    await desk.getByLabel('Salasana').fill(DEMO_COUNSELLOR.password);
    await desk.keyboard.press('Enter');
    await desk.locator('body[data-live="true"]').waitFor();
    await desk.getByLabel('Tila', { exact: true }).selectOption('online');
    await desk.getByLabel('Yleinen asiakasohjaus').check();
    await desk.getByRole('button', { name: 'Tallenna tila' }).click();
    await desk.getByRole('status').filter({ hasText: 'Tila tallennettu.' }).waitFor();
    await desk.locator('#waiting-empty:not([hidden])').waitFor();
    expect(await desk.locator('#waiting-alert').isHidden()).toBe(true);

    // A resident starts waiting: banner, title count, assertive announcement, the card marked.
    const first = 'conv-cues-1';
    await rt.handoff.service.request({ conversationId: first, queueId: GENERAL, lang: 'fi', summary: SUMMARY });
    await desk.locator('#waiting-alert:not([hidden])', { hasText: 'Uusi asukas odottaa: mental-health (Yleinen asiakasohjaus).' }).waitFor();
    await desk.locator('#alerter[role="alert"]', { hasText: 'Uusi asukas odottaa' }).waitFor();
    expect(await desk.title()).toBe('(1) Ohjaajan työpöytä – Opastin');
    const card = desk.locator(`#waiting-list li.new[data-conversation="${first}"]`);
    await card.waitFor();
    expect(await axeViolations(desk)).toEqual([]);

    // The time waited counts on by itself (before: "0 s" until something else refreshed the list).
    const waited = card.locator('dd[data-waited]');
    expect(await waited.innerText()).toMatch(/^\d s$/);
    await desk.clock.fastForward('02:05');
    await desk.locator(`#waiting-list li[data-conversation="${first}"] dd[data-waited]`, { hasText: '2 min' }).waitFor();

    await desk.getByRole('button', { name: 'Kuittaa' }).click();
    expect(await desk.locator('#waiting-alert').isHidden()).toBe(true);
    expect(await desk.title()).toBe('Ohjaajan työpöytä – Opastin');

    // Accepted, then the resident leaves: the chat stays readable with a notice; typing is off.
    await card.getByRole('button', { name: 'Ota keskustelu' }).click();
    await desk.locator('#conv:not([hidden])').waitFor();
    expect(await rt.handoff.service.cancel(first)).toMatchObject({ status: 'ended' });
    await desk.locator('#conv-ended:not([hidden])', { hasText: 'Asukas lopetti keskustelun. Viestisi eivät enää mene perille.' }).waitFor();
    await desk.locator('#alerter', { hasText: 'Asukas lopetti keskustelun' }).waitFor();
    expect(await desk.getByLabel('Viesti asukkaalle').isDisabled()).toBe(true);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.getByRole('button', { name: 'Sulje keskustelu' }).click();
    await desk.locator('#no-conv:not([hidden])').waitFor();

    // "End and delete" in the resident's chat: the console says so.
    const second = 'conv-cues-2';
    await rt.handoff.service.request({ conversationId: second, queueId: GENERAL, lang: 'sv', summary: SUMMARY });
    const next = desk.locator(`#waiting-list li[data-conversation="${second}"]`);
    await next.getByRole('button', { name: 'Ota keskustelu' }).click();
    await desk.locator('#conv:not([hidden])').waitFor();
    await rt.handoff.service.residentDeleted(second);
    await desk.locator('#conv-ended:not([hidden])', { hasText: 'Asukas lopetti keskustelun ja poisti sen.' }).waitFor();
    expect(await desk.getByLabel('Viesti asukkaalle').isDisabled()).toBe(true);

    // A new chat opens usable again.
    const third = 'conv-cues-3';
    await rt.handoff.service.request({ conversationId: third, queueId: GENERAL, lang: 'en', summary: SUMMARY });
    await desk.locator(`#waiting-list li[data-conversation="${third}"]`).getByRole('button', { name: 'Ota keskustelu' }).click();
    await desk.locator('#conv-ended[hidden]').waitFor({ state: 'attached' });
    expect(await desk.getByLabel('Viesti asukkaalle').isDisabled()).toBe(false);
    await context.close();
  });
});

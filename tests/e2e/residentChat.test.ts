/**
 * Our own resident chat client (the default page) in real headless Chromium against our server
 * with Redis state: a conversation to a route in fi/sv/en on a 360×740 phone and on desktop
 * (first question visible without scrolling, tap-to-call links, axe), keyboard only, quick exit
 * by button and by Esc (page replaced, conversation deleted on the server), the server stopped
 * and started again (offline state with crisis numbers, then the conversation resumes), a
 * counsellor's messages and typing, 200 % and 400 % zoom, and bytes to the first bot message.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { measureFirstMessage } from '../../bench/client.bench';
import { dlRuntime, eventually } from '../channels/helpers';
import { ARTIFACTS, describeE2e, launch, RestartableServer, WCAG_TAGS } from './support';

const NEUTRAL = 'https://neutral.example/';
type Lang = 'fi' | 'sv' | 'en';
const ROUTE: Record<Lang, string[]> = {
  fi: ['Mieli ja jaksaminen', 'Omastani', '18–29', 'Haluan tavata työntekijän'],
  sv: ['Psykiskt mående och ork', 'Mitt eget', '18–29', 'Jag vill träffa en anställd'],
  en: ['Mental wellbeing and coping', 'My own', '18–29', 'Meet a professional'],
};
const CRISIS_CHOICE: Record<Lang, string> = { fi: 'Kriisi tai hätä nyt', sv: 'Kris eller nödsituation just nu', en: 'A crisis or emergency now' };
const START: Record<Lang, RegExp> = { fi: /^Aloita keskustelu$/, sv: /^Starta samtalet$/, en: /^Start the chat$/ };
const END: Record<Lang, string> = { fi: 'Lopeta ja poista', sv: 'Avsluta och radera', en: 'End and delete' };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

describeE2e('our resident chat client in Chromium', () => {
  jest.setTimeout(60000);
  const runtime = dlRuntime({ redis: true, env: { CHAT_QUICK_EXIT_URL: NEUTRAL, CHAT_TOKEN_RATE_LIMIT: '1000' } });
  const server = new RestartableServer(runtime);
  let browser: Browser;
  const metrics: Record<string, unknown> = {};

  beforeAll(async () => {
    await server.start();
    browser = await launch();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    fs.writeFileSync(path.join(ARTIFACTS, 'client-metrics.json'), JSON.stringify(metrics, null, 2));
    console.log('resident chat client metrics', metrics);
    await browser?.close();
    await server.stop();
    await runtime.close();
  });

  const keysOf = (conversationId: string) => runtime.redis!.keys(`*${conversationId}*`);

  async function open(lang: Lang, options: Parameters<Browser['newContext']>[0] = DESKTOP, b: Browser = browser): Promise<{ context: BrowserContext; page: Page }> {
    const context = await b.newContext({ locale: `${lang}-FI`, ...options });
    await context.route(`${NEUTRAL}**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Sää</title><p>Sää tänään</p>' }));
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=${lang}`);
    return { context, page };
  }

  /** Taps start; returns the conversation id once the greeting and the first question show. */
  async function start(page: Page, lang: Lang): Promise<string> {
    const token = page.waitForResponse((r) => r.url().endsWith('/api/chat/token'));
    await page.getByRole('button', { name: START[lang] }).click();
    const body = (await (await token).json()) as { conversationId: string };
    await page.locator('#choices .choice').first().waitFor();
    return body.conversationId;
  }

  const bots = (page: Page) => page.locator('#transcript .msg.bot');
  async function choose(page: Page, label: string): Promise<void> {
    const before = await bots(page).count();
    const choices = page.locator('#choices');
    if ((await choices.getByRole('button', { name: label, exact: true }).count()) === 0) await choices.locator('.more').click();
    await choices.getByRole('button', { name: label, exact: true }).click();
    await page.waitForFunction((n) => document.querySelectorAll('#transcript .msg.bot').length > n, before);
  }
  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it.each([
    ['fi', 'phone'], ['sv', 'phone'], ['en', 'phone'], ['fi', 'desktop'], ['sv', 'desktop'], ['en', 'desktop'],
  ] as [Lang, 'phone' | 'desktop'][])('%s on a %s: a conversation to a route with tap-to-call links; axe clean', async (lang, device) => {
    const { context, page } = await open(lang, device === 'phone' ? PHONE : DESKTOP);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    // No "End and delete" before there is a conversation; nothing stored before accepting.
    expect(await page.getByRole('button', { name: END[lang] }).isVisible()).toBe(false);
    const conversationId = await start(page, lang);

    if (device === 'phone') {
      // The greeting's question is whole on screen, above the choices, with no page scrolling.
      const fits = await page.evaluate(() => {
        const all = document.querySelectorAll('#transcript .msg.bot');
        const question = all[all.length - 1].getBoundingClientRect();
        const box = document.getElementById('transcript-scroll')!.getBoundingClientRect();
        const firstChoice = document.querySelector('#choices .choice')!.getBoundingClientRect();
        return { inBox: question.top >= box.top - 1 && question.bottom <= box.bottom + 1, aboveChoices: question.bottom <= firstChoice.top, pageScrolls: document.documentElement.scrollHeight > window.innerHeight + 1 };
      });
      expect(fits).toEqual({ inBox: true, aboveChoices: true, pageScrolls: false });
      expect(await page.locator('#choices .choice').count()).toBeLessThanOrEqual(5);
      expect(await page.locator('#choices .more').count()).toBe(1);
      // The crisis choice is never behind "more".
      expect(await page.locator('#choices').getByRole('button', { name: CRISIS_CHOICE[lang], exact: true }).isVisible()).toBe(true);
      if (lang === 'fi') await page.screenshot({ path: path.join(ARTIFACTS, 'client-phone-first-question.png') });
    }
    for (const label of ROUTE[lang]) await choose(page, label);

    const card = page.locator('#transcript .card').first();
    await card.waitFor();
    const tel = await card.locator('a[href^="tel:"]').first().getAttribute('href');
    expect(tel).toMatch(/^tel:\+?\d{3,15}$/);
    expect(await card.locator('.example-mark').count()).toBe(1);
    // Web links carry a readable label, not the raw address run into the next sentence.
    const web = card.locator('a[href^="http"]').first();
    if (await web.count()) expect(await web.innerText()).not.toMatch(/^https?:/);
    expect(await page.getByRole('button', { name: END[lang] }).isVisible()).toBe(true);
    expect(await noHorizontalScroll(page)).toBe(true);
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    if (device === 'phone' && lang === 'fi') await page.screenshot({ path: path.join(ARTIFACTS, 'client-phone-route.png') });

    if (lang === 'en' && device === 'desktop') {
      // "Save these answers": copy and download, made in the browser.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.getByRole('button', { name: 'Save these answers' }).click();
      await page.getByRole('button', { name: 'Copy', exact: true }).click();
      await page.locator('#save-status', { hasText: 'Copied' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(await card.locator('.card-title').innerText());
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download as a file' }).click();
      expect((await download).suggestedFilename()).toBe('opastin-services.txt');
    }

    expect((await keysOf(conversationId)).length).toBeGreaterThan(0);
    await page.getByRole('button', { name: END[lang] }).click();
    await page.locator('#ended').waitFor();
    expect(await keysOf(conversationId)).toEqual([]);
    expect(await page.getByRole('button', { name: END[lang] }).isVisible()).toBe(false);
    await context.close();
  });

  it('works with the keyboard alone: start, choices, focus after each choice, end and delete', async () => {
    const { context, page } = await open('fi');
    for (let i = 0; i < 15 && !(await page.evaluate(() => document.activeElement?.id === 'start')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
    await page.keyboard.press('Enter');
    await page.locator('#choices .choice').first().waitFor();
    // Focus lands on the first choice, so Enter answers.
    await page.waitForFunction(() => document.activeElement?.classList.contains('choice'));
    const before = await bots(page).count();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('#transcript .msg.bot').length > n, before);
    await page.waitForFunction(() => document.activeElement?.classList.contains('choice'));
    // Typing works too, and the input is reachable by Tab.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.id === 'input')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('input');
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.id === 'end')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('end');
    await page.keyboard.press('Enter');
    await page.locator('#status', { hasText: 'poistettu' }).waitFor();
    await context.close();
  });

  it.each(['button', 'Esc'])('quick exit by %s: the page is replaced, nothing stays in the browser, the server deletes the conversation', async (how) => {
    const { context, page } = await open('fi', PHONE);
    const conversationId = await start(page, 'fi');
    await choose(page, 'Mieli ja jaksaminen');
    expect((await keysOf(conversationId)).length).toBeGreaterThan(0);
    if (how === 'button') await page.getByRole('button', { name: 'Poistu nopeasti' }).click();
    else await page.keyboard.press('Escape');
    await page.waitForURL(NEUTRAL);
    expect(await page.title()).toBe('Sää');
    await eventually(async () => (await keysOf(conversationId)).length === 0);
    // Back on the chat page in the same tab: nothing is resumed.
    await page.goto(`${server.url}/?lang=fi`);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.locator('#privacy').isVisible()).toBe(true);
    await context.close();
  });

  it('server stopped: offline with 112 and the crisis line; server back: the conversation resumes', async () => {
    const { context, page } = await open('fi', PHONE);
    const conversationId = await start(page, 'fi');
    await server.stop();
    // Whatever fails below, the server comes back: the later tests share it.
    let restarted = false;
    const restart = async () => {
      if (!restarted) await server.start();
      restarted = true;
    };
    try {
      const offline = page.locator('#conn.conn-offline');
      await offline.waitFor({ timeout: 15000 });
      expect(await offline.locator('a[href="tel:112"]').count()).toBe(1);
      expect(await offline.locator('a[href="tel:+358925250111"]').count()).toBe(1);
      await page.screenshot({ path: path.join(ARTIFACTS, 'client-phone-offline.png') });
      // Typed while offline: kept, marked, sent when the connection is back.
      await page.locator('#input').fill('Mieli ja jaksaminen');
      await page.locator('#input').press('Enter');
      await page.locator('.msg.user .msg-note').waitFor();
      // Meanwhile a counsellor writes; it must arrive after the break (watermark resume).
      await runtime.directLine.channel.postToConversation(conversationId, { text: 'Viesti katkon aikana', from: { id: 'counsellor', name: 'Maija Virtanen' } });
      const before = await bots(page).count();
      await restart();
      await page.locator('#conn.conn-offline').waitFor({ state: 'detached', timeout: 30000 });
      await page.locator('.msg.counsellor', { hasText: 'Viesti katkon aikana' }).waitFor({ timeout: 30000 });
      await page.waitForFunction((n) => document.querySelectorAll('#transcript .msg.bot').length > n, before, { timeout: 30000 });
      expect(await page.locator('.msg.user .msg-note').count()).toBe(0);
    } finally {
      await restart();
      await context.close();
    }
  }, 150000);

  it('a counsellor is visibly a counsellor (role and first name), typing shows both ways; a crisis message is announced assertively', async () => {
    const { context, page } = await open('fi');
    const conversationId = await start(page, 'fi');
    const channel = runtime.directLine.channel;
    await channel.postToConversation(conversationId, { type: 'typing', from: { id: 'counsellor', name: 'Maija Virtanen' } });
    await page.locator('#typing', { hasText: 'Ohjaaja Maija kirjoittaa' }).waitFor();
    await channel.postToConversation(conversationId, { text: 'Hei, olen ohjaaja.', from: { id: 'counsellor', name: 'Maija Virtanen' } });
    const msg = page.locator('.msg.counsellor');
    await msg.waitFor();
    expect(await msg.locator('.msg-from').innerText()).toBe('Ohjaaja Maija:');
    expect(await page.locator('#live-polite').innerText()).toContain('Hei, olen ohjaaja.');
    // The resident's typing reaches the server as a typing activity.
    await page.locator('#input').pressSequentially('mo');
    await eventually(async () => (await channel.store.read(conversationId, null)).activities.some((a) => a.type === 'typing' && a.from?.role === 'user'));
    await page.locator('#input').fill('haluan kuolla');
    await page.locator('#input').press('Enter');
    await page.locator('.msg.crisis').waitFor();
    expect(await page.locator('.msg.crisis a[href="tel:112"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#live-assertive').innerText()).toMatch(/112/);
    await context.close();
  });

  it.each([2, 4])('at %i00 %% zoom of a 1280×720 window: the conversation reflows without horizontal scrolling', async (zoom) => {
    // 200 %: a real scaled window. 400 %: headless Chromium will not make a window narrower than
    // 500 px, so the same scale is set on the page instead (320×180 CSS px at 4 device px each).
    const zoomed = zoom === 2 ? await launch(zoom) : browser;
    try {
        const { context, page } = await open('fi', zoom === 2 ? { viewport: null } : { viewport: { width: 320, height: 180 }, deviceScaleFactor: 4 }, zoomed);
        expect(await page.evaluate(() => [window.innerWidth, window.devicePixelRatio])).toEqual([1280 / zoom, zoom]);
        expect(await noHorizontalScroll(page)).toBe(true);
        await start(page, 'fi');
        for (const label of ROUTE.fi) await choose(page, label);
        await page.locator('#transcript .card').first().waitFor();
        expect(await noHorizontalScroll(page)).toBe(true);
        // The input and End and delete can be reached (the page scrolls vertically only).
        await page.locator('#input').scrollIntoViewIfNeeded();
        expect(await page.locator('#input').isVisible()).toBe(true);
        if (zoom === 4) await page.screenshot({ path: path.join(ARTIFACTS, 'client-zoom-400.png') });
        await context.close();
    } finally {
      if (zoomed !== browser) await zoomed.close();
    }
  });

  it('bytes on the wire to the first bot message on Fast-3G: ours and Web Chat side by side (timings logged)', async () => {
    const ours = await measureFirstMessage(browser, server.url, 'opastin');
    const webchat = await measureFirstMessage(browser, server.url, 'webchat');
    metrics.firstMessage = { ours, webchat };
    expect(ours.bytes).toBeLessThanOrEqual(100 * 1024);
    expect(ours.bytes).toBeLessThan(webchat.bytes);
  }, 90000);
});

/**
 * The handoff end to end in real Chromium: two server processes on one Redis (two runtimes on
 * two ports), the resident's chat page on B and the counsellor console on A, in two browser
 * contexts. Request → queue → accept → messages both ways → transfer → accept again → end back
 * to the bot → the resident gets the feedback question. axe (WCAG 2.1 A/AA) on the console.
 *
 * The resident asks for a person by typing "haluan puhua ihmisen kanssa" in the chat, and their
 * messages reach the counsellor through the bot.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { listen, Listening } from '../channels/helpers';
import { uniquePrefix } from '../support/redisTest';
import { FAMILY } from './helpers';
import { DEMO_COUNSELLOR, handoffRuntime, TestRuntime } from './runtime';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const haveChromium = fs.existsSync(CHROMIUM);
const describeE2e = haveChromium || process.env.CI ? describe : describe.skip;
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';
const SENDBOX = 'input[data-id="webchat-sendbox-input"]';

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describeE2e('handoff in Chromium: resident page on one process, console on another', () => {
  jest.setTimeout(90000);
  const prefix = uniquePrefix('handoff-e2e');
  let a: TestRuntime;
  let b: TestRuntime;
  let serverA: Listening;
  let serverB: Listening;
  let browser: Browser;

  beforeAll(async () => {
    a = handoffRuntime({ prefix });
    b = handoffRuntime({ prefix });
    serverA = await listen(a);
    serverB = await listen(b);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await serverA?.close();
    await serverB?.close();
    await a?.close();
    await b?.close();
  });

  it('request, queue, accept, both ways, transfer, end with feedback; console axe-clean and CSP-clean', async () => {
    // ---- the counsellor signs in on A ----
    const consoleContext = await browser.newContext({ locale: 'fi-FI', viewport: { width: 1280, height: 1000 } });
    const desk = await consoleContext.newPage();
    await desk.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await desk.goto(`${serverA.url}/counsellor`);
    expect(await desk.getAttribute('html', 'lang')).toBe('fi');
    await desk.getByRole('heading', { level: 1, name: 'Ohjaajan työpöytä' }).waitFor();
    expect(await axeViolations(desk)).toEqual([]);
    await desk.getByLabel('Käyttäjätunnus').fill(DEMO_COUNSELLOR.username);
    await desk.getByLabel('Salasana').fill('väärä-salasana');
    await desk.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
    await desk.getByRole('alert').filter({ hasText: 'väärin' }).waitFor();
    await desk.getByLabel('Salasana').fill(DEMO_COUNSELLOR.password);
    await desk.keyboard.press('Enter');
    await desk.locator('#whoami', { hasText: 'Ohjaaja Aino' }).waitFor();
    await desk.locator('body[data-live="true"]').waitFor();

    // Online for general guidance and family counselling (keyboard: the form is usable without a mouse).
    await desk.getByLabel('Tila', { exact: true }).selectOption('online');
    await desk.getByLabel('Yleinen asiakasohjaus').check();
    await desk.getByLabel('Perheneuvonta').check();
    await desk.getByRole('button', { name: 'Tallenna tila' }).click();
    await desk.getByRole('status').filter({ hasText: 'Tila tallennettu.' }).waitFor();

    // ---- the resident opens the chat on B ----
    const residentContext = await browser.newContext({ locale: 'fi-FI' });
    const chat = await residentContext.newPage();
    await chat.goto(`${serverB.url}/?client=webchat`); // Web Chat selectors below
    const tokenResponse = chat.waitForResponse((r) => r.url().endsWith('/api/chat/token'));
    await chat.getByRole('button', { name: /Aloita keskustelu/ }).click();
    const conversationId = ((await (await tokenResponse).json()) as { conversationId: string }).conversationId;
    await chat.locator(SENDBOX).waitFor();
    // The resident answers one question, then asks for a person in their own words.
    await chat.getByRole('toolbar').getByRole('button', { name: 'Mieli ja jaksaminen' }).click();
    await chat.getByRole('toolbar').getByRole('button', { name: 'Omastani' }).click();
    await chat.locator(BOT_BUBBLE, { hasText: 'Minkä ikäinen olet' }).waitFor();
    await chat.locator(SENDBOX).fill('haluan puhua ihmisen kanssa');
    await chat.locator(SENDBOX).press('Enter');
    // What the counsellor will see is shown first; nothing is queued before "send".
    await chat.locator(BOT_BUBBLE, { hasText: 'Työntekijä näkee tämän' }).waitFor();
    expect(await b.handoff.service.statusOf(conversationId)).toMatchObject({ status: 'none' });
    await chat.getByRole('toolbar').getByRole('button', { name: 'Lähetä ja jonota' }).click();
    await chat.locator(BOT_BUBBLE, { hasText: 'Voit jatkaa keskustelua Opastimen kanssa' }).waitFor();
    expect(await b.handoff.service.statusOf(conversationId)).toMatchObject({ status: 'queued', position: 1 });
    await chat.locator(BOT_BUBBLE, { hasText: 'Paikkasi jonossa: 1' }).waitFor();

    // ---- the console sees it waiting, with summary and language; accepts ----
    const card = desk.locator(`#waiting-list li[data-conversation="${conversationId}"]`);
    await card.waitFor();
    // The topic in words, queued with the topic's own team.
    expect(await card.innerText()).toMatch(/Mieli ja jaksaminen[\s\S]*Mielenterveys- ja päihdeneuvonta[\s\S]*fi[\s\S]*Kenen mielen hyvinvoinnista on kyse\?[\s\S]*Omastani/);
    expect(await axeViolations(desk)).toEqual([]);
    await card.getByRole('button', { name: 'Ota keskustelu' }).click();
    await desk.locator('#conv:not([hidden])').waitFor();
    await chat.locator(BOT_BUBBLE, { hasText: 'liittyi keskusteluun' }).waitFor();

    // ---- counsellor → resident (a canned reply, then own words, sent with Enter) ----
    await desk.getByLabel('Valmis vastaus').selectOption({ label: 'Tervehdys' });
    await desk.getByRole('button', { name: 'Lisää viestiin' }).click();
    await desk.getByLabel('Viesti asukkaalle').press('Enter');
    await chat.locator(BOT_BUBBLE, { hasText: 'Olen hyvinvointialueen työntekijä' }).waitFor();
    await desk.getByLabel('Viesti asukkaalle').fill('Kerro lisää, <b>kuuntelen</b>.');
    await desk.getByLabel('Viesti asukkaalle').press('Enter');
    await chat.locator(BOT_BUBBLE, { hasText: 'Kerro lisää, <b>kuuntelen</b>.' }).waitFor();
    expect(await chat.locator(`${BOT_BUBBLE} b`).count()).toBe(0); // plain text, never HTML

    // ---- resident → counsellor (handled on B, shown live on A through Redis pub/sub) ----
    // Typing in the chat on B: Web Chat's typing indicator, passed on by the bot.
    await chat.locator(SENDBOX).pressSequentially('Minulla on ollut raskasta.');
    await desk.locator('#typing', { hasText: 'Asukas kirjoittaa' }).waitFor();
    // Sent: the bot relays it to the counsellor instead of answering itself.
    await chat.locator(SENDBOX).fill('Minulla on ollut raskasta.');
    await chat.locator(SENDBOX).press('Enter');
    await desk.getByRole('log').getByText('Minulla on ollut raskasta.').waitFor();

    // A private note: on the console, never in the chat.
    await desk.getByLabel('Muistiinpano', { exact: true }).fill('Soittopyyntö huomenna?');
    await desk.getByRole('button', { name: 'Tallenna muistiinpano' }).click();
    await desk.locator('#notes li', { hasText: 'Soittopyyntö huomenna?' }).waitFor();
    // A reload brings the open conversation back, history and notes included.
    await desk.reload();
    await desk.locator('body[data-live="true"]').waitFor();
    await desk.getByRole('log').getByText('Minulla on ollut raskasta.').waitFor();
    await desk.locator('#notes li', { hasText: 'Soittopyyntö huomenna?' }).waitFor();
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: path.join(ARTIFACTS, 'counsellor-console.png'), fullPage: true }).catch(() => undefined);

    // ---- transfer to family counselling: waiting again there, accepted again ----
    await desk.getByLabel('Siirrä jonoon').selectOption(FAMILY);
    await desk.getByRole('button', { name: 'Siirrä', exact: true }).click();
    await desk.locator('#announcer', { hasText: 'siirrettiin' }).waitFor();
    await chat.locator(BOT_BUBBLE, { hasText: 'Perheneuvonta' }).waitFor();
    expect(await b.handoff.service.statusOf(conversationId)).toMatchObject({ status: 'queued', queueId: FAMILY, position: 1 });
    const again = desk.locator(`#waiting-list li[data-conversation="${conversationId}"]`);
    await again.getByRole('button', { name: 'Ota keskustelu' }).click();
    await desk.locator('#conv:not([hidden])').waitFor();
    await desk.getByRole('log').getByText('Minulla on ollut raskasta.').waitFor(); // history kept

    // ---- end, back to the bot: the resident gets the one-tap feedback question ----
    await desk.getByRole('button', { name: 'Lopeta ja palauta Opastimelle' }).click();
    await desk.locator('#no-conv:not([hidden])').waitFor();
    await chat.locator(BOT_BUBBLE, { hasText: 'Oliko tästä apua?' }).waitFor();
    await chat.getByRole('toolbar').getByRole('button', { name: 'Kyllä, oli' }).waitFor();
    expect(await b.handoff.service.statusOf(conversationId)).toEqual({ status: 'none', ended: { mode: 'back-to-bot', feedbackDue: true } });

    // ---- the language switch, and no CSP violations on the console ----
    await desk.getByRole('button', { name: 'Svenska' }).click();
    expect(await desk.getAttribute('html', 'lang')).toBe('sv');
    await desk.getByRole('heading', { level: 1, name: 'Handledarens skrivbord' }).waitFor();
    expect(await axeViolations(desk)).toEqual([]);
    expect(await desk.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);

    await residentContext.close();
    await consoleContext.close();
  });
});

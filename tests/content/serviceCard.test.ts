/** Service cards in three languages, with a fixed `now` (Friday 6 Nov 2026, 14:00 Helsinki). */
import path from 'node:path';
import { loadCatalogue, renderServiceCard, renderServiceCardData } from '../../src/content/catalogue';

const ROOT = path.join(__dirname, '..', '..');
const { catalogue } = loadCatalogue(path.join(ROOT, 'content'), 'demo', { rootDir: ROOT });
const now = new Date('2026-11-06T12:00:00Z');
const svc = (id: string) => catalogue.services.get(id)!;

test('national crisis line in Finnish', () => {
  expect(renderServiceCard(svc('mieli-crisis-line'), 'fi', now, catalogue)).toBe(
    [
      '**MIELI ry:n Kriisipuhelin**',
      'Keskusteluapua kriisin keskellä, nimettömästi ja ympäri vuorokauden.',
      '- Puhelin: 09 2525 0111 — Avoinna aina (24/7) — normaali puhelumaksu',
      '- Verkossa: https://mieli.fi/',
      'Voit asioida nimettömänä.',
      'Tiedot tarkistettu 1.11.2026.',
    ].join('\n'),
  );
});

test('demo service is marked as example data in every language', () => {
  const fi = renderServiceCard(svc('demo-family-centre'), 'fi', now, catalogue);
  const sv = renderServiceCard(svc('demo-family-centre'), 'sv', now, catalogue);
  const en = renderServiceCard(svc('demo-family-centre'), 'en', now, catalogue);
  expect(fi.split('\n')[0]).toBe('**Perhekeskus** (esimerkkitieto)');
  expect(sv.split('\n')[0]).toBe('**Familjecentret** (exempeldata)');
  expect(en.split('\n')[0]).toBe('**Family centre** (example data)');
  expect(fi).toContain('- Puhelin: +358 0 000 0000 — Avoinna nyt, klo 15.00 asti (ma–pe klo 9.00–15.00)');
  expect(sv).toContain('- Besöksadress: Exempelgatan 2, 00000 Exempelby — Öppet nu, till kl. 16.00 (mån–fre kl. 8.00–16.00)');
  expect(en).toContain('Chat with a staff member: Family counselling — Open now, until 15:00 — you can ask us to contact you');
  expect(en).toContain('Checked on 1 November 2026.');
  expect(renderServiceCard(svc('emergency-112'), 'en', now, catalogue)).not.toContain('(example data)');
});

test('traditional channels are listed beside digital ones', () => {
  const text = renderServiceCard(svc('demo-digital-family-centre'), 'en', now, catalogue);
  expect(text).toContain('- Online: https://example.invalid/demo/digital-family-centre');
  expect(text).toContain('- Phone: +358 0 000 0000 — Open now, until 15:00');
});

test('channel in another language is flagged; unknown hours point to the source', () => {
  const sv = renderServiceCard(svc('mieli-crisis-line'), 'sv', now, catalogue);
  expect(sv).toContain('Språk: finska');
  const svLine = renderServiceCard(svc('mieli-crisis-line-sv'), 'fi', now, catalogue);
  expect(svLine).toContain('- Puhelin: 09 2525 0112 — Tarkista ajantasaiset aukioloajat osoitteesta mieli.fi. — Kielet: ruotsi');
});

test('Omaolo channel names the assessments the county enabled', () => {
  const text = renderServiceCard(svc('omaolo'), 'sv', now, catalogue);
  expect(text).toContain('Välj i Omaolo: Luftvägsinfektion, Urinvägsinfektion');
  expect(text).not.toContain('Knäbesvär'); // not enabled in the demo region
});

test('renderServiceCardData returns structured facts for adaptive cards', () => {
  const data = renderServiceCardData(svc('victims-of-crime'), 'en', now);
  expect(data).toMatchObject({ id: 'victims-of-crime', example: false, anonymous: false, checkedOn: '2026-11-01' });
  expect(data.channels[0]).toMatchObject({
    type: 'phone', title: 'Phone in Finnish', phone: '116 006', tel: 'tel:116006',
    status: { state: 'open', until: { weekday: 'fri', time: '20:00', date: '2026-11-06' } },
    statusText: 'Open now, until 20:00', weeklyText: 'Mon–Fri 9:00–20:00', languagesText: 'Finnish',
  });
  expect(data.channels[1]!.statusText).toBe('Closed now, opens Monday 12:00');
  const demo = renderServiceCardData(svc('demo-home-care'), 'fi', now);
  expect(demo.exampleLabel).toBe('(esimerkkitieto)');
  expect(renderServiceCardData(svc('mieli-crisis-line'), 'fi', now).channels[0]!.tel).toBe('tel:+358925250111');
});

describe('county packs', () => {
  const soite = loadCatalogue(path.join(ROOT, 'content'), 'soite', { rootDir: ROOT }).catalogue;
  const weekdayNoon = new Date('2026-12-22T10:00:00Z');

  test('a draft pack\'s services carry the "being checked" note, in every language; national ones do not', () => {
    const s = soite.services.get('social-crisis-oncall')!;
    expect(renderServiceCard(s, 'fi', weekdayNoon, soite)).toContain('Tietoja tarkistetaan vielä.');
    expect(renderServiceCard(s, 'sv', weekdayNoon, soite)).toContain('Uppgifterna håller på att kontrolleras.');
    expect(renderServiceCard(s, 'en', weekdayNoon, soite)).toContain('This information is still being checked.');
    expect(renderServiceCard(soite.services.get('emergency-112')!, 'fi', weekdayNoon, soite)).not.toContain('tarkistetaan vielä');
  });

  test('the card says when a channel serves in Swedish, to a Swedish reader', () => {
    const s = soite.services.get('social-crisis-oncall')!;
    expect(renderServiceCard(s, 'sv', weekdayNoon, soite)).toContain('06 826 3002 — Öppet dygnet runt');
    expect(renderServiceCard(s, 'sv', weekdayNoon, soite)).toContain('betjänar på svenska');
    expect(renderServiceCard(s, 'fi', weekdayNoon, soite)).not.toContain('ruotsiksi');
  });

  test('a service without a published number says how to find it', () => {
    const k = loadCatalogue(path.join(ROOT, 'content'), 'satakunta', { rootDir: ROOT }).catalogue;
    expect(renderServiceCard(k.services.get('child-health-clinic')!, 'fi', weekdayNoon, k)).toContain('Puhelinnumero ja palveluajat löytyvät Satakunnan hyvinvointialueen sivuilta.');
  });
});

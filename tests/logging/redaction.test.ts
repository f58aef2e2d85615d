import { scrubString, scrubValue } from '../../src/logging/redact';
import { capturingLogger } from '../support/runtime';

describe('log redaction', () => {
  it.each([
    ['a personal identity code', 'hetu 131052-308T here', '131052-308T'],
    ['a 2000s identity code', 'code 010203A123B', '010203A123B'],
    ['a mobile number', 'soita 040 123 4567', '040 123 4567'],
    ['an international number', 'call +358 40 1234567 now', '+358 40 1234567'],
    ['an e-mail address', 'mail maija.meikalainen@example.fi please', 'maija.meikalainen@example.fi'],
  ])('scrubs %s from strings', (_name, input, secret) => {
    expect(scrubString(input)).not.toContain(secret);
  });

  it('keeps ordinary numbers such as durations and HTTP codes', () => {
    expect(scrubString('turn took 1234 ms, status 503')).toBe('turn took 1234 ms, status 503');
  });

  it('drops free-text fields entirely, at any depth', () => {
    const out = scrubValue({ activity: { text: 'olen masentunut', type: 'message', value: { a: 1 } } }) as Record<string, any>;
    expect(out.activity.text).toBe('[dropped]');
    expect(out.activity.value).toBe('[dropped]');
    expect(out.activity.type).toBe('message');
  });

  it('a real logger line carries neither the text nor identifiers', () => {
    const { log, lines } = capturingLogger('info');
    log.info({ activity: { text: 'minun hetu on 131052-308T', from: { id: 'x' } } }, 'got message from 040 123 4567');
    log.error({ err: new Error('failed for maija@example.fi') }, 'boom');
    const all = lines.join('\n');
    expect(all).not.toMatch(/131052-308T|040 123 4567|maija@example\.fi|hetu on/);
    expect(all).toContain('[phone]');
    expect(JSON.parse(lines[0]).activity.text).toBe('[dropped]');
  });
});

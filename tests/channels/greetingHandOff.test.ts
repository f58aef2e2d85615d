/**
 * The greeting kept for the conversation's first WebSocket in this process (greetingHandOff.ts):
 * only an unbroken run from activity 1, taken once, bounded in number and age.
 */
import type { Activity } from 'botbuilder';
import { GreetingHandOff } from '../../src/channels/directline/greetingHandOff';

const activity = (text: string) => ({ type: 'message', text }) as Activity;

it('keeps the appends of the start when they run from activity 1, and gives them once', () => {
  const handOff = new GreetingHandOff();
  const c = handOff.collector();
  c.listener({ first: 1, activities: [activity('hei')] });
  c.listener({ first: 2, activities: [activity('miten voin auttaa?')] });
  c.keep('c1');
  expect(handOff.take('c1')?.map((a) => a.text)).toEqual(['hei', 'miten voin auttaa?']);
  expect(handOff.take('c1')).toBeUndefined();
});

it('keeps nothing after a gap or a wake-up from another process (the socket reads instead)', () => {
  const handOff = new GreetingHandOff();
  const late = handOff.collector();
  late.listener({ first: 3, activities: [activity('post ennen alkua')] });
  late.keep('gap');
  const woken = handOff.collector();
  woken.listener({ first: 1, activities: [activity('hei')] });
  woken.listener();
  woken.keep('woken');
  expect([handOff.take('gap'), handOff.take('woken'), handOff.size]).toEqual([undefined, undefined, 0]);
});

it('holds at most its capacity, the oldest going first, and nothing past its age', () => {
  let now = 0;
  const handOff = new GreetingHandOff(2, 1000, () => now);
  for (const id of ['a', 'b', 'c']) {
    const c = handOff.collector();
    c.listener({ first: 1, activities: [activity(id)] });
    c.keep(id);
  }
  expect(handOff.size).toBe(2);
  expect(handOff.take('a')).toBeUndefined();
  now = 1001;
  expect(handOff.take('b')).toBeUndefined();
  expect(handOff.size).toBe(1);
});

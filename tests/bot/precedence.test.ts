/**
 * The precedence table of docs/architecture.md, checked pair by pair against the pure turn
 * policy: every conversation state × every kind of input, and the rule list in the same order as
 * the code's. The table is written once (in the docs); this test reads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decideTurn, RULES } from '../../src/bot/turn/decideTurn';
import { facts, INPUTS, STATES } from './policyFixtures';

const DOC = fs.readFileSync(path.join(__dirname, '../../docs/architecture.md'), 'utf8');

function tableAfter(heading: string): string[][] {
  const start = DOC.indexOf(heading);
  if (start < 0) throw new Error(`docs/architecture.md has no "${heading}"`);
  const lines = DOC.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows.filter((r) => !r.every((c) => /^-+$/.test(c)));
}

describe('the turn policy follows the precedence table in docs/architecture.md', () => {
  it('lists the rules in the order the code tries them', () => {
    const documented = tableAfter('### Order of precedence').slice(1).map((r) => r[1]);
    expect(documented).toEqual(RULES.map((r) => r.name));
  });

  const [header, ...rows] = tableAfter('### Pair by pair');
  const inputs = header.slice(1);
  it('covers every state and every kind of input', () => {
    expect(rows.map((r) => r[0]).sort()).toEqual(Object.keys(STATES).sort());
    expect([...inputs].sort()).toEqual(Object.keys(INPUTS).sort());
  });

  const pairs = rows.flatMap((row) => inputs.map((input, i) => [row[0], input, row[i + 1]] as const));
  it.each(pairs)('%s × %s → %s', (stateName, inputName, expected) => {
    const s = STATES[stateName];
    const i = INPUTS[inputName];
    const decision = decideTurn(s.state, i.input, facts({ ...s.facts, ...i.facts }));
    expect(decision.rule).toBe(expected);
  });
});

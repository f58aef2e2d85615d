// Debug probe (never committed): lines "lang text" on stdin → levels, rule, tokens, concepts.
import { rulesOnlyNlu, shippedNlu, crisisLevelOf, Lang } from './nlu/helpers';
import { conceptPositions } from '../src/nlu/riskModel';
const input = require('fs').readFileSync(0, 'utf8').split('\n').filter((l: string) => l.trim());
for (const line of input) {
  const lang = line.slice(0, 2) as Lang; const text = line.slice(3);
  const r = rulesOnlyNlu(); const p = shippedNlu();
  const det = (r as any).parts.crisis;
  const rules = det.rules.get(lang);
  const toks = det.maskedTokens(text, lang);
  const pos = conceptPositions(rules.lexicon, toks, new Set());
  console.log(`${lang} ${text}\n  rules=${crisisLevelOf(text, lang, r)} prod=${crisisLevelOf(text, lang, p)} rule=${(r as any).riskRule(text, lang)} topic=${p.classify(text, lang).topic}`);
  console.log('  words: ' + toks.map((t: any) => t.word + (t.stem !== t.word ? '/' + t.stem : '') + (t.corrected ? '*' : '')).join(' '));
  console.log('  concepts: ' + [...pos].map(([c, i]) => `${c}@${i.join(',')}`).join(' '));
}

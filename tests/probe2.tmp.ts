import { rulesOnlyNlu, crisisLevelOf, Lang } from './nlu/helpers';
const input = require('fs').readFileSync(0, 'utf8').split('\n').filter((l: string) => l.trim());
for (const line of input) {
  const lang = line.slice(0, 2) as Lang; const text = line.slice(3);
  console.log(`${crisisLevelOf(text, lang, rulesOnlyNlu()).padEnd(16)} ${String(rulesOnlyNlu().riskRule(text, lang)).padEnd(22)} ${line}`);
}

/**
 * snowball-stemmers 0.6.0, made about three times faster without changing one stem. The package
 * was machine-translated from Java (esjava), and every field of every stemmer and suffix table is
 * a getter that asks `Object.prototype.hasOwnProperty.call(this, '_$esjava$x')` before it returns
 * the value (lazy defaults). That check is most of a stem's time. We load the package's own source
 * with the check rewritten to `this._$esjava$x !== undefined`: the two differ only for a field set
 * to `undefined` on purpose, which the package never does (fields get numbers, strings, booleans,
 * arrays, objects or null). tests/nlu/stemmer.test.ts compares both on every content word and on
 * random strings. If the package changes and the pattern is gone, we use it as it is.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import * as original from 'snowball-stemmers';

type Snowball = typeof original;

const FIELD_CHECK = /Object\.prototype\.hasOwnProperty\.call\(this, '(_\$esjava\$\w+)'\) \? this\.\1 : this\.\1 = /g;
/** Fields in the 0.6.0 source; fewer means the package changed and the rewrite may be wrong. */
const EXPECTED_FIELDS = 79;

function load(): Snowball {
  const file = require.resolve('snowball-stemmers');
  const source = readFileSync(file, 'utf8');
  const matches = source.match(FIELD_CHECK)?.length ?? 0;
  if (matches !== EXPECTED_FIELDS) return original;
  const fast = source.replace(FIELD_CHECK, (_, field: string) => `this.${field} !== undefined ? this.${field} : this.${field} = `);
  const exports = {} as Snowball;
  // The package is a UMD module: given `exports`, it fills it in and needs nothing else.
  vm.runInThisContext(`(function (exports) {${fast}\n})`, { filename: `${file} (fast fields)` })(exports);
  return exports;
}

export const snowball: Snowball = load();
/** The package as published, for the test that the two agree. */
export const snowballOriginal: Snowball = original;

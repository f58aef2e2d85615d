/**
 * snowball-stemmers 0.6.0, made about five times faster without changing one stem. The package
 * was machine-translated from Java (esjava), and two of its habits are most of a stem's time:
 *  - every field of every stemmer and suffix table is a getter that asks
 *    `Object.prototype.hasOwnProperty.call(this, '_$esjava$x')` before it returns the value (lazy
 *    defaults). Rewritten to `this._$esjava$x !== undefined`: the two differ only for a field set
 *    to `undefined` on purpose, which the package never does (fields get numbers, strings,
 *    booleans, arrays, objects or null);
 *  - Java overloads became dispatchers that copy `arguments` into `args` and, in
 *    `switch (args.length) { case N: return this.m$esjava$N.apply(this, args); }`, call the
 *    overload through apply. In `case N` args has exactly N elements, so the call is written out
 *    as `this.m$esjava$N(args[0], …, args[N - 1])`.
 * We load the package's own source with those two rewrites. tests/nlu/stemmer.test.ts compares
 * the result with the published package on every content and eval word and on random strings. If
 * the package changes and a pattern is not found as often as in 0.6.0, we use it as it is.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import * as original from 'snowball-stemmers';

type Snowball = typeof original;

const FIELD_CHECK = /Object\.prototype\.hasOwnProperty\.call\(this, '(_\$esjava\$\w+)'\) \? this\.\1 : this\.\1 = /g;
const OVERLOAD_CALL = /case (\d):\s*return this\.(\w+)\$esjava\$\1\.apply\(this, args\);/g;
/** Matches in the 0.6.0 source; another count means the package changed and a rewrite may be wrong. */
const EXPECTED_FIELDS = 79;
const EXPECTED_OVERLOADS = 49;

function load(): Snowball {
  const file = require.resolve('snowball-stemmers');
  const source = readFileSync(file, 'utf8');
  if ((source.match(FIELD_CHECK)?.length ?? 0) !== EXPECTED_FIELDS || (source.match(OVERLOAD_CALL)?.length ?? 0) !== EXPECTED_OVERLOADS) return original;
  const fast = source
    .replace(FIELD_CHECK, (_, field: string) => `this.${field} !== undefined ? this.${field} : this.${field} = `)
    .replace(OVERLOAD_CALL, (_, n: string, name: string) => `case ${n}: return this.${name}$esjava$${n}(${Array.from({ length: Number(n) }, (__, i) => `args[${i}]`).join(', ')});`);
  const exports = {} as Snowball;
  // The package is a UMD module: given `exports`, it fills it in and needs nothing else.
  vm.runInThisContext(`(function (exports) {${fast}\n})`, { filename: `${file} (fast fields)` })(exports);
  return exports;
}

export const snowball: Snowball = load();
/** The package as published, for the test that the two agree. */
export const snowballOriginal: Snowball = original;

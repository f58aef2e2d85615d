/**
 * snowball-stemmers 0.6.0, made several times faster without changing one stem (docs/nlu-speed.md
 * has the figures). The package was machine-translated from Java (esjava), and its habits are most
 * of a stem's time:
 *  - every field of every stemmer, suffix table entry and string buffer is a getter/setter pair
 *    on the prototype: the getter asks `Object.prototype.hasOwnProperty.call(this, '_$esjava$x')`
 *    and otherwise stores and returns a default, the setter stores `_$esjava$x`. A field whose
 *    default is a primitive literal (0, "", false, null: 75 of the 79) becomes a plain writable
 *    property of the prototype holding that default: a read before any write gives the default,
 *    a write makes an own property, exactly as before (nothing reads `_$esjava$x` otherwise). The
 *    other four (an array, a StringBuilder, `this`: one per object) keep their getter, with the
 *    check written `this._$esjava$x !== undefined`; the two differ only for a field set to
 *    `undefined` on purpose, which the package never does;
 *  - Java overloads became dispatchers that copy `arguments` into a fresh array `args` and, in
 *    `switch (args.length) { case N: return this.m$esjava$N.apply(this, args); }`, call the
 *    overload through apply. `args` is now `arguments` itself (the switch only reads its length
 *    and elements; the fallback to the superclass copies it as before), and in `case N` the call
 *    is written out as `this.m$esjava$N(args[0], …, args[N - 1])`;
 *  - `newStemmer(…).stem(word)` calls setCurrent/stem/getCurrent through those dispatchers; it
 *    calls the one overload each dispatcher would pick (`$esjava$1`, `$esjava$0`, `$esjava$0`).
 * We load the package's own source with those rewrites. tests/nlu/stemmer.test.ts compares the
 * result with the published package on every content and eval word and on random strings. If the
 * package changes and a pattern is not found as often as in 0.6.0, we use it as it is.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import * as original from 'snowball-stemmers';

type Snowball = typeof original;

const DATA_FIELD =
  /key: '(\w+)',\s*get: function get\(\) \{\s*return Object\.prototype\.hasOwnProperty\.call\(this, '_\$esjava\$\1'\) \? this\._\$esjava\$\1 : this\._\$esjava\$\1 = (0|""|false|null);\s*\},\s*set: function set\(v\) \{\s*this\._\$esjava\$\1 = v;\s*\}/g;
const FIELD_CHECK = /Object\.prototype\.hasOwnProperty\.call\(this, '(_\$esjava\$\w+)'\) \? this\.\1 : this\.\1 = /g;
const ARGS_COPY = /for \(var (_len\d*) = arguments\.length, args = Array\(\1\), (_key\d*) = 0; \2 < \1; \2\+\+\) \{\s*args\[\2\] = arguments\[\2\];\s*\}/g;
const SUPER_CALL = /\[this\]\.concat\(args\)/g;
const OVERLOAD_CALL = /case (\d):\s*return this\.(\w+)\$esjava\$\1\.apply\(this, args\);/g;
const STEM_CALLS = /stemmer\.setCurrent\(word\);\s*stemmer\.stem\(\);\s*return stemmer\.getCurrent\(\);/g;
/** Matches in the 0.6.0 source; another count means the package changed and a rewrite may be wrong. */
const EXPECTED = new Map<RegExp, number>([
  [DATA_FIELD, 75],
  [FIELD_CHECK, 79],
  [ARGS_COPY, 49],
  [SUPER_CALL, 49],
  [OVERLOAD_CALL, 49],
  [STEM_CALLS, 1],
]);

const count = (source: string, re: RegExp): number => source.match(re)?.length ?? 0;

function load(): Snowball {
  const file = require.resolve('snowball-stemmers');
  const source = readFileSync(file, 'utf8');
  for (const [re, n] of EXPECTED) if (count(source, re) !== n) return original;
  const fast = source
    .replace(DATA_FIELD, (_, field: string, value: string) => `key: '${field}', value: ${value}`)
    .replace(FIELD_CHECK, (_, field: string) => `this.${field} !== undefined ? this.${field} : this.${field} = `)
    .replace(ARGS_COPY, 'var args = arguments;')
    .replace(SUPER_CALL, '[this].concat(Array.prototype.slice.call(args))')
    .replace(OVERLOAD_CALL, (_, n: string, name: string) => `case ${n}: return this.${name}$esjava$${n}(${Array.from({ length: Number(n) }, (__, i) => `args[${i}]`).join(', ')});`)
    .replace(STEM_CALLS, 'stemmer.setCurrent$esjava$1(word); stemmer.stem$esjava$0(); return stemmer.getCurrent$esjava$0();');
  const exports = {} as Snowball;
  // The package is a UMD module: given `exports`, it fills it in and needs nothing else.
  vm.runInThisContext(`(function (exports) {${fast}\n})`, { filename: `${file} (fast fields)` })(exports);
  return exports;
}

export const snowball: Snowball = load();
/** The package as published, for the test that the two agree. */
export const snowballOriginal: Snowball = original;

/**
 * The risk model after blind set T (docs/crisis-model-rounds-s-to-t.md "After blind set T"). The texts are
 * written for these tests, not taken from eval sets. Decisions come from the rules alone
 * (rulesOnlyNlu); each table fails without its change.
 */
import { checkRuleLevels as check } from './helpers';

describe('after blind set T: walking onto the ice until it gives way', () => {
  check([
    ['menen illalla järven jäälle ja kävelen kunnes se pettää', 'fi', 'crisis/suicide'],
    ['jag går ut på isen tills den brister', 'sv', 'crisis/suicide'],
    ['i will walk out on the ice until it breaks', 'en', 'crisis/suicide'],
  ]);
  // A fall through the ice told as past is an accident.
  check([['kävelin jäällä ja jää petti, kastuin vain jalat', 'fi', 'none']]);
});

describe('after blind set T: a place already looked at, tired of this life', () => {
  check([
    ['olen jo katsonut paikan sillalta josta hypätä', 'fi', 'crisis/suicide'],
    ['har hittat ett ställe att hoppa från bron', 'sv', 'crisis/suicide'],
    ['i found a place to jump off the bridge', 'en', 'crisis/suicide'],
    ['olen niin kyllästynyt tähän elämään, menen junaradalle', 'fi', 'crisis/suicide'],
  ]);
  check([
    ['löysin paikan josta näkee sillan hyvin', 'fi', 'none'],
    ['i found a spot on the bridge for the photo', 'en', 'none'],
  ]);
});

describe('after blind set T: by the railway now, a scheduled message, a pet given away', () => {
  check([
    ['istun junaradalla nyt', 'fi', 'check/suicide'],
    ['i am standing by the tracks now', 'en', 'check/suicide'],
    ['har tidsinställt ett mejl till mamma, i morgon är jag inte här längre', 'sv', 'crisis/suicide'],
    ['annoin koiran naapurille, ei mulla oo sille enää käyttöä', 'fi', 'crisis/suicide'],
  ]);
});

describe('after blind set T: figures of speech and the past', () => {
  check([
    ['provveckan tar livet av mig', 'sv', 'none'],
    ['mä ammuin itteni vahingossa matsissa', 'fi', 'none'],
    ['en pysty enää keskittymään töihin', 'fi', 'none'],
    // a grandparent's attempt decades ago is asked about, never the full response
    ['isoisä yritti itsemurhaa 70-luvulla, periytyykö masennus', 'fi', 'check/suicide'],
  ]);
  // The writer's own exhaustion and a kill word about oneself outside a game stay as they were.
  check([
    ['en jaksa enää', 'fi', 'check/suicide'],
    ['ammun itteni tänään', 'fi', 'caught'],
  ]);
});

import { sanitiseOutgoingText } from '../../src/channels/directline/sanitise';

describe('sanitiseOutgoingText', () => {
  it.each([
    ['plain text stays', 'Soita 112 hätätilanteessa.', 'Soita 112 hätätilanteessa.'],
    ['markdown stays', '**Tärkeää:** katso [ohjeet](https://example.invalid/ohje) ja\n- yksi\n- kaksi', '**Tärkeää:** katso [ohjeet](https://example.invalid/ohje) ja\n- yksi\n- kaksi'],
    ['tel and mailto links stay', '[Soita](tel:+358000000) tai [kirjoita](mailto:a@example.invalid)', '[Soita](tel:+358000000) tai [kirjoita](mailto:a@example.invalid)'],
    ['blockquotes stay', '> lainaus', '> lainaus'],
    ['HTML tags are escaped', '<script>alert(1)</script><b>x</b>', '&lt;script>alert(1)&lt;/script>&lt;b>x&lt;/b>'],
    ['HTML comments are escaped', 'a <!-- b --> c', 'a &lt;!-- b --> c'],
    ['javascript: links keep only their label', '[klikkaa](javascript:alert(1))', 'klikkaa'],
    ['JavaScript: in any case, with spaces', '[x]( JaVaScRiPt:alert(document.cookie) )', 'x'],
    ['a tab inside the scheme does not help', '[x](java\tscript:alert(1))', 'x'],
    ['data: links keep only their label', '[kuva](data:text/html;base64,PHNjcmlwdD4=)', 'kuva'],
    ['vbscript: links keep only their label', '[x](vbscript:msgbox(1))', 'x'],
    ['images become their alt text', '![logo](https://tracker.example/pixel.png) ok', 'logo ok'],
    ['data: images become their alt text', '![x](data:image/svg+xml;base64,AAAA)', 'x'],
    ['autolinks to scripts are escaped', '<javascript:alert(1)>', '&lt;javascript:alert(1)>'],
    ['reference definitions with script targets are removed', '[a][1]\n\n[1]: javascript:alert(1)', '[a][1]\n\n'],
    ['reference definitions with https targets stay', '[a][1]\n\n[1]: https://example.invalid/', '[a][1]\n\n[1]: https://example.invalid/'],
    ['relative links stay', '[etusivu](/)', '[etusivu](/)'],
    ['control and bidi override characters are removed', 'a\u0000b\u202Ec\r\nd', 'abc\nd'],
    ['a bare URL becomes a link to the whole URL', 'Katso https://www.hel.fi/fi/palvelut.', 'Katso [https://www.hel.fi/fi/palvelut](https://www.hel.fi/fi/palvelut).'],
    ['a URL with ä in the host links to the whole host (punycode)', 'https://pääkaupunki.fi/ohje', '[https://pääkaupunki.fi/ohje](https://xn--pkaupunki-v2aa.fi/ohje)'],
    ['a markdown link is left as it is', '[ohje](https://example.invalid/a)', '[ohje](https://example.invalid/a)'],
  ])('%s', (_name, input, expected) => {
    expect(sanitiseOutgoingText(input)).toBe(expected);
  });

  it('never lets a script scheme stay inside a link target', () => {
    const nasty = ['[a](javascript:alert((1)))', '[a](<javascript:alert(1)>)', '[a](javascript&#58;alert(1))', '[a]( data:text/html,x "t")'];
    for (const text of nasty) expect(sanitiseOutgoingText(text)).not.toMatch(/\]\(\s*<?\s*(javascript|data|vbscript)\s*:/i);
  });
});

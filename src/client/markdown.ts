/**
 * The light markdown the bot writes (paragraphs, "- " lists, **bold**, [label](url), bare links),
 * turned into DOM nodes. Never innerHTML: every piece of text becomes a text node, and only
 * http(s), tel and mailto links come alive. The server has already escaped "<" as "&lt;" and
 * counsellor text is backslash-escaped, so both are undone here before the text is shown.
 */
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

export function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e]);
}

export function safeHref(url: string): string | null {
  return /^(https?:\/\/|tel:|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

/** "https://www.mieli.fi/fi/tukea/" → "mieli.fi/fi/tukea": what a person reads aloud. */
export function linkLabel(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'tel:' || u.protocol === 'mailto:') return decodeURIComponent(u.pathname);
    const path = u.pathname.replace(/\/+$/, '');
    const label = `${u.hostname.replace(/^www\./, '')}${path.length <= 24 ? path : ''}`;
    return label || url;
  } catch {
    return url;
  }
}

export function link(href: string, label: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = label;
  if (/^https?:/i.test(href)) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  return a;
}

// One token per match: escaped character, bold, [label](url), bare URL.
const INLINE = /\\([\\`*_{}[\]()#+\-.!|~>])|\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s)]+[^\s).,!?;:])/g;

function inline(parent: Node, text: string): void {
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index! > last) parent.appendChild(document.createTextNode(decode(text.slice(last, m.index))));
    if (m[1] !== undefined) parent.appendChild(document.createTextNode(m[1]));
    else if (m[2] !== undefined) {
      const b = document.createElement('strong');
      inline(b, m[2]);
      parent.appendChild(b);
    } else if (m[3] !== undefined) {
      const href = safeHref(decode(m[4]));
      parent.appendChild(href ? link(href, decode(m[3])) : document.createTextNode(decode(m[3])));
    } else if (m[5] !== undefined) {
      const href = decode(m[5]);
      parent.appendChild(link(href, linkLabel(href)));
    }
    last = m.index! + m[0].length;
  }
  if (last < text.length) parent.appendChild(document.createTextNode(decode(text.slice(last))));
}

/** Blank lines separate paragraphs; "- " lines form a list; a lone newline or "  \n" is a break. */
export function renderMarkdown(text: string): DocumentFragment {
  const out = document.createDocumentFragment();
  for (const block of text.replace(/\r/g, '').split(/\n{2,}/)) {
    const lines = block.split('\n');
    let list: HTMLUListElement | null = null;
    let para: HTMLParagraphElement | null = null;
    for (const raw of lines) {
      const line = raw.replace(/ {2}$/, '');
      const item = /^\s*[-*] (.*)$/.exec(line);
      if (item) {
        para = null;
        if (!list) out.appendChild((list = document.createElement('ul')));
        const li = document.createElement('li');
        inline(li, item[1]);
        list.appendChild(li);
        continue;
      }
      list = null;
      if (para) para.appendChild(document.createElement('br'));
      else out.appendChild((para = document.createElement('p')));
      inline(para, line);
    }
  }
  return out;
}

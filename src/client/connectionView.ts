/**
 * The connection line above the conversation: nothing while online; "connecting",
 * "reconnecting"; offline or refused with 112 and the crisis line, which the page itself knows,
 * so they show even when the server cannot be reached. role="status" announces each change.
 */
import type { Texts } from './activity';
import type { ConnectionState } from './directLine';

type Shown = ConnectionState | 'refused' | null;

export class ConnectionView {
  private shown: Shown = null;
  private refusedText = '';

  constructor(
    private readonly box: HTMLElement,
    private readonly t: () => Texts,
    private readonly retry: () => void,
  ) {}

  show(state: ConnectionState | null): void {
    this.shown = state;
    this.render();
  }

  refused(text: string): void {
    this.shown = 'refused';
    this.refusedText = text;
    this.render();
  }

  /** Re-render in the new language. */
  refresh(): void {
    this.render();
  }

  private render(): void {
    const t = this.t();
    const state = this.shown;
    this.box.className = `conn${state ? ` conn-${state}` : ''}`;
    this.box.replaceChildren();
    if (!state || state === 'online' || state === 'ended') return;
    const line = document.createElement('p');
    line.className = 'conn-line';
    line.textContent = state === 'connecting' ? t.connecting : state === 'reconnecting' ? t.reconnecting : state === 'offline' ? t.offline : this.refusedText;
    this.box.appendChild(line);
    if (state === 'offline' || state === 'refused') this.box.appendChild(this.help(t));
    if (state === 'refused') {
      const again = document.createElement('button');
      again.type = 'button';
      again.className = 'secondary-button retry';
      again.textContent = t.retry;
      again.addEventListener('click', this.retry);
      this.box.appendChild(again);
    }
  }

  private help(t: Texts): HTMLElement {
    const wrap = document.createElement('div');
    wrap.className = 'help';
    const intro = document.createElement('p');
    intro.textContent = t.offlineHelp;
    const list = document.createElement('ul');
    for (const line of t.crisisLines) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `tel:${line.tel}`;
      a.textContent = line.number;
      li.append(`${line.name}: `, a);
      list.appendChild(li);
    }
    wrap.append(intro, list);
    return wrap;
  }
}

/**
 * The bot's suggested actions as compact buttons that wrap. A long menu shows its first choices
 * (editors put the most used first), any urgent one (a crisis choice, never hidden), and a "more"
 * button for the rest, so the question above stays on screen on a phone.
 */
import type { CardAction } from './activity';

/** Menus longer than this show SHOWN_FIRST choices and "more" (so 5 buttons in all at most). */
const LONG_MENU = 6;
const SHOWN_FIRST = 4;

export class Choices {
  constructor(
    private readonly box: HTMLElement,
    private readonly onChoose: (action: CardAction) => void,
  ) {}

  /** `urgent`: titles that are never behind "more" (a crisis choice), shown first of the rest. */
  show(actions: CardAction[], moreLabel: string, urgent: string[] = []): void {
    this.box.replaceChildren();
    const usable = actions.filter((a) => a && typeof a.title === 'string' && a.title !== '');
    this.box.hidden = usable.length === 0;
    let first = usable;
    if (usable.length > LONG_MENU) {
      const pinned = usable.filter((a) => urgent.includes(a.title)).slice(0, SHOWN_FIRST);
      first = [...usable.filter((a) => !pinned.includes(a)).slice(0, SHOWN_FIRST - pinned.length), ...pinned];
    }
    const rest = usable.filter((a) => !first.includes(a));
    for (const action of first) this.box.appendChild(this.button(action));
    if (rest.length > 0) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'choice more';
      more.textContent = moreLabel.replace('{n}', String(rest.length));
      more.addEventListener('click', () => {
        const added = rest.map((a) => this.button(a));
        more.replaceWith(...added);
        added[0]?.focus();
      });
      this.box.appendChild(more);
    }
  }

  clear(): void {
    this.box.replaceChildren();
    this.box.hidden = true;
  }

  focusFirst(): boolean {
    const first = this.box.querySelector<HTMLButtonElement>('button');
    first?.focus();
    return Boolean(first);
  }

  private button(action: CardAction): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'choice';
    b.textContent = action.title;
    b.addEventListener('click', () => this.onChoose(action));
    return b;
  }
}

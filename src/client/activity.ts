/**
 * The parts of a Bot Framework activity the chat page reads, and the page's config (sent by the
 * server in <script id="chat-config">). Types only: nothing here reaches the bundle.
 */
import type { ServiceCardData } from '../content/catalogue/serviceCard';
import type { Lang } from '../lang';
import type { ClientStrings } from '../web/clientStrings';
import type { PageStrings } from '../web/strings';

export interface CardAction {
  type: string;
  title: string;
  value?: unknown;
}

export interface Activity {
  type: string;
  id?: string;
  text?: string;
  textFormat?: string;
  locale?: string;
  name?: string;
  value?: unknown;
  replyToId?: string;
  from?: { id: string; name?: string; role?: string };
  suggestedActions?: { actions: CardAction[] };
  channelData?: Record<string, unknown>;
}

export type { Lang };

/** channelData.opastin on bot messages with service cards (src/engine/render.ts). */
export interface RichMessage {
  v: 1;
  text: string;
  cards: ServiceCardData[];
  crisis?: boolean;
}

export type Texts = PageStrings & ClientStrings;

export interface PageConfig {
  lang: Lang;
  region: { id: string; name: Record<Lang, string> };
  strings: Record<Lang, Texts>;
  tokenUrl: string;
  endUrl: string;
  quickExitUrl: string;
  embed: boolean;
}

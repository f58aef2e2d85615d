/**
 * One turn of Opastin, in the order safety demands:
 *   1. crisis detection on every message, before anything else (also during a handoff);
 *   2. a conversation handed to a counsellor goes to the counsellor;
 *   3. content changed under the conversation? carry on, or restart politely;
 *   4. global commands (restart, back, help, language, person);
 *   5. the dialog engine (free text is understood inside it).
 * State is plain, versioned JSON in conversation state (Redis), so a restart continues.
 */
import { ActivityTypes, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogContext, DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import type { ContentBundle } from '../engine/contentBundle';
import type { ContentStore } from '../engine/contentStore';
import { parseYesNo } from '../engine/matchAnswer';
import { foldText } from '../engine/normaliseText';
import { CONTACT_REQUEST_ACTION, HANDOFF_ACTION, HANDOFF_CANCEL_ACTION, message, text } from '../engine/render';
import { ScriptDialog, ScriptDialogState } from '../engine/scriptDialog';
import { setTurnLang } from '../engine/turnInfo';
import type { Logger } from '../logging/logger';
import { detectCommand } from './commands';
import { crisisResponse } from './crisisResponse';
import type { HandoffPort } from './handoffPort';
import { HANDOFF_SUMMARY_KEY, requestHandoff, summarise } from './handoffRequest';
import { Lang, langFromLocale } from './language';
import { serviceUnavailableText } from './serviceUnavailable';

/** Versioned, plain-JSON facts about a conversation that are not the dialog stack. */
export interface ConversationMeta {
  v: 2;
  /** Message turns processed; lets tests prove no turn's state was lost. */
  turns: number;
  lang: Lang | null;
  /** The locale the client last sent: a change (the page's language switch) is followed. */
  locale: string | null;
  contentVersion: string | null;
  /** The dialog whose feedback question is open. */
  feedbackFor: string | null;
  /** The queue a call-back request is being left for (the next message is the contact). */
  contactFor: string | null;
}

const MAIN = 'main';

/** A phone number or an e-mail address, and nothing much else. */
function isContact(typed: string): boolean {
  const phone = /^\+?[\d\s()-]{6,20}$/.test(typed) && typed.replace(/\D/g, '').length >= 6;
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(typed);
  return phone || email;
}

export class OpastinBot {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly meta: StatePropertyAccessor<ConversationMeta>;
  private dialogSets = new WeakMap<ContentBundle, DialogSet>();

  constructor(
    private readonly conversationState: ConversationState,
    private readonly content: ContentStore,
    private readonly log: Logger,
    private readonly handoff: HandoffPort | null = null,
    /** Editors' tools (content:test, chat) may start any dialog with the event `opastin.start`. */
    private readonly allowStartEvent = false,
  ) {
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.meta = conversationState.createProperty<ConversationMeta>('meta');
  }

  async run(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const bundle = this.content.current();
    // Greet first: on conversationUpdate when the resident joins (as Direct Line sends on start),
    // or on Web Chat's `webchat/join` event; both are no-ops once a dialog is running.
    const residentJoined = activity.type === ActivityTypes.ConversationUpdate
      && (activity.membersAdded ?? []).some((m) => m.id !== activity.recipient?.id);
    const isGreeting = residentJoined || (activity.type === ActivityTypes.Event && activity.name === 'webchat/join');
    const isStart = this.allowStartEvent && activity.type === ActivityTypes.Event && activity.name === 'opastin.start';
    if (activity.type === ActivityTypes.Typing) {
      await this.handoffFor(context)?.residentTyping?.(activity.conversation.id);
      return;
    }
    if (activity.type !== ActivityTypes.Message && !isGreeting && !isStart) return;
    if (!bundle) {
      await context.sendActivity(message(serviceUnavailableText(langFromLocale(activity.locale) ?? 'fi')));
      return;
    }
    const handoff = this.handoffFor(context);
    const meta = this.upgradeMeta(await this.meta.get(context, {} as ConversationMeta));
    const typed = (activity.text ?? '').trim();
    meta.turns += activity.type === ActivityTypes.Message ? 1 : 0;
    const lang = this.chooseLang(meta, activity.locale, typed, bundle);
    setTurnLang(context, lang);

    const dc = await this.dialogSet(bundle).createContext(context);
    try {
      // 1. Crisis first, on every message.
      const crisis = typed ? bundle.nlu.detectCrisis(typed) : null;
      if (crisis?.crisis) {
        this.log.warn({ event: 'crisis_detected', kind: crisis.kind, source: crisis.source }, 'crisis response sent');
        await context.sendActivities(crisisResponse(bundle, lang, crisis));
        // During a handoff the counsellor must see it too.
        if (handoff && (await handoff.statusOf(activity.conversation.id)).status === 'accepted') {
          await handoff.residentMessage(activity.conversation.id, typed);
        }
        // A tap on one of the bot's own choices ("Danger now") also carries on the dialog, so the
        // crisis path the resident picked is not lost; any other message stops here.
        if (!this.isOfferedChoice(dc, typed)) return;
      }
      // 2. A counsellor has the conversation: the resident's words go to them.
      if (handoff && typed && (await handoff.statusOf(activity.conversation.id)).status === 'accepted') {
        await handoff.residentMessage(activity.conversation.id, typed);
        return;
      }
      // 3. Content changed under the conversation.
      if (meta.contentVersion !== bundle.version) {
        if (!(await this.stackStillValid(dc, bundle))) {
          await dc.cancelAllDialogs();
          if (meta.contentVersion) await context.sendActivity(message(text(bundle, 'contentChanged', lang)));
        }
        meta.contentVersion = bundle.version;
      }
      if (isGreeting) {
        if (!dc.activeDialog) await dc.beginDialog(MAIN);
        return;
      }
      if (isStart) {
        await dc.cancelAllDialogs();
        await dc.beginDialog(typeof activity.value === 'string' ? activity.value : MAIN);
        await this.afterDialogs(context, dc, bundle, meta, lang);
        return;
      }
      const postBack = activity.value as { action?: string; queue?: string } | undefined;
      if (postBack?.action === HANDOFF_ACTION && postBack.queue) {
        await requestHandoff(context, bundle, handoff, postBack.queue, lang, dc);
        return;
      }
      if (postBack?.action === CONTACT_REQUEST_ACTION && postBack.queue && handoff) {
        meta.contactFor = postBack.queue;
        await context.sendActivity(message(text(bundle, 'contactAsk', lang)));
        return;
      }
      if (postBack?.action === HANDOFF_CANCEL_ACTION) {
        if (handoff) await handoff.cancel(activity.conversation.id);
        await context.sendActivity(message(text(bundle, 'handoffCancelled', lang)));
        await this.reprompt(dc);
        return;
      }
      // Feedback to the one-tap question after a route.
      if (meta.feedbackFor && typed) {
        const helpful = parseYesNo(typed, { yes: text(bundle, 'feedbackYes', lang), no: text(bundle, 'feedbackNo', lang) });
        const dialog = meta.feedbackFor;
        meta.feedbackFor = null;
        if (helpful !== undefined) {
          this.log.info({ event: 'feedback', dialog, helpful }, 'feedback');
          await context.sendActivity(message(text(bundle, 'feedbackThanks', lang)));
          return;
        }
      }
      // 4. Global commands.
      const command = typed ? detectCommand(typed, bundle.program.commands) : null;
      if (command) {
        await this.runCommand(dc, command, meta, bundle, lang);
        return;
      }
      // A call-back request: the one message that may hold a phone number or e-mail address. It
      // goes to the handoff store (TTL) and nowhere else; commands above still work to back out.
      if (meta.contactFor && typed && handoff) {
        const queueId = meta.contactFor;
        meta.contactFor = null;
        if (isContact(typed)) {
          const summary = summarise(dc, bundle, lang);
          const kept = await handoff.leaveContactRequest({ conversationId: activity.conversation.id, queueId, lang, contact: typed.slice(0, 200), summary });
          await context.sendActivity(message(text(bundle, kept ? 'contactSaved' : 'handoffUnavailable', lang)));
          await this.reprompt(dc);
          return;
        }
        await context.sendActivity(message(text(bundle, 'contactInvalid', lang)));
      }
      // 5. The dialog engine.
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN);
      await this.afterDialogs(context, dc, bundle, meta, lang);
    } finally {
      await this.meta.set(context, meta);
      await this.conversationState.saveChanges(context);
    }
  }

  private async afterDialogs(context: TurnContext, dc: DialogContext, bundle: ContentBundle, meta: ConversationMeta, lang: Lang): Promise<void> {
    const queue = context.turnState.get('opastin.handoffRequest') as string | undefined;
    const handoff = this.handoffFor(context);
    if (queue) await requestHandoff(context, bundle, handoff, queue, lang, dc);
    const sent = context.turnState.get('opastin.feedbackAsked') as string | undefined;
    if (sent) meta.feedbackFor = sent;
  }

  private async runCommand(dc: DialogContext, command: NonNullable<ReturnType<typeof detectCommand>>, meta: ConversationMeta, bundle: ContentBundle, lang: Lang): Promise<void> {
    const context = dc.context;
    this.log.info({ event: 'command', command: command.kind }, 'global command');
    switch (command.kind) {
      case 'restart':
        await dc.cancelAllDialogs();
        await context.sendActivity(message(text(bundle, 'restarted', lang)));
        await dc.beginDialog(MAIN);
        return;
      case 'help':
        await context.sendActivity(message(text(bundle, 'help', lang)));
        await this.reprompt(dc);
        return;
      case 'greeting':
        await this.reprompt(dc);
        return;
      case 'language':
        meta.lang = command.lang;
        setTurnLang(context, command.lang);
        await context.sendActivity(message(text(bundle, 'languageChanged', command.lang)));
        await this.reprompt(dc);
        return;
      case 'back': {
        const active = dc.activeDialog ? dc.findDialog(dc.activeDialog.id) : undefined;
        const went = active instanceof ScriptDialog ? await active.goBack(dc) : false;
        if (!went) {
          await context.sendActivity(message(text(bundle, 'backNotPossible', lang)));
          await this.reprompt(dc);
        }
        return;
      }
      case 'human':
        // What the resident answered so far goes into the summary, so take it before starting over.
        context.turnState.set(HANDOFF_SUMMARY_KEY, summarise(dc, bundle, lang));
        await dc.cancelAllDialogs();
        if (bundle.program.dialogs.has('human')) await dc.beginDialog('human');
        else await requestHandoff(context, bundle, this.handoffFor(context), null, lang, dc);
        await this.afterDialogs(context, dc, bundle, meta, lang);
        return;
    }
  }

  /** Counsellors reach residents through the web chat (Direct Line) only. */
  private handoffFor(context: TurnContext): HandoffPort | null {
    return context.activity.channelId === 'directline' ? this.handoff : null;
  }

  private isOfferedChoice(dc: DialogContext, typed: string): boolean {
    const active = dc.activeDialog ? dc.findDialog(dc.activeDialog.id) : undefined;
    if (!(active instanceof ScriptDialog)) return false;
    const step = active.script.steps.get((dc.activeDialog!.state as ScriptDialogState).frame.step);
    const folded = foldText(typed);
    return step?.kind === 'ask' && step.choices.some((c) => Object.values(c.label).some((l) => foldText(l) === folded));
  }

  private async reprompt(dc: DialogContext): Promise<void> {
    const active = dc.activeDialog ? dc.findDialog(dc.activeDialog.id) : undefined;
    if (active instanceof ScriptDialog) await active.reprompt(dc);
    else await dc.beginDialog(MAIN);
  }

  /** Every dialog on the stack and its current step still exist in the new content. */
  private async stackStillValid(dc: DialogContext, bundle: ContentBundle): Promise<boolean> {
    for (const instance of dc.stack) {
      const script = bundle.program.dialogs.get(instance.id);
      const frame = (instance.state as ScriptDialogState | undefined)?.frame;
      if (!script || !frame || !script.steps.has(frame.step)) return false;
    }
    return true;
  }

  private chooseLang(meta: ConversationMeta, locale: string | undefined, typed: string, bundle: ContentBundle): Lang {
    const fromLocale = langFromLocale(locale);
    if (fromLocale && locale !== meta.locale) {
      meta.locale = locale ?? null;
      meta.lang = fromLocale;
    }
    if (!meta.lang) meta.lang = typed ? bundle.nlu.detectLanguage(typed) : 'fi';
    return meta.lang;
  }

  private upgradeMeta(stored: Partial<ConversationMeta> & { v?: number }): ConversationMeta {
    return {
      v: 2,
      turns: stored.turns ?? 0,
      lang: stored.lang ?? null,
      locale: stored.locale ?? null,
      contentVersion: stored.contentVersion ?? null,
      feedbackFor: stored.feedbackFor ?? null,
      contactFor: stored.contactFor ?? null,
    };
  }

  private dialogSet(bundle: ContentBundle): DialogSet {
    let set = this.dialogSets.get(bundle);
    if (!set) {
      set = new DialogSet(this.dialogState);
      for (const script of bundle.program.dialogs.values()) set.add(new ScriptDialog(script, bundle));
      this.dialogSets.set(bundle, set);
    }
    return set;
  }
}


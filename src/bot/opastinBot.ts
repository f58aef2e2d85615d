/**
 * The bot adapter: gathers the facts of a turn, lets the pure turn policy decide
 * (src/bot/turn/decideTurn.ts: crisis first, then the handoff, content, commands, dialogs, in the
 * order docs/architecture.md tabulates), and performs the actions it returns. Conversation
 * state is plain, versioned JSON (turn/turnState.ts) beside the dialog stack, so a restart continues.
 */
import path from 'node:path';
import { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogContext, DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import type { ContentBundle } from '../engine/contentBundle';
import type { ContentStore } from '../engine/contentStore';
import { createDialogContext } from '../engine/dialogAdapter/dialogContexts';
import { dialogOutcome } from '../engine/dialogAdapter/dialogOutcome';
import { ScriptDialog } from '../engine/dialogAdapter/scriptDialog';
import { setTurnLang, setTurnText } from '../engine/dialogAdapter/turnInfo';
import { event, message, OutgoingActivity, text } from '../engine/render';
import { langFromLocale } from '../lang';
import type { Lang } from '../lang';
import type { Logger } from '../logging/logger';
import { crisisCheck, crisisResponse, crisisStay, emergencyFollowUp, medicalEmergencyResponse } from './crisisResponse';
import { buildPlaceIndex, CountyOffers } from '../content/places';
import { gatherFacts } from './gatherFacts';
import type { PlaceLookup } from './placeFacts';
import { placeReply } from './placeReply';
import { chooseQueue, queuesToTry } from './handoff/chooseQueue';
import type { HandoffPort, HandoffRequestResult } from './handoff/handoffPort';
import { buildSummary, queueClosedNote, summaryMessage } from './handoff/summary';
import { unavailableReply } from './handoff/unavailable';
import { say } from './replies';
import { serviceUnavailableText } from './serviceUnavailable';
import { afterDialogs } from './turn/afterDialogs';
import { decideTurn } from './turn/decideTurn';
import type { TurnAction } from './turn/turnAction';
import { readInput } from './turn/turnInput';
import { StoredTurnState, storedTurnState, TurnState, upgradeTurnState } from './turn/turnState';

const MAIN = 'main';

/** One turn's working set for performing actions. */
interface Turn {
  context: TurnContext;
  dc: DialogContext;
  bundle: ContentBundle;
  port: HandoffPort | null;
  state: TurnState;
  places: PlaceLookup;
}

export class OpastinBot {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly meta: StatePropertyAccessor<StoredTurnState>;
  private dialogSets = new WeakMap<ContentBundle, DialogSet>();
  /** The place lookup, rebuilt with each content version (area files and packs may change). */
  private placeLookups = new WeakMap<ContentBundle, PlaceLookup>();

  constructor(
    private readonly conversationState: ConversationState,
    private readonly content: ContentStore,
    private readonly log: Logger,
    private readonly handoff: HandoffPort | null = null,
    /** Editors' tools (content:test, chat) may start any dialog with the event `opastin.start`. */
    private readonly allowStartEvent = false,
  ) {
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.meta = conversationState.createProperty<StoredTurnState>('meta');
  }

  async run(context: TurnContext): Promise<void> {
    const input = readInput(context.activity, this.allowStartEvent);
    if (input.kind === 'ignored') return;
    const bundle = this.content.current();
    if (!bundle) {
      await context.sendActivity(message(serviceUnavailableText(langFromLocale(context.activity.locale) ?? 'fi')));
      return;
    }
    const stored = upgradeTurnState(await this.meta.get(context));
    const dc = await createDialogContext(this.dialogSet(bundle), context);
    const port = this.handoffFor(context);
    const turn: Turn = { context, dc, bundle, port, state: stored, places: this.placeLookup(bundle) };
    try {
      const typed = input.kind === 'text' ? input.text : '';
      const facts = await gatherFacts(dc, bundle, typed, stored.lang ?? langFromLocale(context.activity.locale) ?? 'fi', port, { places: turn.places });
      const decision = decideTurn(stored, input, facts);
      await this.perform(turn, decision.state, decision.actions);
      const after = afterDialogs(turn.state, dialogOutcome(context), facts.handoff);
      await this.perform(turn, after.state, after.actions);
    } finally {
      await this.meta.set(context, storedTurnState(turn.state));
      await this.conversationState.saveChanges(context);
    }
  }

  private async perform(turn: Turn, state: TurnState, actions: TurnAction[]): Promise<void> {
    turn.state = state;
    for (const action of actions) {
      const lang: Lang = turn.state.lang ?? 'fi';
      setTurnLang(turn.context, lang);
      await this.performOne(turn, action, lang);
    }
  }

  private async performOne(turn: Turn, action: TurnAction, lang: Lang): Promise<void> {
    const { context, dc, bundle, port } = turn;
    const conversationId = context.activity.conversation.id;
    const send = (activities: OutgoingActivity[]) => context.sendActivities(activities);
    switch (action.type) {
      case 'say':
        await send([say(bundle, lang, action.text, action.buttons)]);
        return;
      case 'crisisResponse':
        this.log.warn({ event: 'crisis_detected', kind: action.kind }, 'crisis response sent');
        await send(crisisResponse(bundle, lang, action.kind, new Date(), action.aboutOther));
        return;
      case 'crisisStay':
        await send(crisisStay(bundle, lang, action.kind, action.aboutOther));
        return;
      case 'emergencyFollowUp':
        await send(emergencyFollowUp(bundle, lang));
        return;
      case 'medicalEmergency':
        this.log.warn({ event: 'crisis_detected', kind: 'medical-emergency' }, 'medical emergency answer sent');
        await send(medicalEmergencyResponse(bundle, lang));
        return;
      case 'askCrisisCheck':
        this.log.warn({ event: 'crisis_check' }, 'crisis check-in asked');
        await send(crisisCheck(bundle, lang, new Date(), action.again));
        return;
      case 'relay':
        if (port) await port.residentMessage(conversationId, action.text);
        return;
      case 'relayTyping':
        if (port) await port.residentTyping(conversationId);
        return;
      case 'keepWaiting':
        if (port) await port.keepWaiting(conversationId);
        return;
      case 'showSummary':
        await send([event('handoff', { status: 'summary', queue: chooseQueue(bundle.catalogue, action.pending) }), summaryMessage(bundle, buildSummary(bundle, action.pending, lang), lang, queueClosedNote(bundle, queuesToTry(bundle.catalogue, action.pending), lang))]);
        return;
      case 'requestHandoff':
        await this.requestHandoff(turn, action.pending, lang);
        return;
      case 'cancelHandoff':
        if (port) await port.cancel(conversationId);
        return;
      case 'recordFeedback':
        this.log.info({ event: 'feedback', dialog: action.dialog, helpful: action.helpful }, 'feedback');
        return;
      case 'leaveContact': {
        const summary = buildSummary(bundle, action.context, lang);
        const kept = port ? await port.leaveContactRequest({ conversationId, queueId: action.queue, lang, contact: action.contact, summary }) : false;
        await send([message(text(bundle, kept ? 'contactSaved' : 'handoffUnavailable', lang))]);
        return;
      }
      case 'cancelDialogs':
        await dc.cancelAllDialogs();
        return;
      case 'startDialog':
        await dc.beginDialog(action.dialog, action.firstAnswer ? { firstAnswer: action.firstAnswer } : undefined);
        return;
      case 'continueDialog': {
        if (action.text !== undefined) setTurnText(context, action.text);
        const result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN);
        return;
      }
      case 'reprompt':
        await this.reprompt(dc);
        return;
      case 'goBack': {
        const active = this.activeScript(dc);
        if (active && (await active.goBack(dc))) return;
        // At a topic's first question, back is the main menu; after a route, the last topic again.
        const lastDialog = turn.state.lastRoute ? bundle.program.topics.get(turn.state.lastRoute.topic)?.dialog : undefined;
        if (active && active.id !== MAIN) {
          await dc.cancelAllDialogs();
          await send([message(text(bundle, 'backToMenu', lang))]);
          await dc.beginDialog(MAIN);
        } else if (!active && lastDialog && bundle.program.dialogs.has(lastDialog)) {
          await dc.beginDialog(lastDialog);
        } else {
          await send([message(text(bundle, 'backNotPossible', lang))]);
          await this.reprompt(dc);
        }
        return;
      }
      case 'placeAnswer':
        await send(placeReply(bundle, turn.places, action.text, action.topic, lang));
        return;
      case 'replay': {
        // The message before the crisis check-in, carried on now that the resident said no.
        setTurnText(context, action.text);
        const facts = await gatherFacts(dc, bundle, action.text, lang, port, { crisisAssessed: true, places: turn.places });
        const decision = decideTurn(turn.state, { kind: 'text', text: action.text }, facts, true);
        await this.perform(turn, decision.state, decision.actions);
        return;
      }
    }
  }

  /** Queue the resident (they said "send"), or tell them honestly that no one is available. */
  private async requestHandoff(turn: Turn, pending: TurnState['pendingHandoff'] & object, lang: Lang): Promise<void> {
    const { context, bundle, port } = turn;
    const queues = queuesToTry(bundle.catalogue, pending);
    const summary = buildSummary(bundle, pending, lang);
    const inCrisis = turn.state.inCrisis;
    const first = queues[0] ?? null;
    const services = (first && bundle.catalogue.queues.get(first)?.services) || [];
    if (!first || !port) {
      await context.sendActivities([event('handoff', { status: 'unavailable', queue: first }), unavailableReply(bundle, lang, { queue: first, alternatives: services, acceptsContactRequests: false, inCrisis, topic: pending.topic })]);
      return;
    }
    let refused: Extract<HandoffRequestResult, { status: 'unavailable' }> | null = null;
    for (const queueId of queues) {
      const result = await port.request({ conversationId: context.activity.conversation.id, queueId, lang, summary });
      if (result.status === 'queued') {
        turn.state = { ...turn.state, handoffSeen: 'queued' };
        await context.sendActivity(say(bundle, lang, 'handoffWaiting', [{ kind: 'cancelWait' }]));
        return;
      }
      refused ??= result;
    }
    await context.sendActivity(
      unavailableReply(bundle, lang, { queue: first, alternatives: refused?.alternatives ?? services, acceptsContactRequests: !!refused?.acceptsContactRequests, inCrisis, topic: pending.topic }),
    );
  }

  /** Counsellors reach residents through the web chat (Direct Line) only. */
  private handoffFor(context: TurnContext): HandoffPort | null {
    return context.activity.channelId === 'directline' ? this.handoff : null;
  }

  private activeScript(dc: DialogContext): ScriptDialog | undefined {
    const active = dc.activeDialog ? dc.findDialog(dc.activeDialog.id) : undefined;
    return active instanceof ScriptDialog ? active : undefined;
  }

  private async reprompt(dc: DialogContext): Promise<void> {
    const active = this.activeScript(dc);
    if (active) await active.reprompt(dc);
    else await dc.beginDialog(MAIN);
  }

  private placeLookup(bundle: ContentBundle): PlaceLookup {
    let lookup = this.placeLookups.get(bundle);
    if (!lookup) {
      const contentDir = path.join(this.content.rootDir, 'content');
      lookup = { offers: new CountyOffers(contentDir, buildPlaceIndex(contentDir)), pageRegion: this.content.region };
      this.placeLookups.set(bundle, lookup);
    }
    return lookup;
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

/**
 * The precedence rule for a conversation a counsellor has accepted: the resident's words go to
 * the counsellor, but the bot's own commands still work. Help and a language switch are answered
 * by the bot; "start over", "stop" and "back" would leave the counsellor, so they ask first and end the
 * handoff only on "yes". (Crisis detection has already run: it comes before this rule.)
 */
import type { RuleContext } from './ruleContext';

export function withCounsellor(c: RuleContext): boolean {
  if (c.handoff !== 'accepted') return false;
  const say = (key: string) => c.actions.push({ type: 'say', text: key });
  const endHandoff = () => {
    c.actions.push({ type: 'cancelHandoff' });
    c.state.handoffSeen = 'none';
    say('handoffEnded');
  };
  if (c.input.kind === 'postBack') {
    if (c.input.postBack.action === 'cancel') {
      endHandoff();
      c.actions.push({ type: 'reprompt' });
    } else say('handoffAlreadyWith');
    return true;
  }
  if (c.input.kind !== 'text') return true; // a join or start event must not disturb the chat
  const typed = c.input.text;
  if (!typed) return true;
  const pending = c.state.confirmEnd;
  c.state.confirmEnd = null;
  if (pending && c.facts.yesNo !== null) {
    if (!c.facts.yesNo) {
      say('handoffContinues');
      return true;
    }
    endHandoff();
    if (pending === 'restart') c.actions.push({ type: 'cancelDialogs' }, { type: 'say', text: 'restarted' }, { type: 'startDialog', dialog: 'main' });
    else if (pending === 'stop') c.actions.push({ type: 'cancelDialogs' }, { type: 'say', text: 'stopped', buttons: [{ kind: 'command', command: 'restart' }] });
    else c.actions.push({ type: 'goBack' });
    return true;
  }
  const cmd = c.facts.command;
  switch (cmd?.kind) {
    case 'help':
      say('help');
      return true;
    case 'language':
      c.state.lang = cmd.lang;
      say('languageChanged');
      return true;
    case 'restart':
    case 'stop':
    case 'back':
      c.state.confirmEnd = cmd.kind;
      c.actions.push({ type: 'say', text: 'handoffEndAsk', buttons: [{ kind: 'text', text: 'yesLabel' }, { kind: 'text', text: 'noLabel' }] });
      return true;
    default:
      c.actions.push({ type: 'relay', text: typed });
      return true;
  }
}

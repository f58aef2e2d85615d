/** What every rule of the turn policy reads and writes while one turn is decided (all local, so the policy stays pure). */
import type { TurnAction } from './turnAction';
import type { TurnFacts } from './turnFacts';
import type { TurnInput } from './turnInput';
import type { HandoffStatus, TurnState } from './turnState';

export interface RuleContext {
  state: TurnState;
  actions: TurnAction[];
  input: TurnInput;
  facts: TurnFacts;
  /** The handoff status, 'none' where the channel has no handoff. */
  handoff: HandoffStatus;
  /** A dialog is under way (false once a content change has cleared the stack). */
  hasDialog: boolean;
}

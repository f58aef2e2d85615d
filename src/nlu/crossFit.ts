/**
 * Leave one labelled set out: the engine that scores a labelled set has a message model trained
 * on every other set, never on the set itself, so the dev figures of `npm run nlu:eval` and the
 * jest gate say how the model does on messages it has not seen (messageModel.ts). Each set was
 * written separately (a blind writer, the project, the shared set), so holding out a whole set
 * also holds out its writer's habits: closer to the next blind set than a random split would be.
 * A set that is not labelled (a new blind set) is scored by the production model, trained on all.
 */
import path from 'node:path';
import { messageExamples, phraseExamples } from './build';
import type { MessageTuning, NluEngine } from './engine';
import { EvalReport, evaluate, Utterance } from './evaluate';
import type { LabelledSet } from './labelledSets';
import { MessageExample, MessageModel } from './messageModel';
import type { TrainingData } from './trainingData';

export class CrossFit {
  private readonly phrases: MessageExample[];
  private readonly examples: Map<string, MessageExample[]>;
  private readonly engines = new Map<string, NluEngine>();

  /** `base`: the engine without a message model (trainNlu). */
  constructor(private readonly base: NluEngine, data: TrainingData, sets: readonly LabelledSet[]) {
    this.phrases = phraseExamples(base, data);
    this.examples = new Map(sets.map((s) => [path.resolve(s.file), messageExamples(base, s.lines)]));
  }

  /** The engine to score `file` with: its message model never saw a line of that file. */
  engineFor(file: string): NluEngine {
    const key = path.resolve(file);
    const built = this.engines.get(key);
    if (built) return built;
    const rest = this.trainedOn(key).flatMap((f) => this.examples.get(f)!);
    const engine = this.base.withMessages(new MessageModel([...this.phrases, ...rest]));
    this.engines.set(key, engine);
    return engine;
  }

  /**
   * One report over several sets together, each line scored by the engine for its own set
   * (`tuning`: other MESSAGE_* settings, `nlu:eval -- --tune`).
   */
  evaluateTogether(sets: readonly { file: string; lines: readonly Utterance[] }[], tuning?: MessageTuning): EvalReport {
    const engineOf = new Map<Utterance, NluEngine>();
    for (const { file, lines } of sets) {
      const engine = tuning ? this.engineFor(file).retuned(tuning) : this.engineFor(file);
      for (const u of lines) engineOf.set(u, engine);
    }
    return evaluate((u) => engineOf.get(u)!, sets.flatMap((s) => s.lines));
  }

  /** The rules and phrases alone, without a message model (`nlu:eval -- --rules-only`). */
  rulesOnly(): NluEngine {
    return this.base;
  }

  /** The labelled sets (resolved paths) the model for `file` learns from: every one but `file`. */
  trainedOn(file: string): string[] {
    const key = path.resolve(file);
    return [...this.examples.keys()].filter((f) => f !== key);
  }
}

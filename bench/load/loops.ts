/**
 * Two ways to load a server:
 * - closed loop: N residents, each sends its next turn as soon as the last one was answered;
 *   measures capacity (turns/s) but hides queueing;
 * - open loop: turns arrive at a fixed rate whatever the server does, spread over a pool of
 *   active conversations; a turn's latency counts from its scheduled arrival, so time spent
 *   waiting behind a slow server is in the figure.
 */
import type { Resident } from './residents';

export interface ClosedLoopResult {
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  errors: number;
}

export async function closedLoop(residents: Resident[], seconds: number): Promise<ClosedLoopResult> {
  const until = Date.now() + seconds * 1000;
  let turns = 0;
  let errors = 0;
  const started = Date.now();
  await Promise.all(
    residents.map(async (resident) => {
      while (Date.now() < until) {
        try {
          await resident.turn();
          turns++;
        } catch (err) {
          if (++errors === 1) console.error(`  first error: ${(err as Error).message}`);
        }
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  return { turns, seconds: elapsed, turnsPerSecond: turns / elapsed, errors };
}

export interface OpenLoopResult {
  offered: number;
  achieved: number;
  latencies: number[];
  errors: number;
  /** Arrivals turned away because the backlog was already `maxBacklog` long (server overloaded). */
  dropped: number;
}

/**
 * `rate` turns per second for `seconds`, over `residents` (each handles one turn at a time).
 * An overloaded server would otherwise make the run last for minutes: arrivals beyond
 * `maxBacklog` waiting ones are dropped and counted, and the result says so.
 */
export async function openLoop(residents: Resident[], rate: number, seconds: number, maxBacklog = rate): Promise<OpenLoopResult> {
  const idle = [...residents];
  const backlog: number[] = []; // scheduled times of arrivals that found no idle conversation
  const latencies: number[] = [];
  let errors = 0;
  let dropped = 0;
  let inFlight = 0;
  const start = performance.now();
  const total = Math.round(rate * seconds);
  let arrived = 0;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));

  const dispatch = (scheduled: number, resident: Resident): void => {
    inFlight++;
    resident.turn().then(
      () => latencies.push(performance.now() - scheduled),
      () => errors++,
    ).finally(() => {
      inFlight--;
      const next = backlog.shift();
      if (next !== undefined) dispatch(next, resident);
      else idle.push(resident);
      if (arrived === total && inFlight === 0 && backlog.length === 0) finished();
    });
  };

  const tick = (): void => {
    const now = performance.now();
    while (arrived < total && start + (arrived * 1000) / rate <= now) {
      const scheduled = start + (arrived * 1000) / rate;
      arrived++;
      const resident = idle.shift();
      if (resident) dispatch(scheduled, resident);
      else if (backlog.length < maxBacklog) backlog.push(scheduled);
      else dropped++;
    }
    if (arrived < total) setTimeout(tick, 1);
    else if (inFlight === 0 && backlog.length === 0) finished();
  };
  tick();
  await done;
  const elapsed = (performance.now() - start) / 1000;
  return { offered: rate, achieved: latencies.length / elapsed, latencies, errors, dropped };
}

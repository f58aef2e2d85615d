/**
 * Counts work in progress (turns, and the POST/DELETE requests that lead to them), so a graceful
 * shutdown can wait until nothing a resident is waiting for is still running.
 */
export interface InFlight {
  /** Marks one piece of work as started; call the returned function once when it has ended. */
  begin(): () => void;
  count(): number;
  /** Resolves when the count is zero, or after `timeoutMs`, whichever comes first. */
  whenIdle(timeoutMs: number): Promise<void>;
}

export function createInFlight(): InFlight {
  let running = 0;
  const idle: (() => void)[] = [];
  return {
    begin() {
      running++;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        if (--running === 0) for (const wake of idle.splice(0)) wake();
      };
    },
    count: () => running,
    whenIdle(timeoutMs) {
      if (running === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        timer.unref();
        idle.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

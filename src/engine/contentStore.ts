/**
 * Holds the content the bot serves and swaps it on reload. A broken edit is refused with its
 * diagnostics in the log and the bot keeps serving the last good content.
 *
 * Reload triggers: file changes in development (watched, debounced), SIGHUP and the
 * authenticated admin endpoint in production (wired in server/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../content/diagnostic';
import type { Logger } from '../logging/logger';
import { ContentBundle, loadContentBundle } from './contentBundle';
import { isEditorTempFile } from './editorFiles';

export interface ReloadOutcome {
  ok: boolean;
  version: string;
  diagnostics: Diagnostic[];
}

export class ContentStore {
  private bundle: ContentBundle | null = null;
  private watchers: fs.FSWatcher[] = [];
  private debounce: NodeJS.Timeout | null = null;
  private readonly listeners: ((outcome: ReloadOutcome) => void)[] = [];

  constructor(
    /** Read by the bot to look up a place a resident names in another county's pack. */
    readonly rootDir: string,
    /** The region this process serves (the page's county). */
    readonly region: string,
    private readonly log: Logger,
  ) {}

  /** The content in service; null only when nothing valid was ever loaded. */
  current(): ContentBundle | null {
    return this.bundle;
  }

  /** Called after every reload attempt (tests wait on it instead of sleeping). */
  onReload(listener: (outcome: ReloadOutcome) => void): void {
    this.listeners.push(listener);
  }

  reload(): ReloadOutcome {
    const outcome = this.load();
    for (const listener of this.listeners) listener(outcome);
    return outcome;
  }

  private load(): ReloadOutcome {
    const started = Date.now();
    const { bundle, diagnostics, ok } = loadContentBundle(this.rootDir, this.region);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (!ok) {
      for (const d of errors.slice(0, 50)) this.log.error({ event: 'content_diagnostic', code: d.code }, formatDiagnostic(d));
      this.log.error({ event: 'content_refused', errors: errors.length, keeping: this.bundle?.version ?? null },
        'content has errors: keeping the last good content');
      return { ok: false, version: this.bundle?.version ?? '', diagnostics };
    }
    this.bundle = bundle;
    this.log.info({ event: 'content_loaded', version: bundle.version, ms: Date.now() - started, warnings: diagnostics.length }, 'content loaded');
    return { ok: true, version: bundle.version, diagnostics };
  }

  /** Development: pick up edits in dialogs/ and content/ within a second. */
  watch(debounceMs = 150): void {
    for (const dir of ['dialogs', 'content']) {
      const abs = path.join(this.rootDir, dir);
      if (!fs.existsSync(abs)) continue;
      const watcher = fs.watch(abs, { recursive: true }, (_event, file) => {
        if (file && isEditorTempFile(String(file))) return;
        if (this.debounce) clearTimeout(this.debounce);
        this.debounce = setTimeout(() => this.reloadSafely(), debounceMs);
      });
      this.watchers.push(watcher);
    }
  }

  /** A reload from the watcher: whatever goes wrong is logged, the process and the last good content stay. */
  private reloadSafely(): void {
    try {
      this.reload();
    } catch (err) {
      this.log.error({ event: 'content_reload_failed', err: (err as Error).name }, 'content reload failed: keeping the last good content');
    }
  }

  close(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
    if (this.debounce) clearTimeout(this.debounce);
  }
}

export { hasErrors };

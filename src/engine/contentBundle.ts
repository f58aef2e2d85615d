/**
 * Everything the bot says and knows, compiled together: dialogs, the service catalogue of the
 * selected region, and the free-text model. Loading never throws; a bundle with errors is not used.
 */
import path from 'node:path';
import { buildNlu, Nlu } from '../nlu';
import type { Diagnostic } from '../content/diagnostic';
import { hasErrors } from '../content/diagnostic';
import { Catalogue, catalogueFacts, loadCatalogue } from '../content/catalogue';
import { compileProgram } from './compiler/compile';
import type { Program } from './program';

export interface ContentBundle {
  program: Program;
  catalogue: Catalogue;
  nlu: Nlu;
  version: string;
  loadedAt: Date;
}

export interface BundleResult {
  bundle: ContentBundle;
  diagnostics: Diagnostic[];
  ok: boolean;
}

export function loadContentBundle(rootDir: string, region: string): BundleResult {
  const contentDir = path.join(rootDir, 'content');
  const { catalogue, diagnostics: catalogueDiagnostics } = loadCatalogue(contentDir, region, { rootDir });
  const facts = catalogueFacts(catalogue);
  const { program, diagnostics: dialogDiagnostics } = compileProgram(rootDir, facts);
  const { nlu, diagnostics: nluDiagnostics } = buildNlu(contentDir);
  const diagnostics = [...catalogueDiagnostics, ...dialogDiagnostics, ...nluDiagnostics];
  return {
    bundle: { program, catalogue, nlu, version: `${region}-${program.version}`, loadedAt: new Date() },
    diagnostics,
    ok: !hasErrors(diagnostics),
  };
}

/** Copies the shipped content to a temporary folder that a test may edit. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export function copyContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-content-'));
  fs.cpSync(path.join(REPO_ROOT, 'dialogs'), path.join(dir, 'dialogs'), { recursive: true });
  fs.cpSync(path.join(REPO_ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  return dir;
}

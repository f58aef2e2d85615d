/**
 * Files editors leave next to the one being edited: Emacs lock files (`.#main.yaml`, often a
 * dangling symlink) and auto-saves (`#main.yaml#`), Vim swap files (`.main.yaml.swp`, `4913`),
 * backups (`main.yaml~`) and other hidden files. They are not content: the watcher ignores
 * them and the content hash skips them, so an editor opening a file cannot crash a reload.
 */
export function isEditorTempFile(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.startsWith('.') || base.startsWith('#') || base.endsWith('~') || base.endsWith('#') || /\.sw[a-p]x?$/.test(base) || base === '4913';
}

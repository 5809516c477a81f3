import {EventEmitter} from 'node:events';

const beginSynchronizedUpdate = '\u001B[?2026h';
const endSynchronizedUpdate = '\u001B[?2026l';
const clearScreen = '\u001B[2J';
// Erased before it is written: erasing after a line that fills the width would take its last cell.
const eraseLine = '\u001B[2K';
const moveTo = (row: number) => `\u001B[${row + 1};1H`;

/**
 * What to write to turn the screen showing `previous` into `next`: only the rows that changed,
 * each addressed absolutely, so that the cost of a refresh follows what changed on screen and a
 * resize that moved the cursor cannot shift the picture.
 */
export function frameDiff(previous: readonly string[], next: readonly string[], height: number): string {
  let output = '';
  const rows = Math.min(height, Math.max(previous.length, next.length));
  for (let row = 0; row < rows; row++) {
    const line = next[row] ?? '';
    if (line !== (previous[row] ?? '')) output += moveTo(row) + eraseLine + line;
  }
  return output;
}

/**
 * The terminal as Ink sees it. Ink (in its debug mode) hands over each whole frame; the screen
 * paints the difference from the last one. Ink's own incremental mode moves the cursor relative
 * to where its last frame ended, which a resize or a frame one line short of the terminal's
 * height breaks (vadimdemedes/ink#1023).
 */
export class Screen extends EventEmitter {
  private lines: string[] = [];
  /** The screen is to be cleared with the next frame (after a resize). */
  private clearPending = false;
  private readonly terminal: NodeJS.WriteStream;
  /** Bytes written to the terminal, for the benchmark. */
  bytesWritten = 0;

  constructor(terminal: NodeJS.WriteStream) {
    super();
    this.terminal = terminal;
    terminal.on('resize', this.onResize);
  }

  get columns(): number {
    return this.terminal.columns || 80;
  }

  get rows(): number {
    return this.terminal.rows || 24;
  }

  get isTTY(): boolean {
    return true;
  }

  write(frame: string, ...rest: unknown[]): boolean {
    const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
    // A frame of nothing (Ink's way of waiting for earlier writes) changes nothing on screen.
    if (frame === '') return callback ? this.terminal.write('', callback) : true;
    // Rows below the terminal's last (a frame laid out before a resize) are never addressed.
    const next = frame.split('\n', this.rows);
    const diff = (this.clearPending ? clearScreen : '') + frameDiff(this.lines, next, this.rows);
    this.lines = next;
    this.clearPending = false;
    if (diff !== '') this.send(beginSynchronizedUpdate + diff + endSynchronizedUpdate);
    callback?.();
    return true;
  }

  /** Forgets what is on screen: the next frame clears it and is painted whole, in one update. */
  repaint(): void {
    this.lines = [];
    this.clearPending = true;
  }

  close(): void {
    this.terminal.off('resize', this.onResize);
  }

  private send(text: string): void {
    this.bytesWritten += Buffer.byteLength(text);
    this.terminal.write(text);
  }

  private readonly onResize = () => {
    this.repaint();
    this.emit('resize');
  };
}

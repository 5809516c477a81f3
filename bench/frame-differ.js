// The frame differ fluvio-top used before Ink 8 (src/ui/screen.ts until the move to Ink's own
// alternateScreen + incrementalRendering), kept only so that bench/screen-compare.js can measure
// the two side by side again. Ink (in its debug mode) hands over each whole frame; this paints the
// rows that differ from the last one, each addressed absolutely.
import {EventEmitter} from 'node:events';

const beginSynchronizedUpdate = '\u001B[?2026h';
const endSynchronizedUpdate = '\u001B[?2026l';
const moveTo = (row) => `\u001B[${row + 1};1H`;

export class FrameDiffer extends EventEmitter {
  lines = [];
  clearPending = false;

  constructor(terminal) {
    super();
    this.terminal = terminal;
    terminal.on('resize', this.onResize);
  }

  get columns() {
    return this.terminal.columns || 80;
  }

  get rows() {
    return this.terminal.rows || 24;
  }

  get isTTY() {
    return true;
  }

  write(frame, ...rest) {
    const callback = rest.find((argument) => typeof argument === 'function');
    if (frame === '') return callback ? this.terminal.write('', callback) : true;
    const next = frame.split('\n', this.rows);
    let diff = this.clearPending ? '\u001B[2J' : '';
    for (let row = 0; row < Math.min(this.rows, Math.max(this.lines.length, next.length)); row++) {
      const line = next[row] ?? '';
      if (line !== (this.lines[row] ?? '')) diff += moveTo(row) + '\u001B[2K' + line;
    }
    this.lines = next;
    this.clearPending = false;
    if (diff !== '') this.terminal.write(beginSynchronizedUpdate + diff + endSynchronizedUpdate);
    callback?.();
    return true;
  }

  onResize = () => {
    this.lines = [];
    this.clearPending = true;
    this.emit('resize');
  };
}

/**
 * The mouse, as xterm's SGR mode (1006) reports it: `ESC [ < button ; column ; row M` on press,
 * `m` on release. Button events (mode 1000) give presses, releases and the wheel; motion is not
 * asked for. Ink drops these sequences from its key input; they are read here from the same stdin.
 */

/** Mouse reporting on: button presses and the wheel (1000), in SGR coordinates (1006), which have no 223-column limit. */
export const enableMouse = '\u001B[?1000h\u001B[?1006h';
/** Off again; written on every exit path, whether or not it was turned on. */
export const disableMouse = '\u001B[?1006l\u001B[?1000l';

export type MouseEvent =
  | {kind: 'wheel'; direction: 'up' | 'down'; column: number; row: number}
  /** A left-button press; `double` when it follows a press on the same row within the double-click time. */
  | {kind: 'click'; column: number; row: number; double: boolean};

// eslint-disable-next-line no-control-regex
const sgrMouse = /\u001B\[<(\d+);(\d+);(\d+)([Mm])/g;
// eslint-disable-next-line no-control-regex
const partialAtEnd = /\u001B(\[(<[\d;]*)?)?$/;

/** Two presses on the same row within this many ms are a double click (most desktops use 400-500). */
export const doubleClickMs = 400;

/**
 * Turns stdin chunks into mouse events. A sequence split across two chunks is kept until its end
 * arrives. Rows and columns are 0-based (the terminal's are 1-based).
 */
export class MouseReader {
  private pending = '';
  private lastPress: {row: number; time: number} | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  read(chunk: string): MouseEvent[] {
    const text = this.pending + chunk;
    const partial = partialAtEnd.exec(text);
    this.pending = partial ? partial[0] : '';
    const events: MouseEvent[] = [];
    for (const match of text.slice(0, text.length - this.pending.length).matchAll(sgrMouse)) {
      const event = this.event(Number(match[1]), Number(match[2]) - 1, Number(match[3]) - 1, match[4] === 'M');
      if (event) events.push(event);
    }
    return events;
  }

  private event(button: number, column: number, row: number, press: boolean): MouseEvent | null {
    // Bits 2-4 are Shift, Meta and Ctrl; bit 5 motion; bit 6 the wheel.
    const base = button & ~(4 | 8 | 16);
    if (base === 64 || base === 65) return {kind: 'wheel', direction: base === 64 ? 'up' : 'down', column, row};
    if (base !== 0 || !press) return null;
    const time = this.now();
    const double = this.lastPress !== null && this.lastPress.row === row && time - this.lastPress.time <= doubleClickMs;
    // A third press starts over rather than making a second double click.
    this.lastPress = double ? null : {row, time};
    return {kind: 'click', column, row, double};
  }
}

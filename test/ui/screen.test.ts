import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {Screen} from '../../src/ui/screen.js';

class FakeTerminal extends EventEmitter {
  columns = 40;
  rows = 5;
  written = '';
  write(text: string, callback?: () => void): boolean {
    this.written += text;
    callback?.();
    return true;
  }
  take(): string {
    const text = this.written;
    this.written = '';
    return text;
  }
}

function open() {
  const terminal = new FakeTerminal();
  return {terminal, screen: new Screen(terminal as unknown as NodeJS.WriteStream)};
}

describe('the screen paints only what changed', () => {
  it('paints the first frame whole, each row addressed from the top', () => {
    const {terminal, screen} = open();
    screen.write('header\norders 0 100\npayments 0 200');
    const out = terminal.take();
    expect(out).toContain('\u001B[1;1H\u001B[2Kheader');
    expect(out).toContain('\u001B[2;1H\u001B[2Korders 0 100');
    expect(out).toContain('\u001B[3;1H\u001B[2Kpayments 0 200');
  });

  it('a refresh in which one partition moved rewrites that row alone', () => {
    const {terminal, screen} = open();
    screen.write('header\norders 0 100\npayments 0 200');
    terminal.take();
    screen.write('header\norders 0 150\npayments 0 200');
    const out = terminal.take();
    expect(out).toContain('orders 0 150');
    expect(out).not.toContain('header');
    expect(out).not.toContain('payments');
  });

  it('writes nothing when the frame did not change', () => {
    const {terminal, screen} = open();
    screen.write('header\norders 0 100');
    terminal.take();
    screen.write('header\norders 0 100');
    expect(terminal.take()).toBe('');
  });

  it('blanks rows that the new frame no longer uses', () => {
    const {terminal, screen} = open();
    screen.write('header\norders 0 100\npayments 0 200');
    terminal.take();
    screen.write('header');
    const out = terminal.take();
    expect(out).toContain('\u001B[2;1H\u001B[2K');
    expect(out).toContain('\u001B[3;1H\u001B[2K');
    expect(out).not.toContain('header');
  });

  it('clears and repaints everything after a resize, and never addresses rows below the terminal', () => {
    const {terminal, screen} = open();
    let resized = 0;
    screen.on('resize', () => resized++);
    screen.write('header\norders 0 100');
    terminal.take();
    terminal.rows = 3;
    terminal.emit('resize');
    expect(resized).toBe(1);
    screen.write('header\norders 0 100\npayments 0 200\nsignups 0 1\nclicks 0 2');
    const out = terminal.take();
    // Cleared and repainted in one synchronized update: no blank flash between the two.
    expect(out.startsWith('\u001B[?2026h\u001B[2J')).toBe(true);
    expect(out.endsWith('\u001B[?2026l')).toBe(true);
    expect(out).toContain('header');
    expect(out).toContain('payments 0 200');
    expect(out).not.toContain('signups');
    expect(out).not.toContain('\u001B[4;1H');
  });
});

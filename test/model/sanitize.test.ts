import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {sanitize, sanitizeLine} from '../../src/model/sanitize.js';

describe('sanitising strings from outside before they reach the terminal', () => {
  it('removes CSI sequences (colours, cursor moves, clear screen)', () => {
    expect(sanitize('ord\u001B[31mers\u001B[2J\u001B[H')).toBe('orders');
  });

  it('removes an OSC 52 clipboard write and an OSC title change', () => {
    expect(sanitize('evil\u001B]52;c;cm0gLXJmIH4=\u0007topic')).toBe('eviltopic');
    expect(sanitize('a\u001B]0;pwned\u001B\\b')).toBe('ab');
  });

  it('replaces BEL, CR, backspace and DEL so nothing can overwrite the line', () => {
    expect(sanitize('a\u0007b\rc\bd\u007Fe')).toBe('a?b?c?d?e');
  });

  it('removes 8-bit C1 CSI sequences and bidi overrides', () => {
    expect(sanitize('x\u009B31my')).toBe('xy');
    expect(sanitize('abc\u202Efed')).toBe('abc?fed');
  });

  it('leaves ordinary and wide Unicode alone (display width is measured, not .length)', () => {
    expect(sanitize('注文-トピック')).toBe('注文-トピック');
    expect(stringWidth(sanitize('注文'))).toBe(4);
    expect(stringWidth(sanitize('a\u200Bb'))).toBe(2);
  });

  it('folds CLI stderr into one line', () => {
    expect(sanitizeLine('Error:\n  \u001B[1mconnection refused\u001B[0m\n')).toBe('Error: connection refused');
  });
});

import {describe, expect, it} from 'vitest';
import {MouseReader} from '../../src/ui/mouse.js';

const press = (column: number, row: number, button = 0) => `\u001B[<${button};${column};${row}M`;
const release = (column: number, row: number) => `\u001B[<0;${column};${row}m`;

describe('reading the mouse from stdin', () => {
  it('reads a click at 0-based cells, ignoring its release and keys around it', () => {
    const reader = new MouseReader(() => 0);
    expect(reader.read(`j${press(10, 5)}${release(10, 5)}k`)).toEqual([{kind: 'click', column: 9, row: 4, double: false}]);
  });

  it('reads the wheel both ways, with or without modifiers', () => {
    const reader = new MouseReader(() => 0);
    expect(reader.read(press(3, 4, 64) + press(3, 4, 65) + press(3, 4, 64 + 16))).toEqual([
      {kind: 'wheel', direction: 'up', column: 2, row: 3},
      {kind: 'wheel', direction: 'down', column: 2, row: 3},
      {kind: 'wheel', direction: 'up', column: 2, row: 3},
    ]);
  });

  it('makes a second press on the same row within 400 ms a double click, and a third a single one again', () => {
    let now = 1000;
    const reader = new MouseReader(() => now);
    expect(reader.read(press(1, 7))[0]).toMatchObject({double: false});
    now += 300;
    expect(reader.read(press(20, 7))[0]).toMatchObject({double: true});
    now += 100;
    expect(reader.read(press(20, 7))[0]).toMatchObject({double: false});
    now += 500;
    expect(reader.read(press(20, 7))[0]).toMatchObject({double: false});
    now += 100;
    expect(reader.read(press(20, 8))[0]).toMatchObject({double: false});
  });

  it('keeps a sequence split across chunks until its end arrives', () => {
    const reader = new MouseReader(() => 0);
    const sequence = press(12, 30);
    expect(reader.read(`x${sequence.slice(0, 5)}`)).toEqual([]);
    expect(reader.read(sequence.slice(5))).toEqual([{kind: 'click', column: 11, row: 29, double: false}]);
  });

  it('ignores the middle and right buttons and drags', () => {
    const reader = new MouseReader(() => 0);
    expect(reader.read(press(1, 1, 1) + press(1, 1, 2) + press(1, 1, 32))).toEqual([]);
  });
});

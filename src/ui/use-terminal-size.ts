import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

const sizeOf = (stdout: NodeJS.WriteStream): TerminalSize => ({columns: stdout.columns || 80, rows: stdout.rows || 24});

/** The terminal's size, updated on resize. */
export function useTerminalSize(): TerminalSize {
  // Ink 8 types the stream as a plain writable; the terminal's size lives on the TTY stream.
  const stdout = useStdout().stdout as NodeJS.WriteStream;
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

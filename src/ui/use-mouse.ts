import {useEffect, useEffectEvent} from 'react';
import {useStdin} from 'ink';
import {MouseReader, type MouseEvent} from './mouse.js';

/**
 * Calls `handler` for each wheel turn and click. Ink reads stdin for keys and drops the mouse's
 * sequences; a 'data' listener sees every chunk Ink reads, so both read the same input.
 */
export function useMouse(handler: (event: MouseEvent) => void, enabled: boolean): void {
  const {stdin} = useStdin();
  // The latest handler, without re-subscribing to stdin each render.
  const onEvent = useEffectEvent(handler);
  useEffect(() => {
    if (!enabled) return;
    const reader = new MouseReader();
    const onData = (chunk: string | Buffer) => {
      for (const event of reader.read(String(chunk))) onEvent(event);
    };
    stdin.on('data', onData);
    return () => {
      stdin.off('data', onData);
    };
  }, [stdin, enabled]);
}

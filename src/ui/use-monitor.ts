import {useCallback, useSyncExternalStore} from 'react';
import type {Monitor, MonitorState} from '../monitor.js';

/** The monitor's latest state; re-renders when a sample lands or the feed changes. */
export function useMonitorState(monitor: Monitor): MonitorState {
  const subscribe = useCallback((onChange: () => void) => monitor.subscribe(onChange), [monitor]);
  return useSyncExternalStore(subscribe, () => monitor.getState());
}

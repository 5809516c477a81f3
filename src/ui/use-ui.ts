import {useEffect, useReducer} from 'react';
import {useApp, useInput} from 'ink';
import type {ReplayMove, Snapshot, SnapshotFeed} from '../snapshot/snapshot.js';
import {keyPresses} from '../view/keymap.js';
import {useMouse} from './use-mouse.js';
import {initialUiState, uiReducer, type UiAction, type UiStart, type UiState} from '../view/ui-state.js';

type State = UiState<Snapshot>;

/**
 * The UI state and the monitor's snapshot in one reducer: keys, samples and resizes are actions
 * applied in order, so keys that arrive in one chunk (`jjj`, `sj`, a paste) each act on the state
 * the previous ones left. Effects the reducer asks for (quit, pause, interval) run here.
 */
export function useUi(
  monitor: SnapshotFeed,
  options: UiStart & {
    pageSize: number;
    /** Mouse reporting is on: read the wheel and clicks. */
    mouse?: boolean;
    /** The screen row of the list's first row, where a click lands on row 0. */
    firstRow?: number;
    /** The help's lines beyond the screen, which it can scroll through. */
    helpOverflow?: number;
  },
): State {
  const [state, dispatch] = useReducer(uiReducer<Snapshot>, undefined, (): State => initialUiState({...options, feed: monitor.getState()}));
  const {exit} = useApp();

  useEffect(() => {
    const unsubscribe = monitor.subscribe((feed) => dispatch({type: 'feed', feed}));
    // A sample may have landed between the first render and this subscription.
    dispatch({type: 'feed', feed: monitor.getState()});
    return unsubscribe;
  }, [monitor]);

  useEffect(() => dispatch({type: 'resize', pageSize: options.pageSize}), [options.pageSize]);
  useEffect(() => dispatch({type: 'help-size', overflow: options.helpOverflow ?? 0}), [options.helpOverflow]);

  useEffect(() => {
    if (state.effects.length === 0) return;
    for (const effect of state.effects) {
      switch (effect) {
        case 'quit':
          monitor.stop();
          exit();
          break;
        case 'toggle-pause':
          monitor.togglePause();
          break;
        case 'step':
          void monitor.stepIfPaused();
          break;
        case 'faster':
        case 'slower': {
          // A replay keeps its recorded timestamps: `refresh every 1s` there promised what never happened.
          if (monitor.getState().source.kind === 'replay') {
            dispatch({type: 'notice', text: 'a replay keeps its recorded pace (--speed sets it)'});
            break;
          }
          const interval = monitor.stepInterval(effect === 'faster' ? 1 : -1);
          dispatch({type: 'notice', text: `refresh every ${interval < 1000 ? `${interval}ms` : `${interval / 1000}s`}`});
          break;
        }
        default:
          void monitor.seek(effect.slice('seek-'.length) as ReplayMove);
      }
    }
    dispatch({type: 'effects-done', count: state.effects.length});
  }, [state.effects, monitor, exit]);

  // The mouse's sequences never reach useInput: Ink drops them. They are read beside it.
  const firstRow = options.firstRow ?? 0;
  useMouse(
    (event) =>
      dispatch(event.kind === 'wheel' ? {type: 'wheel', direction: event.direction} : {type: 'click', row: event.row - firstRow, double: event.double}),
    options.mouse ?? false,
  );

  useInput((input, key) => {
    for (const press of keyPresses(input, key)) dispatch({type: 'key', press} satisfies UiAction<Snapshot>);
  });

  return state;
}

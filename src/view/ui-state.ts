import {sortKeys, type SortKey} from './sort.js';

export type Screen = 'grid' | 'detail' | 'help';

/** Everything the keyboard changes, in one place. Pause and the interval live in the Monitor. */
export interface UiState {
  screen: Screen;
  /** The filter in force: it narrows live while it is being typed. */
  filter: string;
  editingFilter: boolean;
  alertsOnly: boolean;
  sortKey: SortKey;
  reverse: boolean;
  /** The selected partition by name, so that it survives refreshes and re-sorting. */
  selected: string | null;
  wide: boolean;
}

export type UiAction =
  | {type: 'filter-start'}
  | {type: 'filter-type'; text: string}
  | {type: 'filter-backspace'}
  | {type: 'filter-accept'}
  | {type: 'filter-cancel'}
  | {type: 'filter-clear'}
  | {type: 'toggle-alerts'}
  | {type: 'sort-next'}
  | {type: 'sort-reverse'}
  | {type: 'select'; name: string | null}
  | {type: 'open-detail'}
  | {type: 'back'}
  | {type: 'toggle-help'}
  | {type: 'toggle-wide'};

export function initialUiState(options: {filter?: string; wide?: boolean} = {}): UiState {
  return {
    screen: 'grid',
    filter: options.filter ?? '',
    editingFilter: false,
    alertsOnly: false,
    sortKey: 'status',
    reverse: false,
    selected: null,
    wide: options.wide ?? false,
  };
}

export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'filter-start':
      return {...state, screen: 'grid', editingFilter: true, filter: ''};
    case 'filter-type':
      return {...state, filter: state.filter + action.text};
    case 'filter-backspace':
      return {...state, filter: Array.from(state.filter).slice(0, -1).join('')};
    case 'filter-accept':
      return {...state, editingFilter: false};
    case 'filter-cancel':
    case 'filter-clear':
      return {...state, editingFilter: false, filter: ''};
    case 'toggle-alerts':
      return {...state, alertsOnly: !state.alertsOnly};
    case 'sort-next': {
      const index = sortKeys.findIndex((entry) => entry.key === state.sortKey);
      return {...state, sortKey: sortKeys[(index + 1) % sortKeys.length].key, reverse: false};
    }
    case 'sort-reverse':
      return {...state, reverse: !state.reverse};
    case 'select':
      return action.name === state.selected ? state : {...state, selected: action.name};
    case 'open-detail':
      return state.selected ? {...state, screen: 'detail'} : state;
    case 'back':
      return {...state, screen: 'grid'};
    case 'toggle-help':
      return {...state, screen: state.screen === 'help' ? 'grid' : 'help'};
    case 'toggle-wide':
      return {...state, wide: !state.wide};
  }
}

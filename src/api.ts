import type { ValueStore } from './state/valueStore';
import type { CurrentViewProvider } from './views/currentView';
import type { ValueFileListProvider } from './views/valueFileList';

/** What `activate` returns: lets other extensions and the integration tests read the model. */
export interface ValueLensApi {
  readonly store: ValueStore;
  readonly views: {
    readonly current: CurrentViewProvider;
    readonly intents: ValueFileListProvider;
    readonly releases: ValueFileListProvider;
  };
}

import type { LinkingService } from './state/linkingService';
import type { ReleaseWatcher } from './state/releaseWatcher';
import type { editValueFile } from './state/valueFileEditor';
import type { ValueStore } from './state/valueStore';
import type { IntentFileDecorations } from './ui/fileDecorations';
import type { StatusBarController } from './ui/statusBar';
import type { CurrentViewProvider } from './views/currentView';
import type { IntentsViewProvider } from './views/intentsView';
import type { ReleasesViewProvider } from './views/releasesView';
import type { ReportHost } from './lazy/reportHost';

/** What `activate` returns: lets other extensions and the integration tests read the model. */
export interface ValueLensApi {
  /**
   * Resolves once the first read of `.value/` has landed (activate() does not wait for it);
   * git links follow in the background (`linking.onDidChange`).
   */
  readonly ready: Promise<void>;
  readonly store: ValueStore;
  /** Links of files, commits and branches to intents, from git. */
  readonly linking: LinkingService;
  /** Edits a `.value/` file keeping its formatting (see state/valueFileEditor.ts). */
  readonly editValueFile: typeof editValueFile;
  /** The value report panel (Value: Open Value Report); `snapshot()` gives its HTML and model. */
  readonly report: ReportHost;
  readonly statusBar: StatusBarController;
  /** Release branches checked out without a value statement (`missing`, `onDidChange`, `onDidPrompt`). */
  readonly releaseWatcher: ReleaseWatcher;
  readonly decorations: IntentFileDecorations;
  readonly views: {
    readonly current: CurrentViewProvider;
    readonly intents: IntentsViewProvider;
    readonly releases: ReleasesViewProvider;
  };
}

import { SimpleGitPort } from '../../src/core/git/simpleGitPort';
import { LinkingEngine } from '../../src/core/linking/linkingEngine';
import type { LinkingOptions } from '../../src/core/linking/linkingEngine';
import type { Intent } from '../../src/core/model/types';
import { DEFAULT_CONFIG } from '../../src/core/model/types';

/** A fresh engine on the real git port, as the extension builds one for a workspace folder. */
export function newEngine(folder: string, intents: readonly Intent[], options: LinkingOptions = {}): LinkingEngine {
  return new LinkingEngine(folder, new SimpleGitPort(folder), { intents, config: DEFAULT_CONFIG }, options);
}

import type { Intent } from '../../../src/core/model/types';

/** A minimal valid intent for tests. */
export function intent(id: string, paths: readonly string[] = [], branches: readonly string[] = []): Intent {
  return { id, title: id, why: `because ${id}`, owner: 'team', status: 'active', paths, branches, links: [] };
}

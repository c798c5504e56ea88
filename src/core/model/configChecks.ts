import { isValidBranchName, isValidTrailerKey } from '../git/refName';
import { message } from '../present/messages';
import type { Problem, Range } from './problem';
import { problemOf, shortened } from './problem';
import type { YamlPath } from './yamlSource';

/**
 * What `status`, `why` and `report` need of a config the schema passed: a base branch git can be
 * asked about, a trailer key git can search for. Without these checks `check` passes a config on
 * which `status` then exits 2.
 */
export function configProblems(file: string, data: unknown, locate: (path: YamlPath, part?: 'key' | 'value') => Range): Problem[] {
  if (data === null || typeof data !== 'object') return [];
  const { baseBranch, trailer } = data as { baseBranch?: unknown; trailer?: unknown };
  const problems: Problem[] = [];
  if (typeof baseBranch === 'string' && baseBranch.length > 0 && !isValidBranchName(baseBranch)) {
    problems.push(problemOf(file, locate(['baseBranch']), 'error', 'config.baseBranch', message('configBaseBranchInvalid', shortened(baseBranch))));
  }
  if (typeof trailer === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(trailer) && !isValidTrailerKey(trailer)) {
    problems.push(problemOf(file, locate(['trailer']), 'error', 'config.trailer', message('configTrailerTooLong')));
  }
  return problems;
}

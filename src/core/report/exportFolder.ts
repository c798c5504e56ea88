import { relativeInside } from '../pathInside';

/**
 * The folder a report export is offered in first: the last export's, else the home folder; never
 * one inside the work tree (`workTree`), where the export would count as a changed file of the branch.
 */
export function exportFolder(last: string | undefined, workTree: string, home: string): string {
  if (last !== undefined && last !== '' && relativeInside(workTree, last) === undefined) return last;
  return relativeInside(workTree, home) === undefined ? home : (workTree.replace(/[\\/][^\\/]*$/, '') || home);
}

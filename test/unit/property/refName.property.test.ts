import * as assert from 'assert';
import { execFile } from 'child_process';
import fc from 'fast-check';
import { isValidBranchName } from '../../../src/core/git/refName';
import { GIT_ENV, TempRepo } from '../git/tempRepo';
import { checkProperty } from './propertyRun';

/** Pieces that make names git refuses or accepts for subtle reasons, and ordinary text. */
const PIECES = [
  'a', 'b', 'feature', 'release', '1.2', 'é', 'ß', '日本', '😀', '#42',
  '.', '..', '/', '//', '-', '@', '@{', '{', '}', '.lock', 'lock', 'HEAD', '~', '^', ':', '?', '*', '[', ']', '\\',
  ' ', '\t', '\n', '\u007f', '\u0001', '\u001f', '\u00a0', '\u2028', '+', ',', '=', '%', '!', '"', "'", '$', '|', '<', '>', ';', '&',
];

const nameArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join('')) },
  // Mostly valid names with one hazard placed somewhere.
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('feature/x', 'a/b/c', 'release/2.4.0'), fc.nat(12), fc.constantFrom(...PIECES)).map(([n, at, p]) => n.slice(0, at) + p + n.slice(at)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

/** git's own verdict: `git check-ref-format --branch <name>` exits 0 for a valid branch name. */
function gitAccepts(cwd: string, name: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('git', ['check-ref-format', '--branch', name], { cwd, env: GIT_ENV }, (error) => resolve(error === null));
  });
}

describe('property: branch-name validation agrees with git check-ref-format --branch', () => {
  let repo: TempRepo;
  before(() => {
    repo = TempRepo.create();
    repo.commit('base');
  });
  after(() => repo.remove());

  it('accepts exactly what git accepts, except the lone `@` (50 runs × up to 12 names)', async function () {
    // One git process per name: give a loaded machine time.
    this.timeout(60_000);
    let accepted = 0;
    let refused = 0;
    await checkProperty(
      'isValidBranchName = git check-ref-format --branch',
      // A NUL cannot be passed to git as an argument; our check refuses it with the other control characters.
      fc.asyncProperty(fc.array(nameArb.filter((n) => !n.includes('\0')), { minLength: 1, maxLength: 12 }), async (names) => {
        const verdicts = await Promise.all(names.map((n) => gitAccepts(repo.dir, n)));
        names.forEach((name, i) => {
          // git takes a branch named `@`, but `@` alone means HEAD in every revision argument: refused on purpose.
          const expected = name === '@' ? false : verdicts[i];
          assert.strictEqual(isValidBranchName(name), expected, `${JSON.stringify(name)}: git ${verdicts[i] ? 'accepts' : 'refuses'} it`);
          if (expected) accepted++;
          else refused++;
        });
      }),
      50,
      20261126,
    );
    // Both verdicts must be common, or the property says little.
    assert.ok(accepted >= 40 && refused >= 40, `accepted ${accepted}, refused ${refused}`);
  });

  it('refuses a NUL, which no git argument can carry', () => {
    assert.ok(!isValidBranchName('a\0b'));
  });
});

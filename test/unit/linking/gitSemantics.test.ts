import * as assert from 'assert';
import { BranchMatcher } from '../../../src/core/linking/branchMatcher';
import { notReincluded } from '../../../src/core/linking/globCheck';
import { IntentPathMatcher } from '../../../src/core/linking/pathMatcher';
import { ReleasePatterns } from '../../../src/core/release/releaseBranchName';
import { GitOracle } from './gitOracle';
import { intent } from './intents';

/** Paths and patterns where a glob reader can part ways with git (issue 18, items 16–18). */
const PATH_CASES: readonly { readonly patterns: readonly string[]; readonly paths: readonly string[] }[] = [
  // Negated classes, `!` and `^`, with ranges, and `]` as the first member.
  { patterns: ['[!a-m]*.c'], paths: ['abspath.c', 'sha1.c', 'm.c', 'n.c', 'deep/zlib.c', 'deep/abc.c', 'x.h'] },
  { patterns: ['[^a-m]*.c'], paths: ['abspath.c', 'sha1.c', 'deep/zlib.c'] },
  { patterns: ['src/[!._]*'], paths: ['src/a.ts', 'src/.env', 'src/_x', 'src/x/y'] },
  { patterns: ['[]a]x', '[!]b]y'], paths: [']x', 'ax', 'bx', ']y', 'by', 'cy'] },
  { patterns: ['[a-c-e]z'], paths: ['az', 'bz', '-z', 'ez', 'dz'] },
  { patterns: ['[[:digit:]]*', '[[:upper:]][[:lower:]].md'], paths: ['1x', 'x1', 'Ab.md', 'ab.md', 'AB.md'] },
  { patterns: ['[!a]'], paths: ['a', 'b', 'd/b', '.'.concat('x')] },
  // Directory-only patterns ending in `**`: files in sub-folders only.
  { patterns: ['t/**/'], paths: ['t/x', 't/d/x', 't/d/e/x', 'u/t/d/x', 't'] },
  { patterns: ['lib/**/'], paths: ['lib/a.js', 'lib/sub/a.js'] },
  { patterns: ['**/'], paths: ['a.txt', 'd/a.txt', 'd/e/a.txt'] },
  { patterns: ['**/d/'], paths: ['d', 'd/a', 'x/d/a', 'x/d'] },
  { patterns: ['build/'], paths: ['build', 'build/a', 'x/build/a'] },
  // Blanks: leading ones are part of the name, trailing ones go unless escaped.
  { patterns: [' Makefile'], paths: ['Makefile', ' Makefile', 'd/ Makefile'] },
  { patterns: ['Makefile  '], paths: ['Makefile', 'Makefile ', 'd/Makefile'] },
  { patterns: ['Makefile\\ '], paths: ['Makefile', 'Makefile '] },
  // `**` and `*` as git reads them.
  { patterns: ['a**b'], paths: ['ab', 'axb', 'a/b', 'x/ab', 'x/ayb'] },
  { patterns: ['**foo'], paths: ['foo', 'xfoo', 'd/xfoo', 'd/foo'] },
  // Git wildmatches what follows the text before the first wildcard on its own: there a `**` is whole.
  { patterns: ['a**/b', 'x/y**', 'p/q**/r*'], paths: ['a/b', 'ab/b', 'a/x/b', 'b', 'x/y', 'x/yz', 'x/y/z', 'p/q/r', 'p/qq/s/r1', 'p/q/rr/s'] },
  { patterns: ['a/**/b'], paths: ['a/b', 'a/x/b', 'a/x/y/b', 'a/b/c', 'x/a/b'] },
  { patterns: ['a/**'], paths: ['a', 'a/x', 'a/x/y'] },
  { patterns: ['**/x/**'], paths: ['x', 'x/a', 'd/x/a/b'] },
  { patterns: ['*.ts', '!*.test.ts'], paths: ['a.ts', 'a.test.ts', 'd/a.test.ts', '.ts'] },
  { patterns: ['/*.ts'], paths: ['a.ts', 'd/a.ts'] },
  { patterns: ['?.ts', 'd?/*'], paths: ['a.ts', 'ab.ts', 'd/a.ts', 'da/x', 'd/x'] },
  { patterns: ['\\*.md', 'a\\?'], paths: ['*.md', 'x.md', 'a?', 'ab'] },
  { patterns: ['doc/*.txt'], paths: ['doc/a.txt', 'doc/x/a.txt', 'x/doc/a.txt'] },
  { patterns: ['*'], paths: ['.env', 'a', 'd/.x'] },
  { patterns: ['.*', '!.git*'], paths: ['.env', '.gitignore', 'd/.env', 'a'] },
  { patterns: ['src/', '!src/keep.ts'], paths: ['src/a.ts', 'src/keep.ts'].slice(0, 1) },
  { patterns: ['*~', '#*'], paths: ['a~', 'b', '#x'].slice(0, 2) },
  { patterns: ['\\#x', '\\!y'], paths: ['#x', '!y', 'd/#x'] },
  { patterns: ['a[/]b'], paths: ['a/b', 'ab'] },
  // Git counts bytes: `?` and a class are one byte of a UTF-8 name.
  { patterns: ['caf?', 'x[é]y', 'n??'], paths: ['café', 'cafe', 'xéy', 'né'] },
];

describe('path globs read as git reads .gitignore (checked against git check-ignore)', () => {
  let git: GitOracle;
  before(() => (git = new GitOracle()));
  after(() => git.remove());

  for (const { patterns, paths } of PATH_CASES) {
    it(`${JSON.stringify(patterns)}`, () => {
      const matcher = new IntentPathMatcher([intent('x', patterns)]);
      const expected = git.ignored(patterns, paths);
      paths.forEach((path, i) => {
        assert.strictEqual(matcher.match(path).length > 0, expected[i], `${JSON.stringify(patterns)} on ${JSON.stringify(path)}: git says ${expected[i] ? 'covered' : 'not covered'}`);
      });
    });
  }
});

const BRANCH_CASES: readonly { readonly glob: string; readonly names: readonly string[] }[] = [
  { glob: '[!a-m]*', names: ['abspath', 'sha1', 'mainline', 'zeta', 'n1'] },
  { glob: 'feature/[!a-m]*', names: ['feature/abspath', 'feature/sha1', 'feature/deep/zz'] },
  { glob: 'feature/[^x]?', names: ['feature/ab', 'feature/xb', 'feature/abc'] },
  { glob: 'feature/*', names: ['feature/abspath', 'feature/deep/zz'] },
  { glob: 'feature/**', names: ['feature/abspath', 'feature/deep/zz'] },
  { glob: '**/zz', names: ['feature/deep/zz', 'zz'] },
  { glob: 'v[0-9].*', names: ['v1.2', 'vx.2', 'v1.2.3'] },
  { glob: 'release/[!x]*', names: ['release/2.5.0', 'release/x1'] },
];

describe('branch globs read as git reads ref globs (checked against git for-each-ref)', () => {
  let git: GitOracle;
  before(() => (git = new GitOracle()));
  after(() => git.remove());

  for (const { glob, names } of BRANCH_CASES) {
    it(glob, () => {
      const matcher = new BranchMatcher([intent('not-in-any-name', [], [glob])]);
      // Release branch patterns (config.yaml) are read the same way.
      const release = new ReleasePatterns([glob]);
      const expected = git.branchMatches(glob, names);
      names.forEach((name, i) => {
        assert.strictEqual(matcher.match(name).length > 0, expected[i], `${glob} on ${name}: git says ${expected[i] ? 'match' : 'no match'}`);
        assert.strictEqual(release.matches(name), expected[i], `release pattern ${glob} on ${name}: git says ${expected[i] ? 'match' : 'no match'}`);
      });
    });
  }
});

describe('the check warns on a ! entry exactly where git decides otherwise (checked against git check-ignore)', () => {
  let git: GitOracle;
  before(() => (git = new GitOracle()));
  after(() => git.remove());

  const PROBES = ['src/a.ts', 'src/legacy/x.ts', 'src/legacy/a/b.md', 'lib/keep.ts', 'lib/x', 'gen/a.ts', 'gen/b.md', 'pkg/a.ts', 'tools/t.sh', 'doc/old/x.md', 'doc/a.md', 'a.ts'];
  const PAIRS: readonly (readonly string[])[] = [
    ['src/**', '!src/legacy/'], ['src/**', '!src/legacy/**'], ['src/*', '!src/legacy/'], ['*.ts', '!gen/'], ['lib/', '!lib/keep.ts'],
    ['/*', '!pkg/a.ts'], ['/*', '!tools/'], ['pkg/**', '!pkg/a.ts'], ['doc/*.md', '!doc/old/'], ['src/**', '!src/legacy/a/b.md'], ['*.md', '!doc/'], ['src/', '!src/*.ts'],
  ];

  for (const paths of PAIRS) {
    it(JSON.stringify(paths), () => {
      const matcher = new IntentPathMatcher([intent('x', paths)]);
      const expected = git.ignored(paths, PROBES);
      const differs = PROBES.filter((p, i) => (matcher.match(p).length > 0) !== expected[i]);
      const warned = notReincluded(paths).size > 0;
      // The documented spelling for leaving a folder out differs from git on purpose, unwarned.
      const documented = paths[0]?.endsWith('/**') === true && paths[1]?.endsWith('/**') === true;
      assert.strictEqual(warned, differs.length > 0 && !documented, `warned ${warned}, differs from git on ${JSON.stringify(differs)}`);
    });
  }
});

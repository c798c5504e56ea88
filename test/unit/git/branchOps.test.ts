import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BranchOps } from '../../../src/core/git/branchOps';
import { InvalidGitInputError } from '../../../src/core/git/gitErrors';
import { statementFilesOnRef } from '../../../src/core/release/branchStatements';
import { createRelease, describeReport } from '../../../src/core/release/createRelease';
import { buildReleaseStatement } from '../../../src/core/release/releaseStatement';
import { hasStatementFor } from '../../../src/core/release/statementLookup';
import { TempRepo } from './tempRepo';

describe('branch operations for releases (real git)', () => {
  const repos: TempRepo[] = [];
  const make = (): TempRepo => {
    const r = TempRepo.create();
    repos.push(r);
    r.git('config', 'user.name', 'Dana Dev');
    r.git('config', 'user.email', 'dana@example.com');
    r.commit('base', ['src/a.ts']);
    r.git('tag', 'v1.0.0');
    r.commit('Add checkout\n\nIntent: checkout-speed', ['src/checkout/cart.ts']);
    r.git('tag', '-a', '-m', 'annotated', 'v1.1.0');
    return r;
  };
  after(() => repos.forEach((r) => r.remove()));

  const statement = (branch: string, base = 'main') => buildReleaseStatement({
    release: branch.slice(branch.indexOf('/') + 1), branch, base, created: '2026-11-26', summary: 'Checkout gets faster for every shopper.',
    intents: ['checkout-speed'], measures: [{ metric: 'checkout conversion', baseline: 2.1, target: 2.3, review: '2026-12-26' }],
  });

  it('lists tags (peeled), branches and commits between two refs with their trailers and files', async () => {
    const repo = make();
    repo.git('branch', 'feature/x');
    const ops = new BranchOps(repo.dir);
    const tags = await ops.tags();
    assert.deepStrictEqual(tags.map((t) => t.name).sort(), ['v1.0.0', 'v1.1.0']);
    assert.strictEqual(tags.find((t) => t.name === 'v1.1.0')?.sha, repo.head());
    assert.deepStrictEqual((await ops.branches()).map((b) => b.name).sort(), ['feature/x', 'main']);
    const between = await ops.commitsBetween('v1.0.0', 'main', 'Intent');
    assert.deepStrictEqual(between.map((c) => [c.subject, c.trailerIds, c.files]), [['Add checkout', ['checkout-speed'], ['src/checkout/cart.ts']]]);
    assert.strictEqual((await ops.commitsBetween(undefined, 'main', 'Intent')).length, 2);
    assert.strictEqual(await ops.resolveCommit('nope'), undefined);
    assert.strictEqual(await ops.resolveCommit('v1.1.0'), repo.head());
    await assert.rejects(ops.resolveCommit('--all'), InvalidGitInputError);
    await assert.rejects(ops.createAndSwitch('-x', 'main'), InvalidGitInputError);
  });

  it('creates the branch, writes the statement and commits only it with an Intent trailer', async () => {
    const repo = make();
    repo.write('src/a.ts', 'changed\n');
    repo.git('add', 'src/a.ts'); // staged work of the user: carried over, not committed
    const ops = new BranchOps(repo.dir);
    assert.strictEqual(await ops.hasUncommittedChanges(), true);
    const plan = { folder: repo.dir, statementName: '1.2.0', statement: statement('release/1.2.0'), createBranch: true, commit: true, trailer: 'Intent' };
    const report = await createRelease(plan, ops);
    assert.strictEqual(report.failed, undefined, describeReport(plan, report));
    assert.strictEqual(repo.git('symbolic-ref', '--short', 'HEAD').trim(), 'release/1.2.0');
    assert.strictEqual(repo.git('log', '-1', '--format=%B').trim(), 'State the expected value of release 1.2.0\n\nCheckout gets faster for every shopper.\n\nIntent: checkout-speed');
    assert.deepStrictEqual(repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n'), ['.value/releases/1.2.0.yaml']);
    assert.match(repo.git('status', '--porcelain'), /^M {2}src\/a\.ts/m);
    assert.match(describeReport(plan, report), /^Created release\/1\.2\.0 from main and switched to it, wrote \.value\/releases\/1\.2\.0\.yaml, committed it/);
    const onBranch = await statementFilesOnRef(ops, 'release/1.2.0');
    assert.deepStrictEqual(onBranch, [{ name: '1.2.0', branch: 'release/1.2.0' }]);
    assert.strictEqual(hasStatementFor(await statementFilesOnRef(ops, 'main'), 'release/1.2.0', '1.2.0'), false);
    assert.deepStrictEqual(await statementFilesOnRef(ops, 'no-such-branch'), []);
  });

  it('changes nothing when the branch exists or the statement is already there', async () => {
    const repo = make();
    repo.git('branch', 'release/1.2.0');
    const ops = new BranchOps(repo.dir);
    const taken = { folder: repo.dir, statementName: '1.2.0', statement: statement('release/1.2.0'), createBranch: true, commit: true, trailer: 'Intent' };
    const report = await createRelease(taken, ops);
    assert.deepStrictEqual(report.failed, { step: 'check', reason: 'Branch release/1.2.0 already exists.' });
    assert.match(describeReport(taken, report), /Nothing was changed\.$/);
    repo.write('.value/releases/1.3.0.yaml', 'mine\n');
    const existing = await createRelease({ ...taken, statementName: '1.3.0', statement: statement('release/1.3.0') }, ops);
    assert.strictEqual(existing.failed?.step, 'check');
    assert.strictEqual(fs.readFileSync(path.join(repo.dir, '.value/releases/1.3.0.yaml'), 'utf8'), 'mine\n');
    assert.strictEqual(repo.git('symbolic-ref', '--short', 'HEAD').trim(), 'main');
    assert.strictEqual(repo.git('branch', '--list', 'release/1.3.0').trim(), '');
    const unsafe = await createRelease({ ...taken, statementName: '../escape' }, ops);
    assert.strictEqual(unsafe.failed?.step, 'check');
  });

  it('says exactly what was done when git refuses a step in the middle', async () => {
    const repo = make();
    const ops = new BranchOps(repo.dir);
    // A pre-commit hook that refuses: the branch and the file exist, the commit does not.
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho "no commits today" >&2\nexit 1\n');
    fs.chmodSync(path.join(repo.dir, '.git/hooks/pre-commit'), 0o755);
    const plan = { folder: repo.dir, statementName: '1.2.0', statement: statement('release/1.2.0'), createBranch: true, commit: true, trailer: 'Intent' };
    const report = await createRelease(plan, ops);
    assert.deepStrictEqual([report.branchCreated, report.statementWritten, report.commit, report.failed?.step], [true, true, undefined, 'commit']);
    assert.match(describeReport(plan, report), /^Could not commit \.value\/releases\/1\.2\.0\.yaml \(it is on disk, uncommitted\): no commits today\. Done: created release\/1\.2\.0/);
    assert.strictEqual(repo.git('status', '--porcelain', '--', '.value').trim(), '?? .value/');
    // Local changes that the base would overwrite: git refuses the switch and creates no branch.
    fs.rmSync(path.join(repo.dir, '.git/hooks/pre-commit'));
    repo.git('checkout', '-q', 'main');
    repo.git('checkout', '-q', '-b', 'other');
    repo.commit('other side', ['src/a.ts']);
    repo.write('src/a.ts', 'dirty\n');
    const refused = await createRelease({ ...plan, statementName: '1.3.0', statement: statement('release/1.3.0', 'v1.0.0'), commit: false }, ops);
    assert.strictEqual(refused.failed?.step, 'branch');
    assert.strictEqual(refused.branchCreated, false);
    assert.strictEqual(repo.git('branch', '--list', 'release/1.3.0').trim(), '');
  });
});

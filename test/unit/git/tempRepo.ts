import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Fixed identity and no user/system config, so a developer's git setup cannot change the tests.
const emptyConfig = path.join(os.tmpdir(), 'value-lens-empty-gitconfig');
fs.writeFileSync(emptyConfig, '');
// Without the CI's pull-request variables: `status` would compare with their target branch.
const ambient = { ...process.env };
delete ambient['GITHUB_BASE_REF'];
delete ambient['CI_MERGE_REQUEST_TARGET_BRANCH_NAME'];

export const GIT_ENV: NodeJS.ProcessEnv = {
  ...ambient,
  GIT_CONFIG_GLOBAL: emptyConfig,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Dana Dev',
  GIT_AUTHOR_EMAIL: 'dana@example.com',
  GIT_COMMITTER_NAME: 'Dana Dev',
  GIT_COMMITTER_EMAIL: 'dana@example.com',
  GIT_AUTHOR_DATE: '2026-01-02T03:04:05+01:00',
  GIT_COMMITTER_DATE: '2026-01-02T03:04:05+01:00',
};
// The code under test runs git with process.env: give it the same neutral config.
process.env.GIT_CONFIG_GLOBAL = emptyConfig;
process.env.GIT_CONFIG_NOSYSTEM = '1';

/** A git repository in a fresh temp folder, driven with the real git binary. */
export class TempRepo {
  private constructor(readonly dir: string) {}

  /** `git init -b <branch>` in a new temp folder (or an empty folder when `init` is false). */
  static create(options: { branch?: string; init?: boolean } = {}): TempRepo {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-git-')));
    const repo = new TempRepo(dir);
    if (options.init !== false) repo.git('init', '-q', '-b', options.branch ?? 'main');
    return repo;
  }

  /** A repo object for a folder some git command created (clone, worktree). */
  static at(dir: string): TempRepo {
    return new TempRepo(dir);
  }

  /** Runs git; returns stdout (trailing newline kept). */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Runs git; returns stdout as bytes, as git wrote them. */
  gitBytes(...args: string[]): Buffer {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Runs git with bytes on stdin. */
  gitInput(input: string | Buffer, ...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  }

  write(file: string, content = `${file}\n`): void {
    const full = path.join(this.dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }

  /** Writes the files (content = their name plus a counter, so each commit changes them), stages and commits. */
  commit(message: string | Buffer, files: readonly string[] = []): string {
    for (const f of files) this.write(f, `${f} ${TempRepo.counter++}\n`);
    if (files.length > 0) this.git('add', '--', ...files);
    this.gitInput(message, 'commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', '-');
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  /**
   * Appends `count` commits on `branch` (starting from `from`) with one `git fast-import`,
   * far faster than one process per commit. `message(i)` gives each commit's message.
   */
  fastImport(branch: string, from: string, count: number, message: (i: number) => string, file: (i: number) => string): void {
    const chunks: string[] = [];
    for (let i = 0; i < count; i++) {
      const msg = Buffer.from(message(i), 'utf8');
      const body = `${i}\n`;
      chunks.push(
        `commit refs/heads/${branch}\n`,
        `author Dana Dev <dana@example.com> ${1767000000 + i} +0000\n`,
        `committer Dana Dev <dana@example.com> ${1767000000 + i} +0000\n`,
        `data ${msg.length}\n${message(i)}\n`,
        i === 0 ? `from ${from}\n` : '',
        `M 100644 inline ${file(i)}\ndata ${Buffer.byteLength(body)}\n${body}\n`,
      );
    }
    this.gitInput(chunks.join(''), 'fast-import', '--quiet', '--force');
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private static counter = 0;
}

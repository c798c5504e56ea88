// Apart from statusCommand.ts: the CLI checks its arguments before it loads the command's code.

/**
 * The branch a pull or merge request targets, as CI systems tell it: GitHub Actions'
 * `GITHUB_BASE_REF`, GitLab's `CI_MERGE_REQUEST_TARGET_BRANCH_NAME`. Undefined outside one.
 */
export function ciTargetBranch(env: NodeJS.ProcessEnv): { readonly branch: string; readonly from: string } | undefined {
  for (const from of ['GITHUB_BASE_REF', 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME']) {
    const branch = env[from]?.trim();
    if (branch) return { branch, from };
  }
  return undefined;
}

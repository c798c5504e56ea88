/** Command ids; they mirror `contributes.commands` in package.json (a unit test keeps both in step). */
export const CommandIds = {
  newIntent: 'valueLens.newIntent',
  init: 'valueLens.init',
  refresh: 'valueLens.refresh',
  linkPath: 'valueLens.linkPath',
  linkBranch: 'valueLens.linkBranch',
  addTrailer: 'valueLens.addTrailer',
  openIntent: 'valueLens.openIntent',
  copyIntentId: 'valueLens.copyIntentId',
  revealFileIntents: 'valueLens.revealFileIntents',
  openReport: 'valueLens.openReport',
  createReleaseBranch: 'valueLens.createReleaseBranch',
  stateExpectedValue: 'valueLens.stateExpectedValue',
  recordOutcome: 'valueLens.recordOutcome',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

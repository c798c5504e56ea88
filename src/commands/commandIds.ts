/** Command ids; they mirror `contributes.commands` in package.json (a unit test keeps both in step). */
export const CommandIds = {
  newIntent: 'valueLens.newIntent',
  refresh: 'valueLens.refresh',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

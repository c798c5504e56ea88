/** View ids; they mirror `contributes.views.valueLens` in package.json. */
export const ViewIds = {
  current: 'valueLens.current',
  intents: 'valueLens.intents',
  releases: 'valueLens.releases',
} as const;

/** Context keys read by `when` clauses in package.json. */
export const ContextKeys = {
  activated: 'valueLens.activated',
  hasValueFolder: 'valueLens.hasValueFolder',
} as const;

/**
 * Every English sentence the core hands to people, by id. `{0}`, `{1}`… are filled in order.
 * The CLI renders them as they are; the extension passes the template to `vscode.l10n.t`, so
 * the English template is also the translation key (`npm run l10n` copies them into the bundle).
 * Changing a template changes its key: translations of the old text stop applying.
 */
export const MESSAGES = {
  // Release reviews (present/reviewDue)
  reviewDueToday: 'review due today',
  reviewTomorrow: 'review tomorrow',
  reviewInDays: 'review on {1}, in {0} days',
  reviewOverdueByOneDay: 'review overdue by 1 day',
  reviewOverdueByDays: 'review overdue by {0} days',

  // Status bar (present/statusText)
  statusNoValueStated: '$(warning) No value stated',
  statusNoValueStatedLabel: 'Value Lens: this release branch has no value statement',
  statusNoIntent: '$(target) No intent',
  statusNoIntentLabel: 'Value Lens: the current branch serves no intent',
  statusGitOff: '$(target) Git links off',
  statusGitOffLabel: 'Value Lens: links from git are off, so which intents the branch serves is unknown',
  statusIntent: '$(target) {0}',
  statusServesLabel: 'Value Lens: the branch serves {0}',
  statusServesWorthLabel: 'Value Lens: the branch serves {0}, worth {1}',
  statusServesOneMoreLabel: 'Value Lens: the branch serves {0} and 1 more intent',
  statusServesMoreLabel: 'Value Lens: the branch serves {0} and {1} more intents',
  statusServesWorthOneMoreLabel: 'Value Lens: the branch serves {0}, worth {1} and 1 more intent',
  statusServesWorthMoreLabel: 'Value Lens: the branch serves {0}, worth {1} and {2} more intents',

  // The report webview's frame (webview/reportDocument) and its periods (report/reportPeriod)
  reportTitle: 'Value Report',
  reportOptions: 'Report options',
  reportPeriod: 'Period',
  reportExportHtml: 'Export as HTML',
  reportExportMarkdown: 'Export as Markdown',
  reportRestricted: 'Restricted mode: this workspace is not trusted, so the report shows all time, reads no git history (commit coverage is unavailable) and cannot be exported.',
  periodAll: 'all time',
  periodLastDays: 'last {0} days',

  // Answers typed into the New Intent and release flows (yaml/intentInput, release/*)
  inputIdEmpty: 'Enter an id, e.g. checkout-speed.',
  inputIdMalformed: 'Use lower-case letters, digits and dashes (at most 64), starting with a letter or digit, e.g. checkout-speed.',
  inputIdTaken: 'An intent "{0}" already exists in this folder; choose another id.',
  inputRequired: 'Enter {0}.',
  inputNumber: 'Enter a number such as 2.1 or 120000 (a dot for decimals, no thousands separators), or leave it empty.',
  inputCurrency: 'Enter a three-letter currency code such as EUR or USD.',
  inputSummaryEmpty: 'Say in one sentence what should be better after this release, and for whom.',
  inputSummaryPlaceholder: '"{0}" is placeholder text; say what should be better, e.g. "Checkout p95 under 800 ms should lift conversion to 2.3%."',
  inputSummaryTooShort: 'Write a sentence (a few words at least): what should be better, for whom.',
  inputReviewDateMalformed: 'Enter a date written YYYY-MM-DD, e.g. 2027-01-15.',
  inputReviewDatePast: 'The review date must be in the future (after {0}).',
  inputBranchEmpty: 'Enter a branch name, e.g. release/2.5.0.',
  inputBranchSpaces: 'Remove the spaces at the start or end of the name.',
  inputBranchInvalid: 'Not a valid git branch name: no spaces, ~ ^ : ? * [ \\, "..", "@{", "//", a trailing "/" or "." or ".lock", or a leading "-".',
  inputBranchExists: 'Branch {0} already exists. Choose another name, or switch to it and run "Value: State Expected Value for This Branch…".',
  inputBranchNotRelease: '{0} does not match the release branch patterns ({1}); use one of them, or change releaseBranches in .value/config.yaml.',
  inputBranchNoStatementName: 'No safe statement file name can be made from the branch name {0}.',

  // What Initialize did (init/runInit)
  initUnchanged: 'Value Lens is already set up here: nothing changed.',
  initHookExists: 'A pre-push hook exists at {0}; add "npx --no-install value-lens check --branch <branch>" to it yourself.',
  initHooksFolder: 'the hooks folder',
  initCreated: 'created {0}',
  initHookInstalled: 'installed the pre-push hook',
  initHookInstalledAt: 'installed the pre-push hook {0}',
  initHookLeft: 'left your pre-push hook {0} as it is: add "npx --no-install value-lens check --branch <branch>" to it.',
  initFileInTheWay: '{0} is a file, not a folder, so {1} cannot be created: move {0} away (or rename it), then run init again.',
  initNoGit: 'no pre-push hook: this folder is not in a git repository (or git was not found). Run "git init" (or install git), then "value-lens init --hook" again.',

  // What creating a release branch or stating its value did (release/createRelease)
  releaseCreatedBranch: 'created {0} from {1} and switched to it',
  releaseWrote: 'wrote {0}',
  releaseCommitted: 'committed it ({0})',
  releaseDone: 'Done: {0}.',
  releaseNothingChanged: 'Nothing was changed.',
  releaseFailed: '{0}: {1} {2}',
  releaseCouldNotStart: 'Could not start',
  releaseCouldNotCreate: 'Could not create {0}',
  releaseCouldNotWrite: 'Could not write {0}',
  releaseCouldNotCommit: 'Could not commit {0} (it is on disk, uncommitted)',

  // Why branch-level answers are partial (git/simpleGitPort)
  gitNoCommitsYet: 'No commits yet on {0}.',
  gitShallowNoMergeBase: 'Shallow clone: the history does not reach the merge-base with {0}; fetch more history to see commits ahead.',
  gitNoCommonHistory: 'HEAD has no common history with {0}.',
  gitBaseCommitMissing: 'The base branch {0} points to commit {1}, which this repository does not have: commits ahead and changed files cannot be compared. Fetch it again, or repair the branch.',
  gitConfiguredBaseMissing: 'Base branch "{0}" (from config) does not exist here.',
  gitConfiguredBaseIsTag: 'Base branch "{0}" (from config) is a tag, not a branch: set baseBranch in .value/config.yaml to a branch such as main.',
  gitShallowNoBase: 'Shallow clone without a base branch (no origin/HEAD, main or master); fetch the base to see commits ahead.',
  gitNoBase: 'No base branch: set baseBranch in .value/config.yaml, or create origin/HEAD, main or master.',

  // Schema problems (schema/schemaMessages): {0} is the field, "expected.intents[0]", or schemaTheFile
  schemaTheFile: 'The file',
  schemaRequired: 'Missing required field "{0}": add "{0}:".',
  schemaRequiredWith: 'Missing required field "{0}": add "{0}:" with {1}.',
  schemaRequiredIn: 'Missing required field "{0}" in {1}: add "{0}:".',
  schemaRequiredInWith: 'Missing required field "{0}" in {1}: add "{0}:" with {2}.',
  schemaUnknownFieldDidYouMean: 'Unknown field "{0}" is ignored (and kept when Value Lens edits the file): did you mean "{1}"?',
  schemaUnknownFieldKnown: 'Unknown field "{0}" is ignored (and kept when Value Lens edits the file): known fields here: {1}.',
  schemaType: '{0} should be {1}, not {2}.',
  schemaEnum: '{0} must be one of {1}; found {2}.',
  schemaPattern: '{0} must match {1}; found {2}.',
  schemaPatternId: '{0} must be lower-case letters, digits and dashes (at most 64), starting with a letter or digit, e.g. checkout-speed; found {1}.',
  schemaPatternLinks: '{0} must be an http:// or https:// address; other kinds of links are not opened; found {1}.',
  schemaPatternCurrency: '{0} must be a three-letter ISO 4217 code in capitals, e.g. EUR or USD; found {1}.',
  schemaPatternTrailer: '{0} must be a git trailer key: letters, digits and dashes, e.g. Intent; found {1}.',
  schemaFormatDate: '{0} must be a real date written YYYY-MM-DD; found {1}.',
  schemaMinLength: '{0} must not be empty.',
  schemaMinimum: '{0} must not be negative; found {1}.',
  schemaInvalid: '{0} is not valid.',
  schemaOther: '{0} {1}.',
  // What a required field holds ("add "owner:" with the team or person who delivers it")
  hintId: 'the file name without .yaml',
  hintTitle: 'a short name for the intent',
  hintWhy: 'why it matters to the business',
  hintOwner: 'the team or person who delivers it',
  hintStatus: 'proposed, active, delivered or dropped',
  hintRelease: 'the release name, e.g. "2.4.0"',
  hintBranch: 'the release branch, e.g. release/2.4.0',
  hintBase: 'the branch it was cut from, e.g. main',
  hintCreated: 'the date, e.g. 2026-11-26',
  hintExpected: 'a map with summary and intents',
  hintSummary: 'one sentence on the value expected',
  hintIntents: 'a list of intent ids, e.g. [checkout-speed]',
  hintRecorded: 'the date of the review, e.g. 2026-12-01',
  hintMetricName: 'the metric name',
  hintAmount: 'a number',
  hintCurrency: 'e.g. EUR',
  // Kinds of YAML values, as in "should be a list, not text ("x")"
  typeOr: '{0} or {1}',
  typeString: 'text',
  typeNumber: 'a number',
  typeInteger: 'a whole number',
  typeBoolean: 'true or false',
  typeArray: 'a list (one "- item" per line, or [a, b])',
  typeObject: 'a map of fields ("key: value" lines)',
  typeNull: 'empty',
  valueNothing: 'nothing',
  valueList: 'a list',
  valueMap: 'a map',
  valueText: 'text ("{0}")',
  valueNumber: 'the number {0}',
  valueBoolean: '{0} (a yes/no value)',

  // Files that cannot be read as YAML (model/parseValueFile)
  yamlTabAsIndent: 'YAML does not allow tabs for indentation: indent with spaces. ({0})',
  yamlDuplicateKey: 'The same key appears twice in one map: keep one of them. ({0})',
  yamlMultipleDocs: 'A .value/ file holds one YAML document: remove the extra "---" section. ({0})',
  yamlTooDeep: 'The YAML is nested too deeply to be read: write it with fewer levels. ({0})',
  yamlOther: 'YAML: {0}',
  yamlTooManyAliases: 'Too many YAML aliases (*name): more than {0} expansions is refused to protect the editor. Write the values out instead.',
  yamlCollectionKey: 'A list or map cannot be a key: keys are names, as in "title: Faster checkout". Write the key as text.',
  yamlUnreadable: 'YAML could not be read: {0}',
  fileEmptyIntent: 'The file is empty: an intent needs at least id, title, why, owner and status.',
  fileEmptyRelease: 'The file is empty: a release statement needs at least release, branch, base, created and expected (summary, intents).',
  fileTooLarge: 'File is too large; Value Lens reads .value/ files up to {0} MB.',
  fileTooLargeMb: 'File is {0} MB; Value Lens reads .value/ files up to {1} MB. Keep one intent or release per file.',
  fileBinary: 'This is a binary file, not YAML text: replace it with a YAML file or remove it from .value/.',
  fileEncoding: 'This file is not valid UTF-8 text: save it as UTF-8.',
  filePermissionDenied: 'Cannot read this file: permission denied. Fix its permissions (chmod u+r).',
  fileSymlinkLoop: 'Cannot read this file: it is a symbolic link that loops.',
  fileOutsideRepository: 'Not read: this is a symbolic link to {0}, outside the workspace folder. Value Lens reads only files inside it, so a link cannot expose other files in its messages; copy the file here instead.',
  fileLinkOutsideValue: 'Not read: this is a symbolic link to {0}, outside the .value folder. Value Lens follows only links that stay inside .value/, so a link cannot expose other files (a CI-written .env, say) in its messages; copy the file here instead.',
  fileLinkIntoGit: 'Not read: this is a symbolic link to {0}, inside the git folder. Value Lens never reads git\'s own files (.git/config may hold a CI token) through a link; remove the link.',
  fileDanglingLink: 'Skipped: this is a symbolic link to {0}, which does not exist. Fix the link or remove it.',
  fileIsFolder: 'This is a folder, not a YAML file.',
  fileNotRegular: 'This is not a regular file.',
  fileUnreadable: 'Cannot read this file: {0}',

  // Problems in .value/ files (model/*)
  problemIdMismatch: 'id "{0}" does not match the file name "{1}": rename the file to {0}.yaml or set id: {2}.',
  problemIdMismatchBadName: 'id "{0}" does not match the file name "{1}": rename the file to {0}.yaml (the file name is not a valid id).',
  problemDuplicateId: 'id "{0}" is already used by {1}: every intent needs its own id.',
  problemBadGlob: 'The glob "{0}" in {1} cannot be used: {2}.',
  problemGlobReading: 'The glob "{0}" in {1} may not mean what it seems: {2}.',
  problemGlobTooComplex: 'The glob "{0}" in {1} is too complex ({2}): Value Lens still matches it quickly, but few readers will follow it; simplify it.',
  globNoteBraces: 'Value Lens expands the brace list {0}, git reads braces literally',
  globNoteExtglob: 'git and Value Lens read {0} literally (extended globs are not supported): list the names as a brace list or as several entries',
  globNoteLeadingBlank: 'it starts with a blank, which git and Value Lens keep as part of the name: remove it unless the name starts with one',
  globNoteComment: 'git reads a line starting with # as a comment, Value Lens as a name: write \\# for the name',
  globNoteDot: 'Value Lens reads {0} as the folder root, git reads it literally and matches nothing: drop it',
  globNoteNotReincluded: 'git keeps it covered through the earlier "{0}" (git cannot re-include a file whose folder is excluded), while Value Lens un-covers it',
  problemUnknownIntent: 'Unknown intent "{0}": no .value/intents/ file has this id. Fix the id or create the intent.',
  intentHasErrors: '{0} has errors ({1})',
  unknownTrailerAmend: 'Commit {0} names "{1}" in its {2}: trailer, but no intent has this id. It is the last commit and not pushed: fix the id with git commit --amend, or create the intent {1}.',
  unknownTrailerRebase: 'Commit {0} names "{1}" in its {2}: trailer, but no intent has this id. It is not pushed: fix the id with git rebase -i {0}~1 (mark it "reword"), or create the intent {1}.',
  unknownTrailerPushed: 'Commit {0} names "{1}" in its {2}: trailer, but no intent has this id. It is already pushed, so its message cannot be rewritten safely: create the intent {1}, or ignore this warning.',
  withDidYouMean: '{0} Did you mean "{1}"?',
  fixChangeTo: 'Change to "{0}"',
  fixSetId: 'Set id to "{0}" (the file name)',
  strayTrailer: '"{0}" looks like a trailer, but git does not read it as one: put it in the last paragraph, alone or with other trailers.',
  problemReviewOverdue: 'Review overdue: "{0}" was due for review on {1}. Add an outcome: section with what actually happened.',
  folderOutsideWorkspace: 'Not read: {0} is a symbolic link to {1}, outside the workspace folder. Value Lens reads only files inside it, so a link cannot expose other files in its messages; move the folder here instead.',
  folderLinkOutsideValue: 'Not read: {0} is a symbolic link to {1}, outside the .value folder. Value Lens follows only links that stay inside .value/, so a link cannot expose other files in its messages; move the folder here instead.',
  folderLinkIntoGit: 'Not read: {0} is a symbolic link to {1}, inside the git folder. Value Lens never reads git\'s own files through a link; remove the link.',
  configBaseBranchInvalid: '"baseBranch" is not a valid git branch name ("{0}"): no spaces, ~ ^ : ? * [ \\, "..", "@{", "//", a leading "-", or a trailing "/", "." or ".lock". status, why and report cannot use it.',
  configTrailerTooLong: '"trailer" is too long: a commit trailer key has at most 100 characters, e.g. Intent.',
  problemValueNotFolder: '.value is a file, but Value Lens keeps intents in a .value/ folder: move the file away and create the folder.',
  problemSubfolderNotFolder: '{0} is a file, but Value Lens reads the YAML files inside a {0}/ folder: move the file away and create the folder.',
  problemSubfolderUnreadable: 'Cannot list the folder {0} ({1}): its files are left out until this is fixed.',
  folderPermissionDenied: 'permission denied; fix it with chmod u+rx',
} as const;

export type MessageId = keyof typeof MESSAGES;

/** An argument: plain data (ids, names, numbers, shown as they are) or a nested message. */
export type MessageArg = string | number | MessageRef;

/** A message to show, as data: rendered in English by the CLI and translated by the extension. */
export interface MessageRef {
  readonly id: MessageId;
  readonly args: readonly MessageArg[];
}

/** Fills a template's `{0}`, `{1}`… from `args` (renders a template; translates nothing). */
export type Translate = (template: string, args: readonly (string | number)[]) => string;

/** `{n}` placeholders filled in order, like `vscode.l10n.t`; unknown placeholders stay as written. */
export const fillTemplate: Translate = (template, args) =>
  template.replace(/\{(\d+)\}/g, (whole, n: string) => {
    const arg = args[Number(n)];
    return arg === undefined ? whole : String(arg);
  });

export function message(id: MessageId, ...args: MessageArg[]): MessageRef {
  return { id, args };
}

/** The message as text: nested messages first, then the template through `translate` (English by default). */
export function renderMessage(ref: MessageRef, translate: Translate = fillTemplate): string {
  const args = ref.args.map((a) => (typeof a === 'object' ? renderMessage(a, translate) : a));
  return translate(MESSAGES[ref.id], args);
}

/** The English text of an optional message. */
export function englishOf(ref: MessageRef | undefined): string | undefined {
  return ref && renderMessage(ref);
}

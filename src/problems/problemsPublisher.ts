import vscode = require('vscode');
import type { Problem, Severity } from '../core/model/problem';
import { START_OF_FILE } from '../core/model/problem';
import { VALUE_DIR } from '../core/valueFolder';
import type { FolderLinks, LinkingService } from '../state/linkingService';
import { localIsoDate } from '../core/today';
import type { ValueStore } from '../state/valueStore';
import { localize } from '../ui/localize';

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const range = new vscode.Range(p.range.start.line, p.range.start.col, p.range.end.line, p.range.end.col);
  const diagnostic = new vscode.Diagnostic(range, p.messageRef ? localize(p.messageRef) : p.message, SEVERITIES[p.severity]);
  diagnostic.source = 'Value Lens';
  diagnostic.code = p.code;
  return diagnostic;
}

/** Trailers on the current branch that name no intent: reported on the `.value` folder itself. */
function unknownTrailerProblems(links: FolderLinks | undefined, trailer: string): Problem[] {
  return (links?.scan?.unknownTrailers ?? []).map((u) => ({
    file: VALUE_DIR,
    range: START_OF_FILE,
    severity: 'warning',
    code: 'unknown-trailer-intent',
    message: vscode.l10n.t('Commit {0} names "{1}" in its {2}: trailer, but no intent has this id: fix the id (git commit --amend before pushing) or create the intent.', u.sha.slice(0, 7), u.id, trailer),
  }));
}

/**
 * Shows every problem of every folder's model in the Problems panel, plus unknown intent ids
 * in the trailers of the branch's commits; in step with the store and the git links.
 */
export function registerProblemsPublisher(context: vscode.ExtensionContext, store: ValueStore, linking: LinkingService): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('valueLens');
  const publish = (): void => {
    const today = localIsoDate();
    const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const { folder, model } of store.folders) {
      const trailer = model.config.trailer;
      for (const problem of [...model.problems(today), ...unknownTrailerProblems(linking.linksOf(folder), trailer)]) {
        const uri = vscode.Uri.joinPath(folder.uri, ...problem.file.split('/'));
        const entry = byFile.get(uri.toString()) ?? { uri, diagnostics: [] };
        entry.diagnostics.push(toDiagnostic(problem));
        byFile.set(uri.toString(), entry);
      }
    }
    collection.clear();
    collection.set([...byFile.values()].map((e) => [e.uri, e.diagnostics]));
  };
  context.subscriptions.push(collection, store.onDidChange(publish), linking.onDidChange(publish));
  publish();
  return collection;
}

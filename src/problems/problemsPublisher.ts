import vscode = require('vscode');
import type { Problem, Severity } from '../core/model/problem';
import { unknownTrailerMessage } from '../core/trailers/unknownTrailer';
import type { FolderLinks, LinkingService } from '../state/linkingService';
import { localIsoDate } from '../core/today';
import type { FolderState, ValueStore } from '../state/valueStore';
import { commitUri, registerCommitDocuments } from './commitDocument';
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

/**
 * Trailers on the current branch that name no intent, as warnings on a read-only document of the
 * commit (it opens on a double-click). An id whose intent file exists but has errors is left out:
 * that file's own problems say what to fix.
 */
function unknownTrailerDiagnostics(state: FolderState, links: FolderLinks | undefined, today: string): [vscode.Uri, vscode.Diagnostic][] {
  const scan = links?.scan;
  if (!scan) return [];
  const { model, folder } = state;
  const head = scan.state.head.kind === 'unborn' ? undefined : scan.state.head.sha;
  return scan.unknownTrailers.filter((u) => model.brokenIntentFile(u.id, today) === undefined).map((u) => {
    const ref = unknownTrailerMessage({
      sha: u.sha,
      id: u.id,
      trailer: model.config.trailer,
      isHead: u.sha === head,
      pushed: !(links.unpushedCommits?.has(u.sha) ?? false),
      known: model.intents.keys(),
    });
    const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), localize(ref), vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'Value Lens';
    diagnostic.code = 'unknown-trailer-intent';
    return [commitUri(folder, u.sha), diagnostic];
  });
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
    const add = (uri: vscode.Uri, diagnostic: vscode.Diagnostic): void => {
      const entry = byFile.get(uri.toString()) ?? { uri, diagnostics: [] };
      entry.diagnostics.push(diagnostic);
      byFile.set(uri.toString(), entry);
    };
    for (const state of store.folders) {
      const { folder, model } = state;
      for (const problem of model.problems(today)) add(vscode.Uri.joinPath(folder.uri, ...problem.file.split('/')), toDiagnostic(problem));
      for (const [uri, diagnostic] of unknownTrailerDiagnostics(state, linking.linksOf(folder), today)) add(uri, diagnostic);
    }
    collection.clear();
    collection.set([...byFile.values()].map((e) => [e.uri, e.diagnostics]));
  };
  registerCommitDocuments(context);
  context.subscriptions.push(collection, store.onDidChange(publish), linking.onDidChange(publish));
  publish();
  return collection;
}

import * as vscode from 'vscode';
import type { Problem, Severity } from '../core/model/problem';
import { localIsoDate } from '../core/today';
import type { ValueStore } from '../state/valueStore';

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const range = new vscode.Range(p.range.start.line, p.range.start.col, p.range.end.line, p.range.end.col);
  const diagnostic = new vscode.Diagnostic(range, p.message, SEVERITIES[p.severity]);
  diagnostic.source = 'Value Lens';
  diagnostic.code = p.code;
  return diagnostic;
}

/** Shows every problem of every folder's model in the Problems panel, in step with the store. */
export function registerProblemsPublisher(context: vscode.ExtensionContext, store: ValueStore): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('valueLens');
  const publish = (): void => {
    const today = localIsoDate();
    const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const { folder, model } of store.folders) {
      for (const problem of model.problems(today)) {
        const uri = vscode.Uri.joinPath(folder.uri, ...problem.file.split('/'));
        const entry = byFile.get(uri.toString()) ?? { uri, diagnostics: [] };
        entry.diagnostics.push(toDiagnostic(problem));
        byFile.set(uri.toString(), entry);
      }
    }
    collection.clear();
    collection.set([...byFile.values()].map((e) => [e.uri, e.diagnostics]));
  };
  context.subscriptions.push(collection, store.onDidChange(publish));
  publish();
  return collection;
}

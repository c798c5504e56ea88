import vscode = require('vscode');
import type { Intent } from '../core/model/types';
import { formatMoneyShort } from '../core/present/formatMoney';
import type { ValueStore } from '../state/valueStore';
import { md } from '../views/commonNodes';
import { intentAt } from './intentLookup';

/** The hover text of an intent: title, why, value, owner, status. */
export function intentHoverMarkdown(intent: Intent, locale: string): vscode.MarkdownString {
  const facts = [
    intent.value && vscode.l10n.t('**Value:** {0}', md(formatMoneyShort(intent.value, locale))),
    vscode.l10n.t('**Owner:** {0}', md(intent.owner)),
    vscode.l10n.t('**Status:** {0}', md(intent.status)),
  ].filter(Boolean);
  return new vscode.MarkdownString(`**${md(intent.title)}** (\`${intent.id}\`)\n\n${md(intent.why.trim())}\n\n${facts.join(' · ')}`);
}

/** Shows what an intent is about when the cursor rests on its id. */
export class IntentHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: ValueStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = intentAt(this.store, document, position);
    return found && new vscode.Hover(intentHoverMarkdown(found.entry.intent, vscode.env.language), found.range);
  }
}

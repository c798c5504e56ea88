import type { Money } from '../model/types';
import { formatMoneyShort } from './formatMoney';
import type { MessageRef, Translate } from './messages';
import { fillTemplate, message, renderMessage } from './messages';

/** What the status bar knows, as plain values. */
export interface StatusInput {
  /** The branch's intents, strongest first, with their value if stated. */
  readonly intents: readonly { readonly id: string; readonly value?: Money }[];
  /** The branch is a release branch without a value statement. */
  readonly missingStatement: boolean;
  /** Any workspace folder has `.value/`. */
  readonly hasValueFolder: boolean;
  /**
   * Git was not asked (untrusted workspace, no repository, git missing): no intents means
   * "unknown", not "none".
   */
  readonly gitOff?: boolean;
}

export interface StatusView {
  readonly visible: boolean;
  readonly text: string;
  readonly warning: boolean;
  /** Screen-reader label: the text without icons, in words. */
  readonly label: string;
}

function servesLabel(id: string, worth: string | undefined, more: number): MessageRef {
  if (worth === undefined) return more === 0 ? message('statusServesLabel', id) : more === 1 ? message('statusServesOneMoreLabel', id) : message('statusServesMoreLabel', id, more);
  return more === 0 ? message('statusServesWorthLabel', id, worth) : more === 1 ? message('statusServesWorthOneMoreLabel', id, worth) : message('statusServesWorthMoreLabel', id, worth, more);
}

/**
 * The status-bar text for a state: `$(target) checkout-speed · €120K/yr +2`; `translate` renders
 * the messages (English by default, `vscode.l10n.t` in the extension).
 */
export function formatStatus(input: StatusInput, locale = 'en', translate: Translate = fillTemplate): StatusView {
  const text = (ref: MessageRef): string => renderMessage(ref, translate);
  if (input.missingStatement) return { visible: true, text: text(message('statusNoValueStated')), warning: true, label: text(message('statusNoValueStatedLabel')) };
  if (!input.hasValueFolder) return { visible: false, text: '', warning: false, label: '' };
  const [main, ...others] = input.intents;
  if (!main && input.gitOff) return { visible: true, text: text(message('statusGitOff')), warning: false, label: text(message('statusGitOffLabel')) };
  if (!main) return { visible: true, text: text(message('statusNoIntent')), warning: false, label: text(message('statusNoIntentLabel')) };
  const value = main.value ? ` · ${formatMoneyShort(main.value, locale)}` : '';
  const more = others.length ? ` +${others.length}` : '';
  const label = text(servesLabel(main.id, main.value && formatMoneyShort(main.value, locale), others.length));
  return { visible: true, text: text(message('statusIntent', `${main.id}${value}${more}`)), warning: false, label };
}

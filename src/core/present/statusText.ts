import type { Money } from '../model/types';
import { formatMoneyShort } from './formatMoney';

/** What the status bar knows, as plain values. */
export interface StatusInput {
  /** The branch's intents, strongest first, with their value if stated. */
  readonly intents: readonly { readonly id: string; readonly value?: Money }[];
  /** The branch is a release branch without a value statement. */
  readonly missingStatement: boolean;
  /** Any workspace folder has `.value/`. */
  readonly hasValueFolder: boolean;
}

export interface StatusView {
  readonly visible: boolean;
  readonly text: string;
  readonly warning: boolean;
  /** Screen-reader label: the text without icons, in words. */
  readonly label: string;
}

/** The status-bar text for a state: `$(target) checkout-speed · €120K/yr +2`. */
export function formatStatus(input: StatusInput, locale = 'en'): StatusView {
  if (input.missingStatement) return { visible: true, text: '$(warning) No value stated', warning: true, label: 'Value Lens: this release branch has no value statement' };
  if (!input.hasValueFolder) return { visible: false, text: '', warning: false, label: '' };
  const [main, ...others] = input.intents;
  if (!main) return { visible: true, text: '$(target) No intent', warning: false, label: 'Value Lens: the current branch serves no intent' };
  const value = main.value ? ` · ${formatMoneyShort(main.value, locale)}` : '';
  const more = others.length ? ` +${others.length}` : '';
  const label = `Value Lens: the branch serves ${main.id}${main.value ? `, worth ${formatMoneyShort(main.value, locale)}` : ''}${others.length ? ` and ${others.length} more intent${others.length === 1 ? '' : 's'}` : ''}`;
  return { visible: true, text: `$(target) ${main.id}${value}${more}`, warning: false, label };
}

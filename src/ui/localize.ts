import vscode = require('vscode');
import type { MessageRef, Translate } from '../core/present/messages';
import { renderMessage } from '../core/present/messages';

/** Renders core messages in the display language: the English template is the `vscode.l10n` key. */
export const translate: Translate = (template, args) => vscode.l10n.t(template, ...args);

/** A core message (problem, validation, review) as text in the display language. */
export function localize(ref: MessageRef): string;
export function localize(ref: MessageRef | undefined): string | undefined;
export function localize(ref: MessageRef | undefined): string | undefined {
  return ref && renderMessage(ref, translate);
}

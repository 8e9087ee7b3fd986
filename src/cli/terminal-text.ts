import { stripVTControlCharacters } from 'node:util';

/**
 * Page titles, headings and inventory tags are other people's text: printed raw, an escape sequence
 * in one could clear the screen, retitle the window, forge a hyperlink or hide lines. Node's own
 * stripper removes the ANSI sequences; what is left of C0/C1 controls and the bidirectional
 * overrides (text that reads differently from what it is) is removed too. Tabs and newlines become
 * spaces so a cell stays on its line.
 */
const CONTROLS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function printable(text: string): string {
  return stripVTControlCharacters(text)
    .replace(/[\t\n\r]/g, ' ')
    .replace(CONTROLS, '');
}

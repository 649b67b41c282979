/**
 * @module Single-line text fields (names, titles, institutions, subjects, letter numbers…): they refuse
 * line breaks, tabs and every other control character, which could forge extra lines in a mail header, a
 * CSV row, a calendar file or a letter. Use `.refine(...SINGLE_LINE)` after `.trim()`, so a stray break at
 * either end is trimmed away rather than refused. Multi-line fields (purpose, notes) do not use it.
 */
import { msg } from "./validate";

// C0 controls (tab, LF and CR included), DEL, C1 controls (NEL included), and the Unicode line and
// paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const NOT_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** True when `value` has no line break, tab or other control character. */
export const isSingleLine = (value: string): boolean => !NOT_ONE_LINE.test(value);

/** `z.string().trim().refine(...SINGLE_LINE)`: the check and its bilingual message. */
export const SINGLE_LINE = [isSingleLine, msg("error.singleLine")] as const;

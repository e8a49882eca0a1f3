import { compile } from 'html-to-text';

/**
 * Email HTML is built from layout tables (MJML) that must read as paragraphs, not as data
 * tables; images, dividers and the hidden preview line carry no text worth keeping.
 */
const convert = compile({
  wordwrap: false,
  selectors: [
    { selector: 'table', format: 'block', options: { leadingLineBreaks: 0, trailingLineBreaks: 0 } },
    { selector: 'tr', format: 'block', options: { leadingLineBreaks: 0, trailingLineBreaks: 0 } },
    { selector: 'td', format: 'block', options: { leadingLineBreaks: 0, trailingLineBreaks: 0 } },
    { selector: 'img', format: 'skip' },
    { selector: 'hr', format: 'skip' },
    { selector: '[style*="display:none"]', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
  ],
});

/** A readable plain-text alternative of an email's HTML body (links kept as "text [url]"). */
export function htmlToPlainText(html: string): string {
  return convert(html)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

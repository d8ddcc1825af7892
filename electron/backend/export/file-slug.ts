// File names for exports, kept apart from the renderers so that naming a file loads none of them.

const wordChar = /[\p{L}\p{N}]/u;

/**
 * A file name from a title: characters Windows and macOS refuse are dropped, the rest kept (including
 * Chinese). A title longer than `max` is cut there, before a word it would split ("the trillion-y")
 * when the text is spaced into words, and without a dangling bracket or dash.
 */
export function fileSlug(text: string, max = 60): string {
  const refused = (ch: string): boolean => ch.codePointAt(0)! < 0x20 || '<>:"/\\|?*'.includes(ch);
  const slug = [...text]
    .map((ch) => (refused(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  let head = slug.slice(0, max);
  const split = slug.length > max && wordChar.test(head.at(-1) ?? '') && wordChar.test(slug[max] ?? '') && /[A-Za-z]/.test(head.at(-1) ?? '');
  const space = head.lastIndexOf(' ');
  if (split && space > max / 2) head = head.slice(0, space);
  return head.replace(/[\s.,;:([{\-–—]+$/u, '') || 'chart';
}

// File names for exports, kept apart from the renderers so that naming a file loads none of them.

/** A file name from a title: characters Windows and macOS refuse are dropped, the rest kept (including Chinese). */
export function fileSlug(text: string, max = 60): string {
  const refused = (ch: string): boolean => ch.codePointAt(0)! < 0x20 || '<>:"/\\|?*'.includes(ch);
  const slug = [...text]
    .map((ch) => (refused(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return slug.slice(0, max) || 'chart';
}

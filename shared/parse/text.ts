// Text as exported by Chinese Excel/WPS and statistical portals: full-width digits and punctuation,
// ideographic spaces and non-breaking spaces are common and must read the same as ASCII.

/** True when the text holds a character that `toHalfWidth` would change. */
function hasWideOrSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f) return true;
  }
  return false;
}

/** Full-width ASCII (０-９, ．，％（） …) to half-width; ideographic and no-break spaces to a space. */
export function toHalfWidth(text: string): string {
  if (!hasWideOrSpace(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f) out += ' ';
    else out += text[i];
  }
  return out;
}

/** Half-width, trimmed, inner runs of whitespace collapsed: the form labels are compared in. */
export function normaliseLabel(text: string): string {
  return toHalfWidth(text).trim().replace(/\s+/g, ' ');
}

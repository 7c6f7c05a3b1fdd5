/** The text of save number n: large enough to span several pages, and recognisable whole. */
export function crashText(n: number): string {
  const line = `Révision ${n} — l'auteur écrit, le modèle répond seulement. `;
  return `${line.repeat(40 + (n % 60))}#${n}#end`;
}

/** The save number a text belongs to, or null if it is not a whole text from crashText. */
export function crashTextNumber(text: string): number | null {
  const m = /#(\d+)#end$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return crashText(n) === text ? n : null;
}

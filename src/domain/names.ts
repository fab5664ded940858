// Folding of names so that spellings of one entity meet: case, accents, punctuation and spacing.
// Transliteration variants (Shoigu/Shoygu) are not guessable by rule; they go through the alias table.

/** Letters that Unicode decomposition does not split into a base letter plus a mark. */
const UNDECOMPOSABLE: Record<string, string> = {
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd',
};

/**
 * Folds a name to its matching key: "  Ḥmeimim " → "hmeimim", "I.S.I.S." → "isis", "al-Assad" → "al assad",
 * "The Kremlin" → "kremlin". Two names denote the same spelling when their folds are equal.
 */
export function foldName(name: string): string {
  const letters = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłøđħßæœþð]/g, (ch) => UNDECOMPOSABLE[ch] ?? ch);
  const spaced = letters
    // Dots and apostrophes sit inside one word (I.S.I.S., Kurd's): drop them without a gap.
    .replace(/[.'’ʼ`]/g, '')
    // Any other punctuation or symbol separates words (al-Assad, Syria/Iraq).
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // A leading article is not part of the name reviewers look for ("the Kremlin" = "Kremlin").
  return spaced.replace(/^the /, '');
}

/** Text matching as t:Contains defines it: a containment mode and a comparison. */

export const CONTAINMENT_MODES = ['FullString', 'Prefixed', 'Substring', 'PrefixOnWords', 'ExactPhrase'] as const;
export type ContainmentMode = (typeof CONTAINMENT_MODES)[number];

export const CONTAINMENT_COMPARISONS = [
  'Exact',
  'IgnoreCase',
  'IgnoreNonSpacingCharacters',
  'Loose',
  'IgnoreCaseAndNonSpacingCharacters',
  'LooseAndIgnoreCase',
  'LooseAndIgnoreNonSpace',
  'LooseAndIgnoreCaseAndIgnoreNonSpace',
] as const;
export type ContainmentComparison = (typeof CONTAINMENT_COMPARISONS)[number];

function normalise(s: string, comparison: ContainmentComparison): string {
  let out = s.normalize('NFC');
  const loose = comparison.startsWith('Loose');
  if (loose || comparison.includes('IgnoreCase')) out = out.toLowerCase();
  if (loose || comparison.includes('NonSpac') || comparison.includes('IgnoreNonSpace')) {
    out = out.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
  }
  // Loose comparisons also fold runs of white space.
  if (loose) out = out.replace(/\s+/g, ' ');
  return out;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);

export function containsText(haystack: string, needle: string, mode: ContainmentMode, comparison: ContainmentComparison): boolean {
  const h = normalise(haystack, comparison);
  const n = normalise(needle, comparison);
  switch (mode) {
    case 'FullString':
      return h === n;
    case 'Prefixed':
      return h.startsWith(n);
    case 'Substring':
      return h.includes(n);
    case 'PrefixOnWords':
      return occurrences(h, n).some((i) => !isWordChar(h[i - 1]));
    case 'ExactPhrase':
      return occurrences(h, n).some((i) => !isWordChar(h[i - 1]) && !isWordChar(h[i + n.length]));
  }
}

function occurrences(h: string, n: string): number[] {
  const out: number[] = [];
  if (n === '') return [0];
  for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + 1)) out.push(i);
  return out;
}

// What the figure finders return: a figure found in a sentence, with offsets into that sentence.

import type { IsoDate, Qualifier } from '../domain/types.js';

export type MentionUnit = 'date' | 'count' | 'percent' | 'km' | 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';

/** A figure found in a sentence. */
export interface Mention {
  /** offsets into the sentence text */
  start: number;
  end: number;
  /** the figure as written, qualifier included ("more than 400,000") */
  text: string;
  unit: MentionUnit;
  low: number | IsoDate | null;
  high: number | IsoDate | null;
  qualifier: Qualifier;
  /** a period the figure covers, when the words around it say so ("since last September") */
  scope?: { from: IsoDate | null; to: IsoDate | null } | null;
}

/** True when [start, end) overlaps any taken span. */
export function overlaps(taken: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return taken.some((t) => start < t.end && end > t.start);
}

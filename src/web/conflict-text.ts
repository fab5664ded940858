// What each conflict rule means, in the reviewer's words, shown beside the explanation the rule wrote for
// one pair. Kept next to the web layer because it is presentation; the rules themselves are in
// src/domain/crosscheck.ts and these sentences must say what they check.
import type { RuleId } from '../domain/crosscheck.js';

const RULE_TEXT: Record<RuleId | 'manual', { name: string; meaning: string }> = {
  'event-date': {
    name: 'Event dates',
    meaning: 'An event that happens once (a war’s start or end) is given dates that do not overlap, so both cannot be right.',
  },
  'point-in-time': {
    name: 'Figures at the same time',
    meaning: 'Two figures that hold at dates close together (within the as-of window) do not overlap, even allowing the tolerance either way.',
  },
  'period-count': {
    name: 'Counts for the same period',
    meaning: 'Two counts for (nearly) the same period — at least 80 % of their days in common — do not overlap, even allowing the tolerance.',
  },
  'cumulative-total': {
    name: 'Running totals',
    meaning: 'Totals counted from the same start cannot go down over time, and totals given at about the same date should overlap.',
  },
  'duration-vs-start': {
    name: 'Duration against start date',
    meaning: 'How long something has lasted, counted back from when it was said, puts its start elsewhere than a stated start date.',
  },
  manual: { name: 'Flagged by a reviewer', meaning: 'A reviewer marked these claims as conflicting; the note says why.' },
};

/** The name and plain-language meaning of a conflict rule (unknown rules get a neutral text). */
export function ruleText(rule: string): { name: string; meaning: string } {
  return RULE_TEXT[rule as RuleId] ?? { name: rule, meaning: 'A rule found these claims incompatible.' };
}

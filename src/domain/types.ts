// Domain types shared by every layer. Pure data: no behaviour, no imports of express/sqlite/ejs.
// Names follow the reviewer's language: source, claim, speaker, figure, conflict, fact.

export const CLAIM_KINDS = ['casualties', 'territory', 'date', 'duration', 'count', 'percentage'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_STATUSES = ['candidate', 'confirmed', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_RANKS = ['preferred', 'normal', 'deprecated'] as const;
export type ClaimRank = (typeof CLAIM_RANKS)[number];

export const RANK_REASONS = ['superseded', 'retracted', 'error', 'self-report', 'different-scope', 'other'] as const;
export type RankReason = (typeof RANK_REASONS)[number];

export const CLAIM_ORIGINS = ['extracted', 'manual'] as const;
export type ClaimOrigin = (typeof CLAIM_ORIGINS)[number];

export const ENTITY_TYPES = ['person', 'organisation', 'force', 'place', 'event', 'outlet', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const SOURCE_FORMATS = ['text', 'markdown', 'html'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const CONFLICT_STATUSES = ['open', 'explained', 'resolved'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

/** Units a numeric figure can carry. Durations use calendar units; counts are plain numbers. */
export const DURATION_UNITS = ['year', 'month', 'week', 'day', 'hour', 'minute'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type NumericUnit = 'count' | 'percent' | 'km' | DurationUnit;

/** ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

/**
 * Every figure is an interval [low, high]; high = null means open above, low = null open below.
 * Dates are intervals of ISO dates covering their precision ("September 2015" = 2015-09-01..2015-09-30).
 */
export type Figure =
  | { unit: 'date'; low: IsoDate | null; high: IsoDate | null }
  | { unit: NumericUnit; low: number | null; high: number | null };

/**
 * How the figure was qualified in the text; maps to the interval by the one table in figures.ts.
 * exact "400" · about "about/around/roughly/some 400" · nearly "nearly 400" · at-least "more than/over/at least 400"
 * at-most "up to/as many as/less than 400" · range "between 300 and 400", "one or two" · vague "hundreds", "a few dozen"
 */
export const QUALIFIERS = ['exact', 'about', 'nearly', 'at-least', 'at-most', 'range', 'vague'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface Source {
  id: number;
  title: string;
  publisher: string;
  author: string | null;
  url: string | null;
  publishedAt: IsoDate;
  language: string;
  body: string;
  bodySha256: string;
  format: SourceFormat;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** For a source fetched by URL: the address fetched (after redirects) and when; null otherwise. */
  fetchedUrl: string | null;
  fetchedAt: string | null;
  /** The media type the document arrived as (application/pdf for a PDF's text); null for sources stored before it was kept. */
  mediaType: string | null;
  /** The version of the article this text replaced (fetched again, found changed); null for a first version. */
  previousVersionId: number | null;
}

export interface Entity {
  id: number;
  name: string;
  type: EntityType;
  aliases: string[];
  /** The entity this one is part of (a topic hierarchy), or null; absent where not loaded. */
  partOfId?: number | null;
}

export interface Claim {
  id: number;
  sourceId: number;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  valueText: string;
  kind: ClaimKind;
  metric: string;
  subjectId: number | null;
  figure: Figure;
  qualifier: Qualifier;
  scopeFrom: IsoDate | null;
  scopeTo: IsoDate | null;
  asOf: IsoDate | null;
  /** null = the publisher's own voice */
  speakerId: number | null;
  attributionCue: string | null;
  relay: string | null;
  hedge: string | null;
  status: ClaimStatus;
  rank: ClaimRank;
  rankReason: string | null;
  note: string | null;
  origin: ClaimOrigin;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A claim as the extractor proposes it: the `crosscheck extract --json` contract (README, "Architecture"), plus relay/asOf. */
export interface ExtractedClaim {
  kind: ClaimKind;
  quote: string;
  /** offsets into the document text: text.slice(start, end) === quote */
  start: number;
  end: number;
  valueText: string;
  value: { low: number | string | null; high: number | string | null; unit: string };
  qualifier: Qualifier;
  speaker: string | null;
  attributionCue: string | null;
  relay: string | null;
  hedge: string | null;
  subject: string | null;
  metric: string;
  /** who or what a count counts, in words ("civilians", "Russian soldiers", "townships"); null for other figures */
  population: string | null;
  scope: { from: IsoDate | null; to: IsoDate | null } | null;
  asOf: IsoDate | null;
}

/** The editable vocabulary extraction reads: metric keywords, entities with aliases and the grammar vocabulary. Stored in the database. */
export interface Lexicon {
  metrics: LexiconMetric[];
  entities: LexiconEntity[];
  /** The word lists the extraction rules read; absent, the shipped ones (db/lexicon/grammar.json). */
  grammar?: GrammarVocabulary;
}
/**
 * A lexicon file as read: a pack may also bring grammar entries, added to the stored lists (any list, or none; a role
 * it names that has no list gets one). `grammar` is then the shipped vocabulary, stored first where the database has none.
 */
export interface LexiconPack extends Lexicon {
  grammarAdditions?: Partial<GrammarVocabulary>;
}
/** The grammar vocabulary: word lists the extraction rules read (see db/lexicon/grammar.json). */
export interface GrammarVocabulary {
  /** speech verbs and fixed phrases ("said", "declined to comment"), matched as written */
  reportingVerbs: string[];
  /** reporting phrases as regular-expression patterns ("put the (?:death )?toll at") */
  reportingPatterns: string[];
  /** words that mark a figure as unconfirmed ("reportedly") */
  hedges: string[];
  /** role → the head nouns that count it ("soldiers": soldier, troops…) */
  roleNouns: Record<string, string[]>;
  /** words a force is named with after its demonym ("forces", "troops") */
  forceWords: string[];
  /** words that make a paragraph a photo caption ("photo", "handout") */
  captionWords: string[];
  /** picture agencies that sign captions */
  captionAgencies: string[];
}
export interface LexiconMetric {
  /** e.g. "killed", "territory controlled", "troops deployed" */
  metric: string;
  kind: ClaimKind;
  /** lower-case words or phrases that signal this metric near a figure */
  keywords: string[];
}
export interface LexiconEntity {
  name: string;
  type: EntityType;
  aliases: string[];
  /** The name (or alias) of the entity this one is part of, e.g. a force part of a war; fact sheets include parts. */
  partOf?: string;
}

export interface Conflict {
  id: number;
  key: string;
  rule: string;
  severity: number;
  explanation: string;
  status: ConflictStatus;
  resolutionNote: string | null;
  preferredClaimId: number | null;
  subjectId: number | null;
  metric: string;
  claimIds: number[];
  manual: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: 'create' | 'update' | 'delete' | 'merge' | 'resolve' | 'reopen' | 'flag' | string;
  entity: 'source' | 'claim' | 'entity' | 'conflict' | 'alias' | 'lexicon' | string;
  entityId: number;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** The clock is passed in, never read inside domain code. */
export type Clock = () => Date;

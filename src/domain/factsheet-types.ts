// The fact sheet's shapes: what buildFactSheet (factsheet.ts) takes and the plain data object it returns, which
// the renderers in src/render/factsheet/ write out.
import type { CrosscheckSettings } from './crosscheck.js';
import type { ComparedClaim } from './compare.js';
import type { Conflict, ConflictStatus, Figure, IsoDate, Source } from './types.js';

/** What the reviewer picked. Empty lists mean "all"; null dates mean "open". */
export interface FactSheetFilter {
  subjects: string[];
  metrics: string[];
  from: IsoDate | null;
  to: IsoDate | null;
  /** Include unreviewed (candidate) claims; off by default in the builder page. */
  includeCandidates: boolean;
}

export type FactSheetSource = Pick<Source, 'id' | 'title' | 'publisher' | 'author' | 'url' | 'publishedAt' | 'bodySha256'>;
export type FactSheetConflict = Pick<
  Conflict,
  'id' | 'key' | 'rule' | 'severity' | 'explanation' | 'status' | 'resolutionNote' | 'preferredClaimId' | 'claimIds'
> & {
  stale?: boolean;
  /** The fact the conflict is filed under (a duration-vs-start conflict under the start date); shown there once. */
  subjectId?: number | null;
  metric?: string;
};

export interface FactSheetInput {
  claims: readonly ComparedClaim[];
  sources: readonly FactSheetSource[];
  conflicts: readonly FactSheetConflict[];
  filter: FactSheetFilter;
  /** ISO timestamp of generation, passed in (the clock is never read here). */
  generatedAt: string;
  settings?: CrosscheckSettings;
  /**
   * The subjects' "part of" links, for the order of the sections (a whole before its parts). Subjects not listed
   * have no parent.
   */
  subjects?: readonly SheetSubjectLink[];
  /** The subjects the sheet is about, in the reviewer's order (default: the filter's subjects). Their sections come first. */
  topics?: readonly string[];
  /** Minor facts (dates of recurring events: visits, meetings, attacks): in an appendix (default) or left out. */
  minorFacts?: MinorFacts;
}

export type MinorFacts = 'appendix' | 'omit';

export interface SheetSubjectLink {
  id: number;
  partOfId: number | null;
}

/** One claim as the sheet cites it; `footnote` numbers run through the whole sheet. */
export interface SheetClaim {
  footnote: number;
  claimId: number;
  status: string;
  rank: string;
  rankReason: string | null;
  kind: string;
  valueText: string;
  qualifier: string;
  figure: Figure;
  intervalText: string;
  scopeFrom: IsoDate | null;
  scopeTo: IsoDate | null;
  asOf: IsoDate;
  timeScope: string;
  speaker: string | null;
  attributionCue: string | null;
  relay: string | null;
  hedge: string | null;
  quote: string;
  /** "The Gazette, 19 March 2019; according to Sergei Shoigu; via TASS; reportedly" */
  attribution: string;
  /** The claim names no subject; the sheet counts it under its article's most common subject (see buildFactSheet). */
  subjectInferred: boolean;
  /** Number of the source in the sources list. */
  sourceNumber: number;
  source: SheetSource;
}

export interface SheetSource {
  number: number;
  id: number;
  publisher: string;
  author: string | null;
  publishedAt: IsoDate;
  title: string;
  url: string | null;
  sha256: string;
}

/** A value of a fact: the figure in words and who backs it. */
export interface SheetValue {
  /** "At least 400,000 killed (Valdorian war), March 2011 – September 2021" */
  statement: string;
  /** Independent sources backing it (one speaker relayed by several outlets counts once). */
  corroboration: number;
  preferred: boolean;
  /** Footnotes of the claims that state it, with their attribution and hedge. */
  claims: SheetClaim[];
}

/** One competing figure in a disagreement: claims whose intervals agree within the tolerance share it. */
export interface SheetFigure {
  /** "At least 30, 30 September 2015 – 16 June 2016", "March 2011". */
  statement: string;
  /** Independent sources stating it. */
  corroboration: number;
  claims: SheetClaim[];
  /** The metric of another fact the figure comes from (a duration set against a start date), else null. */
  otherMetric: string | null;
}

/** A fact's open disagreement, told once: each competing figure once, with all its sources. */
export interface SheetDisagreement {
  /** The rules that flagged the claims, sorted. */
  rules: string[];
  /** The conflicts' explanation when one conflict holds it all; several are summed up by their rules. */
  explanation: string | null;
  conflictIds: number[];
  figures: SheetFigure[];
}

/** A settled conflict: what the reviewer decided and why. */
/** Settled conflicts of a fact with the same decision (status, note, preferred claim), told once. */
export interface SheetSettlement {
  conflictIds: number[];
  status: Exclude<ConflictStatus, 'open'>;
  note: string | null;
  preferred: SheetClaim | null;
  /** The other claims, with their rank and its reason. */
  others: SheetClaim[];
  /** Of the preferred and the other claims, those the fact's values do not already state (deprecated ones): listed. */
  unstated: SheetClaim[];
}

export interface SheetFact {
  key: string;
  subject: string | null;
  metric: string;
  /** "Valdorian war — start date" */
  heading: string;
  /** "Start date": the heading within its subject's section. */
  label: string;
  /** A date of a recurring event (a visit, a meeting): told in the appendix. */
  minor: boolean;
  /** The values no source disputes, most backed first. */
  values: SheetValue[];
  /** Null when no open conflict involves the fact's claims. */
  disagreement: SheetDisagreement | null;
  settlements: SheetSettlement[];
  claims: SheetClaim[];
}

/** The facts about one subject; the topic's section comes first, a whole's before its parts'. */
export interface SheetSection {
  subject: string | null;
  /** The subject's name, or "No subject". */
  heading: string;
  facts: SheetFact[];
}

export type LeadKind = 'toll' | 'start' | 'territory' | 'forces';

/** One of the topic's key figures at the top of the sheet. */
export interface LeadFigure {
  kind: LeadKind;
  /** "Toll", "Start", "Territory held", "Forces". */
  label: string;
  /** The fact it is taken from. */
  factKey: string;
  heading: string;
  statement: string;
  corroboration: number;
  claims: SheetClaim[];
  /** Sources disagree on this fact (told in its section). */
  disputed: boolean;
}

export interface FactSheet {
  title: string;
  generatedAt: string;
  filter: FactSheetFilter;
  /** The filter in words for the header. */
  filterText: string;
  counts: { reviewed: number; unreviewed: number; included: number; facts: number; sources: number; openDisagreements: number };
  lead: LeadFigure[];
  sections: SheetSection[];
  /** Minor facts (empty when the builder leaves them out). */
  appendix: SheetFact[];
  /** Every fact in the order told: the sections', then the appendix's. */
  facts: SheetFact[];
  sources: SheetSource[];
}


// The shape of the knowledge. One CatalogEntry per class: adding a class means adding an
// entry (and corpus cases), never engine code. Text in causes and steps may use
// placeholders filled from the paste's facts: `⟨fact⟩`, and `⟦ --flag ⟨fact⟩⟧` for a part shown only when
// the fact is known (see ../template.ts). Braces and brackets are literal, so commands stay runnable.

import type { CiSystem, ClassId, CredentialSource, DocLink, Platform } from '../types';
import type { Signal } from '../signals';

/**
 * A text a rule must decide (or must not), with where it came from — the way gitleaks and
 * semgrep keep each rule's true and false positives beside it.
 */
export interface Example {
  /** The text as a user would paste it (one error block is enough). */
  text: string;
  /**
   * Where it comes from: `upstream <owner/repo>@<tag>:<path>` (a format string rendered with
   * plausible values), `issue <owner/repo>#<n>`, `corpus <set>/<id>`, a URL, or
   * `invented: <why>` for a case nobody has posted (never presented as real).
   */
  source: string;
}

/** What the keyword prefilter needs of a pattern (the fallback's refusal patterns are only this). */
export interface KeywordPattern {
  /** Unique within the entry; shown in evidence and tests. */
  id: string;
  /**
   * Matched against one error block flattened onto a single line (whitespace collapsed).
   * Must be linear: literals, bounded classes, no nested quantifiers.
   */
  pattern: RegExp;
  /**
   * Lower-case words of which every match contains at least one (the prefilter's words).
   * Only needed when none can be derived from `pattern` (keywords.ts; the contract test says
   * which); when given they replace the derived ones.
   */
  keywords?: string[];
}

export interface Signature extends KeywordPattern {
  /**
   * How sure a match alone makes us, as a named level (see TIER). There are no free weights:
   * where one family must win over another at the same level, say so with `beats`.
   */
  tier: Tier;
  /**
   * Classes (`aws.sso_token`), signatures (`aws.sso_token/expired`) or not-auth families
   * (`state-lock`) this signature wins over when both match in one error block, whatever
   * their tiers: the beaten ones drop out of that block (they are not rivals either).
   */
  beats?: string[];
  /**
   * An umbrella message (`No valid credential sources found`, `Cannot assume IAM Role`):
   * when a more specific class matches in the same error block, that class wins — the
   * inner cause is what the user must act on.
   */
  wrapper?: boolean;
  /** The same error block must also match this (e.g. a network failure *while* fetching credentials). */
  requires?: RegExp;
  /** …and must not match this (e.g. a successful plan is only "not an error" when nothing failed). */
  unless?: RegExp;
  /**
   * Not-auth families: what this signature's match means, when it differs from its family's
   * title (`BucketAlreadyOwnedByYou` is in the bucket family but is not a missing bucket).
   */
  reason?: string;
  /** Texts this signature must decide: its class wins the block, by this signature. */
  examples?: Example[];
  /** Texts of a confusable family that this signature must not decide. */
  counterexamples?: Example[];
}

/**
 * How sure a match alone makes us, by level (the block's confidence before rivals, the count
 * bonus and the caps of classify.ts): a message only this failure prints (decisive), an exact
 * service error code (exact), a specific message with a rare look-alike (strong), a message
 * most often this class (likely), a generic one (generic), and an umbrella that other errors
 * hide behind (weak).
 */
export const TIER = {
  decisive: 0.97,
  exact: 0.95,
  strong: 0.92,
  likely: 0.87,
  generic: 0.8,
  weak: 0.6,
} as const;

export type Tier = keyof typeof TIER;

/** The weight a signature stands for: its tier's. */
export function weightOf(signature: Pick<Signature, 'tier'>): number {
  return TIER[signature.tier];
}

/** A condition on the paste: a named signal computed from facts, or a text pattern. */
export type Condition = Signal | RegExp;

export interface CauseSpec {
  id: string;
  title: string;
  explanation: string;
  /** Likelihood before looking at this paste's signals. */
  prior: number;
  /**
   * Signals that make this cause more (or, with a negative `by`, less) likely. The evidence of
   * a raising boost is shown under the cause; a lowering one's only documents the rule.
   */
  boosts?: Array<{ when: Condition; by: number; evidence: string }>;
  /**
   * A cause only a Terraform run can have (its tfvars, its state, a long apply, azurerm's own
   * behaviour): left out when the paste shows another tool printed it (signal `tool.app`).
   */
  terraform?: true;
  /**
   * Pastes for which this cause must rank first (the catalog contract checks). A cause that
   * only a condition brings (`prior: 0`) is a rule and needs one.
   */
  examples?: Example[];
}

export interface StepSpec {
  id: string;
  title: string;
  detail?: string;
  /** Command templates: `⟨fact⟩` and `⟦optional ⟨fact⟩⟧` (see template.ts); every other character is literal. */
  commands?: string[];
  /** Only for these credential sources (absent: for every source). */
  sources?: CredentialSource[];
  /** Only shown when the condition holds for this paste. */
  when?: Condition;
  /**
   * The CI system the step is written for (its workflow files, its settings): left out when the
   * paste shows another CI system (absent: fits any).
   */
  ci?: CiSystem;
  /**
   * Never shown when this condition holds (a step of the class that does not fit one of its
   * families, e.g. `terraform login` for the http state backend). Needs `notFor`.
   */
  unless?: Condition;
  /** Pastes for which `unless` holds and the step must not appear (the catalog contract checks). */
  notFor?: Example[];
  /** The commands are PowerShell (for pastes from Windows); absent: bash/sh. */
  shell?: 'powershell';
  /**
   * Pastes for which this step must lead the class's checklist (situational steps such as
   * saving errored.tfstate may still come before it; the catalog contract checks). A
   * conditional step placed before the class's first unconditional one is a rule "when …,
   * do this first" and needs one.
   */
  examples?: Example[];
}

export interface CatalogEntry {
  id: Exclude<ClassId, 'none'>;
  platform: Platform;
  title: string;
  summary: string;
  /**
   * A title and summary for one family of the class, when its condition holds (the first that
   * holds wins): e.g. the http state backend is not HCP Terraform.
   */
  variants?: Array<{ when: Condition; title: string; summary: string; example: Example }>;
  /** Service error codes that typify the class (for `/tfauth explain <code>`). */
  codes: string[];
  signatures: Signature[];
  causes: CauseSpec[];
  steps: StepSpec[];
  docs: DocSpec[];
}

/** A documentation link, shown only when its condition (if any) holds for the paste. */
export interface DocSpec extends DocLink {
  when?: Condition;
  /** Never shown when this holds (like a step's `unless`). */
  unless?: Condition;
}

/** Signatures of errors that are NOT credential problems but look like them. */
export interface NotAuthEntry {
  id: string;
  title: string;
  signatures: Signature[];
}

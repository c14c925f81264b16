// The shape of the knowledge. One CatalogEntry per class: adding a class means adding an
// entry (and corpus cases), never engine code. Text in causes and steps may use
// placeholders filled from the paste's facts: `⟨fact⟩`, and `⟦ --flag ⟨fact⟩⟧` for a part shown only when
// the fact is known (see ../template.ts). Braces and brackets are literal, so commands stay runnable.

import type { ClassId, CredentialSource, DocLink, Platform } from '../types';
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

export interface Signature {
  /** Unique within the entry; shown in evidence and tests. */
  id: string;
  /**
   * Matched against one error block flattened onto a single line (whitespace collapsed).
   * Must be linear: literals, bounded classes, no nested quantifiers.
   */
  pattern: RegExp;
  /**
   * Specificity in (0,1]: how sure a match alone makes us. An exact service error code is
   * ~0.95; a generic wrapper that other errors hide behind is ~0.5–0.7.
   */
  weight: number;
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
  /** Texts this signature must decide: its class wins the block, by this signature. */
  examples?: Example[];
  /** Texts of a confusable family that this signature must not decide. */
  counterexamples?: Example[];
}

/** A condition on the paste: a named signal computed from facts, or a text pattern. */
export type Condition = Signal | RegExp;

export interface CauseSpec {
  id: string;
  title: string;
  explanation: string;
  /** Likelihood before looking at this paste's signals. */
  prior: number;
  /** Signals that make this cause more (or, with a negative `by`, less) likely. */
  boosts?: Array<{ when: Condition; by: number; evidence: string }>;
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
  /** The commands are PowerShell (for pastes from Windows); absent: bash/sh. */
  shell?: 'powershell';
}

export interface CatalogEntry {
  id: Exclude<ClassId, 'none'>;
  platform: Platform;
  title: string;
  summary: string;
  /** Service error codes that typify the class (for `/tfauth explain <code>`). */
  codes: string[];
  signatures: Signature[];
  causes: CauseSpec[];
  steps: StepSpec[];
  docs: DocLink[];
}

/** Signatures of errors that are NOT credential problems but look like them. */
export interface NotAuthEntry {
  id: string;
  title: string;
  signatures: Signature[];
}

// The engine's entry point: text in, Diagnosis out. Pure and synchronous; linear in the
// size of the input (focus() caps what the expensive stages see).

import { buildSteps, detectSource, headline, pasteContext, rankCauses } from './advice';
import { catalogEntry, PLATFORMS } from './catalog';
import { classify, CONFIDENCE, type BlockVerdict } from './classify';
import { TO_BE_SURE } from './fallback';
import { emptyFacts, extractFacts } from './facts';
import { githubToken } from './facts/context';
import { hasTerraformFrame } from './facts/terraform';
import { focus, mayBeAnError, READ_WHOLE_CHARS } from './focus';
import { normalize, type Block } from './normalize';
import { redactSecrets, redactor, type SecretScan } from './secrets';
import { computeSignals } from './signals';
import { makeGuide } from './guide';
import { templateVars } from './template';
import type { Diagnosis, OtherError } from './types';

const NONE_TITLE = 'Not a credentials or authorization error';
const NO_TEXT_TITLE = 'No text to read';
/** Share of control or replacement characters above which an input is taken for binary. */
export const BINARY_SHARE = 0.3;

export function diagnose(input: string): Diagnosis {
  // Secrets are redacted by position before anything reads the text: every string that
  // leaves the engine (excerpts, facts, echoed lines, notes) is cut from redacted text.
  const raw = typeof input === 'string' ? input : '';
  if (!readable(raw)) return noText(raw);
  const redaction = redactSecrets(raw);
  const { text } = redaction;
  const secrets: SecretScan = redaction;
  // Most channel traffic is chat: text without any catalog keyword is answered at once. A big
  // text is not scanned twice: focus() reads it by the same keywords and finds nothing then.
  if (text.length <= READ_WHOLE_CHARS && !mayBeAnError(text)) return quiet(secrets);
  const focused = focus(text);
  if (focused.segments.length === 0) return quiet(secrets);
  const { blocks, text: normalized } = normalize(focused.segments);
  const { primary, others } = classify(blocks);
  const context =
    text.length > READ_WHOLE_CHARS ? `${text.slice(0, 4096)}\n${text.slice(-4096)}` : '';
  // The primary error's own block first, and no other error's block: a second error's
  // profile or role never fills the first error's commands.
  const own = factBlocks(blocks, primary, others);
  const flat = own.map((b) => b.flat).join('\n');
  const framed = hasTerraformFrame(text);
  const facts = extractFacts({
    text: own === blocks ? normalized : own.map((b) => b.lines.join('\n')).join('\n\n'),
    flat,
    context,
    raw: text.length > READ_WHOLE_CHARS ? context : text,
    framed,
  });
  // A pasted GitHub token is redacted before facts are read; its public prefix (kept in the
  // finding's mask) still tells its kind.
  if (facts.githubToken === undefined) {
    const token = secrets.findings.find((x) => x.kind === 'github_token')?.masked;
    const kind = token ? githubToken(token.replace(/^\[/, ' ')) : undefined;
    if (kind) facts.githubToken = kind;
  }
  const notes = focused.partial
    ? [
        `Read ${focusedSize(focused.segments)} of ${text.length} characters: the parts around error messages.`,
      ]
    : [];

  let diagnosis: Diagnosis;
  if (primary.classId === 'none') {
    diagnosis = {
      classId: 'none',
      confidence: primary.confidence,
      title: NONE_TITLE,
      summary: primary.notAuth
        ? `This looks like ${sentenceCase(primary.notAuth.title)}, not a credentials or authorization problem.`
        : 'No credentials or authorization failure was found in this text.',
      facts,
      causes: [],
      steps: [],
      sources: [],
      docs: [],
      secrets: secrets.findings,
      others: [],
      evidence: primary.excerpt ? [primary.excerpt] : [],
      notes,
    };
  } else {
    const entry = catalogEntry(primary.classId);
    facts.platform = entry.platform;
    if (primary.guess) facts.guess = primary.guess.kind;
    const signals = computeSignals(facts);
    const ctx = pasteContext(signals, flat, templateVars(facts));
    const source = detectSource(entry.platform, ctx);
    if (source) facts.credentialSource = source;
    const guess = primary.guess;
    // A family of the class with its own title (the http state backend is not HCP Terraform).
    const head = headline(entry, ctx);
    if (guess)
      notes.push(
        'Not sure: no known message family matched; this is the likeliest class for a refusal on this platform.',
        TO_BE_SURE[guess.platform],
      );
    diagnosis = {
      classId: entry.id,
      confidence: primary.confidence,
      title: head.title,
      summary: guess
        ? `Probably: ${head.summary} (Not sure — the paste shows a credentials or authorization refusal, but no known message; see the notes for what to paste.)`
        : head.summary,
      platform: entry.platform,
      facts,
      causes: rankCauses(entry, ctx),
      steps: buildSteps(entry, source ?? 'unknown', ctx, { includePlatformChecks: false }),
      guide: makeGuide(entry, signals, ctx),
      sources: PLATFORMS[entry.platform].sources.map((s) => s.id),
      docs: entry.docs
        .filter((doc) => doc.when === undefined || ctx.holds(doc.when))
        .filter((doc) => doc.unless === undefined || !ctx.holds(doc.unless))
        // Terraform's own documentation only where the paste shows Terraform ran.
        .filter((doc) => !ctx.vars.app || !TERRAFORM_DOCS.test(doc.url))
        .map(({ title, url }) => ({ title, url })),
      secrets: secrets.findings,
      others: others.map((o) => toOther(o, blocks, context, framed)),
      evidence: [primary.excerpt],
      ...(primary.signatureId ? { signatureId: primary.signatureId } : {}),
      notes,
    };
  }
  return scrub(diagnosis, redactor(secrets.values));
}

function quiet(secrets: SecretScan): Diagnosis {
  const diagnosis: Diagnosis = {
    classId: 'none',
    confidence: CONFIDENCE.NONE_NO_KEYWORD,
    title: NONE_TITLE,
    summary: 'No credentials or authorization failure was found in this text.',
    facts: emptyFacts(),
    causes: [],
    steps: [],
    sources: [],
    docs: [],
    secrets: secrets.findings,
    others: [],
    evidence: [],
    notes: [],
  };
  return scrub(diagnosis, redactor(secrets.values));
}

/** The characters counted below: controls other than tab, line breaks and ESC; DEL; U+FFFD. */
const ODD_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f\ufffd]/;

/** False for empty, whitespace-only or binary-looking input: there is nothing to read. */
export function readable(text: string): boolean {
  if (text.trim() === '') return false;
  const sample = text.length > 64 * 1024 ? text.slice(0, 64 * 1024) : text;
  // Most text has no such character at all: one regular-expression search says so.
  if (!ODD_CHAR.test(sample)) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 27) || c === 0xfffd || c === 127) odd++;
  }
  return odd <= BINARY_SHARE * sample.length;
}

function noText(text: string): Diagnosis {
  return {
    classId: 'none',
    confidence: CONFIDENCE.NONE_NO_ERROR,
    title: NO_TEXT_TITLE,
    summary:
      text.trim() === ''
        ? 'There is no text to read: the input is empty.'
        : 'There is no text to read: the input looks binary (control or replacement characters). Paste the error as text.',
    facts: emptyFacts(),
    causes: [],
    steps: [],
    sources: [],
    docs: [],
    secrets: [],
    others: [],
    evidence: [],
    notes: [],
  };
}

/** Pages about Terraform itself: its registry's provider docs and its language and CLI docs. */
const TERRAFORM_DOCS =
  /^https:\/\/(?:registry\.terraform\.io\/|developer\.hashicorp\.com\/terraform\/)/;

/** How many steps an extra error's own checklist shows. */
const OTHER_STEPS = 2;

function toOther(v: BlockVerdict, blocks: Block[], context: string, framed: boolean): OtherError {
  if (v.classId === 'none')
    return {
      classId: v.classId,
      title: v.notAuth?.title ?? NONE_TITLE,
      confidence: v.confidence,
      excerpt: v.excerpt,
    };
  const entry = catalogEntry(v.classId);
  const block = blocks[blockOf(blocks, v)];
  const base = {
    classId: v.classId,
    title: entry.title,
    confidence: v.confidence,
    excerpt: v.excerpt,
  };
  if (!block) return base;
  // Its own checklist, filled only with the facts of its own block.
  const facts = extractFacts({
    text: block.lines.join('\n'),
    flat: block.flat,
    context,
    framed,
  });
  facts.platform = entry.platform;
  const ctx = pasteContext(computeSignals(facts), block.flat, templateVars(facts));
  const source = detectSource(entry.platform, ctx) ?? 'unknown';
  const checklist = buildSteps(entry, source, ctx, { includePlatformChecks: false }).slice(
    0,
    OTHER_STEPS,
  );
  return { ...base, title: headline(entry, ctx).title, checklist };
}

/** The index of the block a verdict's excerpt was cut from (-1 when not found). */
function blockOf(blocks: Block[], v: BlockVerdict): number {
  const core = v.excerpt.replace(/^…/, '').replace(/…$/, '').slice(0, 120);
  if (core === '') return -1;
  return blocks.findIndex((b) => b.flat.includes(core));
}

/** The primary error's block first, then the blocks that hold no other error. */
function factBlocks(blocks: Block[], primary: BlockVerdict, others: BlockVerdict[]): Block[] {
  const first = blockOf(blocks, primary);
  if (first < 0 || primary.classId === 'none') return blocks;
  const skip = new Set(
    others
      .filter((o) => o.classId !== 'none' && o.classId !== primary.classId)
      .map((o) => blockOf(blocks, o)),
  );
  skip.add(first);
  return [blocks[first] as Block, ...blocks.filter((_, i) => !skip.has(i))];
}

/** A title inside a sentence: its first letter lower-cased, unless it starts an acronym (AWS, S3). */
function sentenceCase(title: string): string {
  return title.replace(/^[A-Z](?![A-Z0-9])/, (c) => c.toLowerCase());
}

function focusedSize(segments: string[]): number {
  return segments.reduce((n, s) => n + s.length, 0);
}

/** Applies `redact` to every string in a JSON-like value: nothing leaves with a secret in it. */
function scrub<T>(value: T, redact: (s: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => scrub(v, redact)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrub(v, redact);
    return out as T;
  }
  return value;
}

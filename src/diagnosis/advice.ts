// Turns a catalog entry plus the facts of one paste into ranked causes and a checklist.

import { toPowerShell } from './powershell';
import { PLATFORMS, situationsFor, type CatalogEntry, type StepSpec } from './catalog';
import type { Condition } from './catalog/schema';
import { RUNNER_SIGNALS, type Signal } from './signals';
import { fill, fillProse, NO_TOOL, type TemplateVars } from './template';
import type { Cause, CiSystem, CredentialSource, Platform, Step } from './types';

export interface AdviceContext {
  /** Whether a catalog condition holds for this paste. */
  holds: (condition: Condition) => boolean;
  vars: TemplateVars;
}

/** The context of a paste: signals from its facts, text conditions against its text. */
export function pasteContext(
  signals: ReadonlySet<Signal>,
  text: string,
  vars: TemplateVars,
): AdviceContext {
  return { holds: (c) => (typeof c === 'string' ? signals.has(c) : c.test(text)), vars };
}

/** Prose: a missing fact reads "the action", "the role", … rather than a placeholder. */
const prose = fillProse;

/** A cause whose boosts bring it to this (or below) is ruled out by the paste: not listed. */
const RULED_OUT = 0;
/** Shares are kept in hundredths: replies show them as percentages. */
const SHARE_PER = 100;
/** The smallest share of the causes' weight a cause needs to be listed. */
const MIN_CAUSE_SHARE = 0.03;

/**
 * Causes by likelihood: each one's prior plus the boosts whose conditions hold for this paste,
 * as a share of all causes still standing.
 */
export function rankCauses(entry: CatalogEntry, ctx: AdviceContext): Cause[] {
  const causes = ctx.holds('tool.app') ? entry.causes.filter((c) => !c.terraform) : entry.causes;
  const scored = causes.map((spec) => {
    let score = spec.prior;
    const evidence: string[] = [];
    for (const boost of spec.boosts ?? []) {
      if (!ctx.holds(boost.when)) continue;
      score += boost.by;
      // Why a cause fits, not why another one fits better: a lowering boost shows no evidence.
      if (boost.by >= 0) evidence.push(prose(boost.evidence, ctx.vars));
    }
    return { spec, score: Math.max(RULED_OUT, score), evidence };
  });
  const total = scored.reduce((sum, c) => sum + c.score, 0) || 1;
  // A cause with under 3% of the weight only adds noise below the ones that fit.
  const standing = scored.filter((c) => c.score > RULED_OUT);
  const shown = standing.filter((c) => c.score / total >= MIN_CAUSE_SHARE);
  const kept = shown.length > 0 ? shown : standing.slice(0, 1);
  const keptTotal = kept.reduce((sum, c) => sum + c.score, 0) || 1;
  return kept
    .sort((a, b) => b.score - a.score)
    .map((c) => ({
      id: c.spec.id,
      title: prose(c.spec.title, ctx.vars),
      explanation: prose(c.spec.explanation, ctx.vars),
      score: Math.round((c.score / keptTotal) * SHARE_PER) / SHARE_PER,
      evidence: c.evidence,
    }));
}

/** kubectl at the start of a command or of a `$(…)` inside it. */
const KUBECTL_RUN = /(^|\$\()kubectl\b/g;
/** Terraform commands that terragrunt runs for the user (`terragrunt plan`). */
const TERRAFORM_RUN = /^terraform (plan|apply|init|refresh|destroy)\b/;
/** Commands that only make sense where Terraform runs: the CLI, a grep of `*.tf` files, azurerm's ARM_*. */
const TERRAFORM_COMMAND = /^terraform\b|-- terraform\b|\*\.tf(?:vars)?\b|\.tf['"]? |\bARM_/;

/** The signal that says a paste comes from each CI system. */
const CI_SIGNALS: Record<CiSystem, Signal> = {
  'github-actions': 'ci.github_actions',
  'azure-devops': 'ci.azure_devops',
  gitlab: 'ci.gitlab',
  jenkins: 'ci.jenkins',
};

/** A step for one CI system is left out when the paste shows (only) another one. */
function otherCi(spec: StepSpec, ctx: AdviceContext): boolean {
  if (spec.ci === undefined) return false;
  const shown = (Object.keys(CI_SIGNALS) as CiSystem[]).filter((ci) => ctx.holds(CI_SIGNALS[ci]));
  return shown.length === 1 && shown[0] !== spec.ci;
}

/**
 * Commands that read or change the shell they run in (its variables, CLI login and profile,
 * installed tools) or run Terraform there: a controller's pod, a function or a daemon is not
 * that shell.
 */
const LOCAL_SHELL_COMMAND =
  /^(?:export|unset) |^env \||^aws (?:configure|sso login)\b|^az (?:login|account|version|upgrade)\b|^gcloud (?:auth|config|components)\b|^(?:gcloud container clusters|az aks) get-credentials\b|^aws eks update-kubeconfig\b|^terraform\b|^(?:pip3?|brew|apt(?:-get)?|yum|choco|winget) /;

/**
 * A process of its own made the call, not the engineer's shell: a Kubernetes controller
 * (Crossplane, Flux's tf-controller running the provider in its pod; Velero; Argo CD;
 * cert-manager), a Lambda function, the Docker daemon.
 */
function ranElsewhere(ctx: AdviceContext): boolean {
  return RUNNER_SIGNALS.some((s) => ctx.holds(s));
}

/** Commands that ask AWS's IAM or STS: they say nothing about keys of an S3 service that is not AWS. */
const AWS_IAM_COMMAND = /^aws (?:iam|sts)\b/;

/**
 * The commands of a step that fit the tool the paste shows. Another tool printed it: none of
 * Terraform's. No tool shows: a step the paste's own evidence brought (`when`) keeps them all,
 * generic filler ("run Terraform again") loses Terraform's rather than guess it ran.
 */
function fitting(spec: StepSpec, ctx: AdviceContext): string[] {
  const commands = (spec.commands ?? []).filter(
    (c) =>
      !(ranElsewhere(ctx) && LOCAL_SHELL_COMMAND.test(c)) &&
      // Crossplane's managed resources are not `*.tf` files.
      !(ctx.holds('runner.crossplane') && TERRAFORM_COMMAND.test(c)),
  );
  if (!ctx.vars.app) return commands;
  if (ctx.vars.app === NO_TOOL && spec.when !== undefined) return commands;
  return commands.filter((c) => !TERRAFORM_COMMAND.test(c));
}

function appliesTo(spec: StepSpec, source: CredentialSource, ctx: AdviceContext): boolean {
  if (spec.sources && !spec.sources.includes(source)) return false;
  if (otherCi(spec, ctx)) return false;
  // An S3-compatible service that is not AWS: a step that only asks AWS IAM/STS does not apply.
  const commands = spec.commands ?? [];
  if (
    ctx.holds('s3.compatible') &&
    commands.length > 0 &&
    commands.every((c) => AWS_IAM_COMMAND.test(c))
  )
    return false;
  // A step whose commands were all Terraform's says nothing for another tool; one whose
  // commands were all the shell's says nothing in a controller's pod unless its text does.
  if (commands.length > 0 && fitting(spec, ctx).length === 0 && !(ranElsewhere(ctx) && spec.detail))
    return false;
  if (spec.unless !== undefined && ctx.holds(spec.unless)) return false;
  return spec.when === undefined || ctx.holds(spec.when);
}

function toStep(spec: StepSpec, ctx: AdviceContext, source?: CredentialSource): Step {
  const commands = fitting(spec, ctx)
    // …and among other commands, the ones that ask AWS IAM/STS are left out there too.
    .filter((c) => !(ctx.holds('s3.compatible') && AWS_IAM_COMMAND.test(c)))
    .map((c) => fill(c, ctx.vars))
    // Under terragrunt, its own command runs Terraform with the generated backend and inputs.
    .map((c) => (ctx.holds('tool.terragrunt') ? c.replace(TERRAFORM_RUN, 'terragrunt $1') : c))
    // …and where the paste runs a distribution's bundled kubectl, so do its commands.
    .map((c) => (ctx.vars.kubectl_cmd ? c.replace(KUBECTL_RUN, `$1${ctx.vars.kubectl_cmd}`) : c))
    .filter((c) => c.trim() !== '');
  const turned = !spec.shell && ctx.holds('shell.powershell') ? inPowerShell(commands) : undefined;
  return {
    id: spec.id,
    title: prose(spec.title, ctx.vars),
    ...(spec.detail ? { detail: prose(spec.detail, ctx.vars) } : {}),
    // A command written wholly as an optional part (`⟦…⟧`) is left out when its facts are not known.
    commands: turned?.commands ?? commands,
    ...(spec.sources && source ? { source } : {}),
    ...(spec.shell ? { shell: spec.shell } : turned ? { shell: turned.shell } : {}),
  };
}

/**
 * A step's bash commands for a paste from PowerShell: all of them turned (the step is then
 * PowerShell), or, when one cannot be, all kept and the step marked bash so nobody types
 * `grep` at a PS prompt without being told. Commands that read the same in both stay unmarked.
 */
function inPowerShell(
  commands: string[],
): { shell: 'powershell' | 'bash'; commands: string[] } | undefined {
  const turned = commands.map(toPowerShell);
  if (turned.every((c, i) => c === commands[i])) return undefined;
  if (turned.every((c) => c !== undefined)) return { shell: 'powershell', commands: turned };
  return { shell: 'bash', commands };
}

/**
 * The checklist for one credential source: for a source chosen in the follow-up flow the
 * platform's check for that source comes first; "not sure" starts with the commands that
 * reveal the source.
 */
export function buildSteps(
  entry: CatalogEntry,
  source: CredentialSource,
  ctx: AdviceContext,
  options: { includePlatformChecks: boolean },
): Step[] {
  const platform = PLATFORMS[entry.platform];
  const lead: StepSpec[] = !options.includePlatformChecks
    ? []
    : source === 'unknown'
      ? platform.discover
      : (platform.verify[source] ?? []);
  // What the situation demands first (state to save, the shell the paste came from).
  const situations = situationsFor(entry);
  const situational = situations.map((s) => s.step);
  // The PowerShell equivalents of the identity checks come after the class's own rule for this
  // paste (an explicit deny, a data role): they translate the checks, they are not the fix.
  const replaced = new Set(situations.flatMap((s) => s.replaces ?? []));
  const rule = entry.steps.find((spec) => appliesTo(spec, source, ctx));
  const ruleFirst =
    rule?.when !== undefined && (rule.examples?.length ?? 0) > 0 && !replaced.has(rule.id)
      ? [rule]
      : [];
  // A controller's own credential store comes after such a rule: the rule names the fix, the
  // situation where to make it.
  const afterRule = new Set(situations.filter((s) => s.afterRule).map((s) => s.step.id));
  const order = [
    ...situational.filter((s) => s.shell !== 'powershell' && !afterRule.has(s.id)),
    ...ruleFirst,
    ...situational.filter((s) => afterRule.has(s.id)),
    ...situational.filter((s) => s.shell === 'powershell'),
    ...lead,
    ...entry.steps,
  ];
  const seen = new Set<string>();
  const shown = new Set<string>();
  const steps: Step[] = [];
  for (const spec of order) {
    if (seen.has(spec.id) || !appliesTo(spec, source, ctx)) continue;
    seen.add(spec.id);
    const step = toStep(spec, ctx, source);
    // A step that would only repeat commands shown above (and explains nothing) is left out.
    if (!step.detail && step.commands.length > 0 && step.commands.every((c) => shown.has(c)))
      continue;
    for (const c of step.commands) shown.add(c);
    steps.push(step);
  }
  return steps;
}

export function detectSource(platform: Platform, ctx: AdviceContext): CredentialSource | undefined {
  for (const [source, condition] of PLATFORMS[platform].detect)
    if (ctx.holds(condition)) return source;
  return undefined;
}

/**
 * The title and summary of a class for one paste: the family's own (a variant whose condition
 * holds), filled with the paste's facts — the same for the reply, an extra error and a rebuilt
 * walk-through, so no placeholder is ever shown raw.
 */
export function headline(
  entry: CatalogEntry,
  ctx: AdviceContext,
): { title: string; summary: string } {
  const variant = entry.variants?.find((v) => ctx.holds(v.when)) ?? entry;
  return {
    title: fillProse(variant.title, ctx.vars),
    summary: fillProse(variant.summary, ctx.vars),
  };
}

// Runs the command checks on tfauth's answers to a corpus: every command of every auth
// answer must parse, and no `<placeholder>` may stand where the paste shows the value.

import type { Diagnosis } from '../../../src/diagnosis/types';
import { checkAll, PLACEHOLDER_SHOWN, type Problem, type Shown } from './check';

const GUID = '[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}';
/** A name the reporter masked (`role/xxx`, `profile, xxxx`, `redacted.blob…`): the value is not shown. */
const NOT_MASKED = '(?!(?:x{3,}|X{3,}|redacted|REDACTED)\\b)';

/**
 * For a placeholder, a plain pattern that finds its value in a paste — independent of the
 * engine's extractors, so an extractor that misses a value is caught here.
 */
export const WITNESS: Record<string, RegExp> = {
  // Any account form, redacted ones too (`<aws acct>`, `{account suppressed}`, `XXXX`): the name
  // is there. A session ARN right after `User:` is the refused caller, not a role to assume.
  'role-name': new RegExp(
    String.raw`arn:aws[\w-]*:iam::(?:\d{12}|<<[^>\n]{1,40}>>|<[^>\n]{1,40}>|\{[^}\n]{1,40}\}|\[[^\]\n]{1,40}\]|[\w*"]{1,40}):role\/${NOT_MASKED}[\w+=,.@-]|(?<!User: )arn:aws[\w-]*:sts::(?:\d{12}|<[^>\n]{1,40}>|\{[^}\n]{1,40}\}|\[[^\]\n]{1,40}\]|[\w*"]{1,40}):assumed-role\/[\w+=,.@-]|[Rr]ole "[\w+=,.@-]+" cannot be assumed`,
  ),
  role: /arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@-]/,
  principal: /\bUser: arn:aws[\w-]*:/,
  'iam-principal':
    /\bUser: arn:aws[\w-]*:(?:iam::\d{12}:(?:user|role)\/|sts::\d{12}:assumed-role\/)/,
  'user-name': /\bUser: arn:aws[\w-]*:iam::\d{12}:user\//,
  profile: new RegExp(
    String.raw`failed to get shared config profile,? ${NOT_MASKED}[\w.@+-]{2}|The config profile \([\w.@+-]+\) could not be found|AWS_PROFILE=[\w.@+-]{2}|--profile[ =][\w.@+-]{2}|\bprofile\s*=\s*"[\w.@+-]+"`,
  ),
  // Not inside a name (a role `User-eu-west-2` names no region).
  region:
    /(?<![\w-])(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d(?![\w-])/,
  action: /is not authorized to perform:? [a-z0-9-]{2,30}:[A-Za-z0-9*]{2}/,
  // The CloudTrail event name is the API operation the paste names.
  'event-name':
    /when calling the [A-Z][A-Za-z0-9]{1,63} operation|perform:? [a-z0-9-]{2,30}:[A-Z][A-Za-z0-9]{1,63}\b|DEBUG: Validate Response [a-z0-9-]{2,30}\/[A-Z]/,
  bucket:
    /\bs3:\/\/[a-z0-9][a-z0-9.-]{2,62}|\bbucket ["']?[a-z0-9][a-z0-9.-]{2,62}["']?|Bucket: ?"?[a-z0-9][a-z0-9.-]{2,62}/i,
  'state-key':
    /\bkey ["'][\w./-]{1,200}\.tfstate|\bKey: ?"?[\w./-]{1,200}\.tfstate|s3:\/\/[a-z0-9][a-z0-9.-]{2,62}\/[\w./-]{1,200}\.tfstate/,
  cluster: /\bcluster[-_ ]name[ =:"']+[\w-]{2}|arn:aws[\w-]*:eks:[a-z0-9-]+:\d{12}:cluster\/[\w-]/,
  host: /generate a token for [a-z0-9.-]{3,253}:|\bat host [a-z0-9.-]{3}/,
  'tfc-host':
    /generate a token for [a-z0-9.-]{3,253}:|\bat host [a-z0-9.-]{3}|available versions for module "[^"]+"(?: \([^)]*\))? from [a-z0-9.-]+\.[a-z]+:|Could not download module "[^"]+" from https:\/\/[a-z0-9.-]+\//,
  'tf-token-host': /generate a token for [a-z0-9.-]{3,253}:|\bat host [a-z0-9.-]{3}/,
  endpoint: /\b(?:[a-z0-9-]{1,63}\.){1,3}amazonaws\.com\b/,
  // A project id is 6–30 characters (Google's rule): `name@xxx.iam…` is a masked one.
  'service-account':
    /[a-z0-9][a-z0-9.-]{0,62}@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com/,
  project: /\bprojects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\b/,
  subscription: new RegExp(`/subscriptions/${GUID}`),
  tenant: new RegExp(`[Tt]enant(?: ?ID)?[ :='"]{1,4}${GUID}`),
  client: new RegExp(
    // …not a `tenant identifier` (AADSTS90002): AADSTS700016 names the app as `identifier '…'`.
    `[Cc]lient(?:_id| ID| id)?[ :='"]{1,4}${GUID}|app '${GUID}'|(?<!tenant )identifier '${GUID}'`,
  ),
  'object-id': new RegExp(`object id '${GUID}'`),
  // …not one a CI log masked (`subject '***'`: Azure DevOps hides the service connection's).
  subject: /\bsubject '(?!\*{3}')[^']{3,}'|assertion subject '(?!\*{3}')[^']{3}/,
  // …not one a CI log masked (`/subscriptions/***`): no scope to grant at.
  scope: /\bscope '\/subscriptions\/[^'*]{1,600}'/,
  'cluster-location': /\/locations\/[a-z]{2,12}-[a-z]{2,12}\d(?:-[a-z])?\/clusters\//,
  'encoded-message': /Encoded authorization failure message: [A-Za-z0-9_-]{20}/,
  'mfa-serial': /arn:aws[\w-]*:iam::\d{12}:mfa\//,
  'k8s-user': /forbidden: User "[^"]{2}/,
  'k8s-subject': /forbidden: User "[^"]{2}/,
  'k8s-verb': /User "[^"]+" cannot [a-z]+ resource "/,
  'k8s-resource': /User "[^"]+" cannot [a-z]+ resource "|[a-z.-]+ "[^"]+" is forbidden: User "/,
  'k8s-namespace': /cannot [a-z]+ resource "[^"]+" in API group "[^"]*" in the namespace "/,
  'k8s-plugin': /exec: executable [\w./-]{2,} not found|"[\w./-]+": executable file not found/,
  'k8s-auth-provider':
    /The [a-z]+ auth plugin (?:has been removed|is not supported)|no Auth Provider found for name "/,
};

export interface CorpusReport {
  corpus: string;
  auth: number;
  /** Auth answers whose commands all parse. */
  parsing: number;
  /** Auth answers with no placeholder where the paste shows the value. */
  filled: number;
  /** Auth answers with both. */
  good: number;
  problems: Problem[];
  unfilled: Array<{ id: string; placeholder: string; command: string }>;
}

export interface Answer {
  id: string;
  text: string;
  diagnosis: Pick<Diagnosis, 'classId' | 'steps'>;
}

export async function checkAnswers(corpus: string, answers: Answer[]): Promise<CorpusReport> {
  const auth = answers.filter((a) => a.diagnosis.classId !== 'none');
  const shown: Shown[] = [];
  const details: Array<{ where: string; detail: string }> = [];
  const unfilled: CorpusReport['unfilled'] = [];
  for (const a of auth)
    for (const step of a.diagnosis.steps) {
      step.commands.forEach((command) => {
        shown.push({ where: a.id, command, shell: step.shell ?? 'bash' });
        for (const m of command.matchAll(PLACEHOLDER_SHOWN)) {
          const witness = WITNESS[m[1] as string];
          if (witness?.test(a.text))
            unfilled.push({ id: a.id, placeholder: m[1] as string, command });
        }
      });
      if (step.detail) details.push({ where: a.id, detail: step.detail });
    }
  const problems = await checkAll(shown, details);
  const broken = new Set(problems.map((p) => p.where));
  const empty = new Set(unfilled.map((u) => u.id));
  return {
    corpus,
    auth: auth.length,
    parsing: auth.filter((a) => !broken.has(a.id)).length,
    filled: auth.filter((a) => !empty.has(a.id)).length,
    good: auth.filter((a) => !broken.has(a.id) && !empty.has(a.id)).length,
    problems,
    unfilled,
  };
}

export function formatReport(r: CorpusReport): string {
  const pct = (n: number) => `${((100 * n) / Math.max(1, r.auth)).toFixed(1)}%`;
  return `${r.corpus}: ${r.auth} auth answers; all commands parse ${r.parsing} (${pct(r.parsing)}); no placeholder where the paste shows the value ${r.filled} (${pct(r.filled)}); both ${r.good} (${pct(r.good)})`;
}

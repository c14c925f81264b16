// One cause every platform's "no credentials here" class shares: the plan runs on HCP
// Terraform's workers, which see only the workspace's variables, not the engineer's login.

import type { CauseSpec, Example } from './schema';

/**
 * `cloud`: whose credentials the worker lacks ("AWS"); `left`: what stays on the laptop
 * (markdown, "your `az login` session"); `examples`: pastes this cause must rank first for.
 */
export function remoteRunCause(cloud: string, left: string, examples: Example[]): CauseSpec {
  return {
    id: 'remote-run',
    title: `The run executes on HCP Terraform’s workers, which have no ${cloud} credentials of their own`,
    explanation: `With the remote backend or a \`cloud\` block in remote execution mode, the plan runs on a worker that sees only the workspace’s variables: ${left} stays behind.`,
    prior: 0,
    boosts: [
      {
        when: 'run.remote',
        by: 0.8,
        evidence: 'The output streams from a remote run on HCP Terraform / Terraform Enterprise.',
      },
    ],
    examples,
  };
}

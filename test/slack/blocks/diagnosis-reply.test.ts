// The reply's first screen says what to do: title, why, the first commands, the buttons —
// before the facts, the other causes and the rest of the checklist. Same order in the CLI.

import { diagnose } from '../../../src/diagnosis';
import { PLAIN, renderDiagnosis } from '../../../src/cli/render';
import { diagnosisReply } from '../../../src/slack/features/diagnose/reply';
import { FlowCodec } from '../../../src/slack/features/walkthrough/state';

// Shape from aws-sdk-go-v2 ssocreds + smithy-go's operation error (upstream formats; values invented).
const SSO = [
  '╷',
  '│ Error: failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: 5d3c0d0b-3a4e-4f7e-9c1b-1e2f3a4b5c6d, InvalidGrantException:',
  '│',
  '│   with provider["registry.terraform.io/hashicorp/aws"].us_east_1,',
  '╵',
].join('\n');

const codec = new FlowCodec('k'.repeat(32));
const d = diagnose(SSO);
const reply = diagnosisReply(d, codec);
const types = reply.blocks.map((b) => b.type);
const text = (i: number) =>
  JSON.stringify((reply.blocks[i] as { text?: unknown; fields?: unknown }).text ?? reply.blocks[i]);

it('puts title, why, the first commands and the buttons before anything else', () => {
  expect(types[0]).toBe('header');
  expect(text(1)).toContain('Most likely:');
  expect(text(1)).toContain(d.causes[0]?.title);
  const actions = types.indexOf('actions');
  const facts = reply.blocks.findIndex((b) => 'fields' in b);
  const firstCommands = reply.blocks.findIndex((b) =>
    text(reply.blocks.indexOf(b)).includes('```'),
  );
  expect(firstCommands).toBeGreaterThan(0);
  expect(firstCommands).toBeLessThan(actions);
  expect(text(firstCommands)).toContain(d.steps[0]?.commands[0]);
  expect(actions).toBeLessThanOrEqual(4);
  expect(facts).toBeGreaterThan(actions);
});

it('lists every step once: the first at the top, the rest numbered after it', () => {
  const all = JSON.stringify(reply.blocks);
  for (const step of d.steps.slice(0, 6)) {
    const inJson = JSON.stringify(step.title).slice(1, -1);
    expect(all.split(inJson).length - 1).toBe(1);
  }
  expect(all).toContain('*2. ');
  expect(all).not.toContain('*1. ' + d.steps[0]?.title);
});

it('the CLI prints the same order', () => {
  const out = renderDiagnosis(d, PLAIN);
  const at = (s: string) => out.indexOf(s);
  expect(at('Most likely:')).toBeGreaterThan(at(d.title));
  expect(at('Do this first')).toBeGreaterThan(at('Most likely:'));
  expect(at(`$ ${d.steps[0]?.commands[0] ?? ''}`)).toBeLessThan(at('Facts'));
  expect(at('Facts')).toBeLessThan(at('Likely causes'));
  expect(at('Likely causes')).toBeLessThan(at('Then'));
});

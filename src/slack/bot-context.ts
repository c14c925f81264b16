// What every Slack surface needs, assembled once in app.ts.

import type { StsService } from '../aws/sts-service';
import type { Config } from '../infra/config';
import type { Dedupe } from '../infra/dedupe';
import type { DiagnosisEngine } from '../infra/diagnosis-pool';
import type { InFlight } from '../infra/in-flight';
import type { Logger } from '../infra/logger';
import type { OutcomeStore } from '../infra/outcomes';
import type { FlowCodec } from './features/walkthrough/state';
import type { SlackGateway } from './platform/gateway';
import type { PasteReader } from './platform/paste';
import type { StsValueCodec } from './features/sts/values';

export interface BotContext {
  config: Config;
  logger: Logger;
  dedupe: Dedupe;
  inFlight: InFlight;
  /** Flow state in the walk-through's (and the reply's) button values. */
  codec: FlowCodec;
  /** The STS buttons' values. */
  stsValues: StsValueCodec;
  slack: SlackGateway;
  /** Reads a paste (text and files), also again for a click or a mention. */
  paste: PasteReader;
  outcomes: OutcomeStore;
  /** The engine, run off the event loop (worker threads) unless TFAUTH_DIAGNOSIS_THREADS=0. */
  engine: DiagnosisEngine;
  /** STS checks (TFAUTH_STS): an off service when they are off (`active` false). */
  sts: StsService;
  /** The fetch every body to Slack is sent with (platform/outgoing.ts; the unit tests' fake). */
  fetch: typeof fetch;
  /** Epoch milliseconds (injectable for tests). */
  now: () => number;
}

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

export interface BotContext {
  config: Config;
  logger: Logger;
  dedupe: Dedupe;
  inFlight: InFlight;
  codec: FlowCodec;
  slack: SlackGateway;
  outcomes: OutcomeStore;
  /** The engine, run off the event loop (worker threads) unless TFAUTH_DIAGNOSIS_THREADS=0. */
  engine: DiagnosisEngine;
  /** STS checks (TFAUTH_STS); absent or inactive means off. */
  sts?: StsService;
  /** Epoch milliseconds (injectable for tests). */
  now: () => number;
}

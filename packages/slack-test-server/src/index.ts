// @tfauth/slack-test-server: a local Slack for tests and the playground (see README.md).

export {
  botIdentity,
  SlackTestServer,
  type AddFileInput,
  type ChannelRateOptions,
  type FailSpec,
  type FaultRates,
  type MethodHandler,
  type RecordedCall,
  type RecordedDownload,
  type RecordedResponse,
  type SlackFile,
  type SlackServerOptions,
  type SlackStats,
  type StoredMessage,
} from './server';
export type {
  AckFrame,
  EnvelopeOptions,
  EnvelopeType,
  SocketFrame,
  SocketModeHub,
} from './socket-mode';
export {
  BLOCK_LIMITS,
  formatProblems,
  validateBlocks,
  validateView,
  type BlockProblem,
  type Surface,
} from './blocks';
export * from './payloads';
export {
  SLACK_USER_AGENT,
  SlackHttpClient,
  signRequest,
  type SendOptions,
  type SignatureHeaders,
  type SignatureMode,
  type SlackHttpResponse,
} from './signing';

// Slack payloads are trusted only for their origin (the signature), never for their shape:
// a field of the wrong type must not reach Bolt or a listener, where it would throw (a 500,
// which Slack retries) or be used as if it were right. Fields are checked only where
// present; each check names the first field that is wrong.

type Obj = Record<string, unknown>;

export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const STRING = 'string';
const STRING_OR_NULL = 'string|null';
const OBJECT = 'object';
const OBJECT_OR_NULL = 'object|null';
const OBJECTS = 'object[]';
const ARRAY = 'array';
const BOOLEAN = 'boolean';
type Kind =
  | typeof STRING
  | typeof STRING_OR_NULL
  | typeof OBJECT
  | typeof OBJECT_OR_NULL
  | typeof OBJECTS
  | typeof ARRAY
  | typeof BOOLEAN;

function fits(v: unknown, kind: Kind): boolean {
  switch (kind) {
    case STRING:
      return typeof v === 'string';
    case STRING_OR_NULL:
      return v === null || typeof v === 'string';
    case OBJECT:
      return isObject(v);
    case OBJECT_OR_NULL:
      return v === null || isObject(v);
    case OBJECTS:
      return Array.isArray(v) && v.every(isObject);
    case ARRAY:
      return Array.isArray(v);
    case BOOLEAN:
      return typeof v === 'boolean' || v === 'true' || v === 'false';
  }
}

/** The first field of `o` (named `where.field`) whose value is present but of another kind. */
function wrong(o: Obj, where: string, fields: Record<string, Kind>): string | undefined {
  for (const [field, kind] of Object.entries(fields))
    if (o[field] !== undefined && !fits(o[field], kind)) return `${where}.${field} is not ${kind}`;
  return undefined;
}

/** Fields that must be present (and strings). */
function missing(o: Obj, where: string, fields: string[]): string | undefined {
  for (const field of fields)
    if (typeof o[field] !== 'string') return `${where}.${field} is missing or not a string`;
  return undefined;
}

/** An object with a string `id` (user, channel, team…). */
function withId(o: Obj, field: string, nullable = false): string | undefined {
  const v = o[field];
  if (v === undefined || (nullable && v === null)) return undefined;
  if (!isObject(v)) return `${field} is not an object`;
  return typeof v.id === 'string' ? undefined : `${field}.id is not a string`;
}

const ENVELOPE: Record<string, Kind> = {
  type: STRING,
  token: STRING,
  team_id: STRING_OR_NULL,
  api_app_id: STRING,
  enterprise_id: STRING_OR_NULL,
  context_team_id: STRING_OR_NULL,
  context_enterprise_id: STRING_OR_NULL,
  event_id: STRING,
  authorizations: OBJECTS,
  trigger_id: STRING,
  response_url: STRING,
  callback_id: STRING,
};

const EVENT: Record<string, Kind> = {
  type: STRING,
  subtype: STRING,
  channel: STRING,
  channel_type: STRING,
  user: STRING,
  bot_id: STRING,
  ts: STRING,
  thread_ts: STRING,
  event_ts: STRING,
  text: STRING,
  tab: STRING,
  team: STRING,
  files: OBJECTS,
  blocks: ARRAY,
  edited: OBJECT,
  message: OBJECT,
  previous_message: OBJECT,
  hidden: BOOLEAN,
};

const MESSAGE: Record<string, Kind> = {
  ts: STRING,
  thread_ts: STRING,
  text: STRING,
  user: STRING,
  blocks: OBJECTS,
  files: OBJECTS,
};

const COMMAND_REQUIRED = ['command', 'text', 'user_id', 'channel_id', 'trigger_id', 'response_url'];

/** Why this payload cannot be handled as Slack sends it, or undefined when its shape is fine. */
export function malformedReason(body: unknown): string | undefined {
  if (!isObject(body)) return 'the body is not an object';
  const top = wrong(body, 'body', ENVELOPE);
  if (top) return top;
  if (body.type === 'event_callback') {
    if (!isObject(body.event)) return 'body.event is not an object';
    if (typeof body.event.type !== 'string') return 'body.event.type is not a string';
    return wrong(body.event, 'event', EVENT);
  }
  if (typeof body.command === 'string') return missing(body, 'command', COMMAND_REQUIRED);
  if (typeof body.type !== 'string') return undefined; // url_verification, ssl_check…: Bolt's business
  // Interactivity: who clicked, where, and what.
  const who =
    withId(body, 'user') ??
    withId(body, 'team', true) ??
    withId(body, 'channel') ??
    withId(body, 'enterprise', true) ??
    wrong(body, 'body', {
      container: OBJECT,
      message: OBJECT,
      view: OBJECT,
      state: OBJECT,
      actions: OBJECTS,
    });
  if (who) return who;
  if (isObject(body.message)) {
    const m = wrong(body.message, 'message', MESSAGE);
    if (m) return m;
  }
  if (isObject(body.container)) {
    const c = wrong(body.container, 'container', {
      message_ts: STRING,
      thread_ts: STRING,
      channel_id: STRING,
      is_ephemeral: BOOLEAN,
    });
    if (c) return c;
  }
  if (body.type === 'block_actions') {
    if (!isObject(body.user)) return 'user is missing';
    const actions = body.actions;
    if (!Array.isArray(actions) || actions.length === 0) return 'body.actions is empty';
    for (const a of actions as Obj[]) {
      const bad =
        missing(a, 'action', ['action_id']) ??
        wrong(a, 'action', { value: STRING, block_id: STRING, type: STRING });
      if (bad) return bad;
    }
  }
  if (body.type === 'message_action') {
    if (!isObject(body.user) || !isObject(body.channel)) return 'user or channel is missing';
    if (!isObject(body.message)) return 'body.message is missing';
  }
  if (body.type === 'view_submission' || body.type === 'view_closed') {
    if (!isObject(body.user)) return 'user is missing';
    if (!isObject(body.view)) return 'body.view is missing';
    const v = wrong(body.view, 'view', {
      callback_id: STRING,
      private_metadata: STRING,
      state: OBJECT,
      id: STRING,
    });
    if (v) return v;
  }
  return undefined;
}

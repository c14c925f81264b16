// Server side of Slack's Socket Mode protocol, as @slack/socket-mode v3 expects:
// - apps.connections.open hands out a single-use `ws://…/link/?ticket=…` URL;
// - on connect the server sends `hello`; the app acks envelopes with
//   `{ envelope_id, payload }` (payload is `{}` when ack() had no body);
// - the client pings every clientPingTimeout/3 (≈1.7 s) and drops the link if
//   no pong arrives within clientPingTimeout (5 s) — `ws` answers pings
//   automatically; if the server ever pings, the client then expects another
//   ping within serverPingTimeout (30 s), so we ping every 10 s by default;
// - a `disconnect` frame makes the client close and reconnect after
//   clientPingTimeout × attempts (5 s by default).
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { Recorder, brief, handled } from './recorder';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface SocketFrame {
  direction: 'in' | 'out';
  connectionId: number;
  at: number;
  /** Parsed JSON (or the raw string if it was not JSON). */
  data: unknown;
}

/** What the app sends back for an envelope. */
export interface AckFrame {
  envelope_id: string;
  payload?: unknown;
  [key: string]: unknown;
}

export interface EnvelopeOptions {
  retryAttempt?: number;
  retryReason?: string;
  /** Defaults: true for slash commands and view_submission/block_suggestion, else false. */
  acceptsResponsePayload?: boolean;
  /** How long to wait for a connection and then for the ack. Default 5000. */
  timeoutMs?: number;
  envelopeId?: string;
}

export interface SocketModeHubOptions {
  appId: string;
  pingIntervalMs: number;
}

interface Connection {
  id: number;
  ws: WebSocket;
  /** A disconnect frame was sent; the client is expected to go away. */
  draining: boolean;
  pingTimer: NodeJS.Timeout;
}

interface PendingAck {
  resolve: (frame: AckFrame) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

const DEBUG_HOST = 'applink-tfauth-test-0';

export class SocketModeHub {
  private readonly frameLog = new Recorder<SocketFrame>(
    (f) => `${f.direction} #${f.connectionId} ${brief(f.data)}`,
  );
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly connections = new Map<number, Connection>();
  private readonly pending = new Map<string, PendingAck>();
  private readonly connectWaiters = new Set<{
    resolve: () => void;
    reject: (e: Error) => void;
    timer: NodeJS.Timeout;
  }>();
  private nextConnectionId = 1;
  private closed = false;
  /** Connections that completed the hello handshake since start/reset. */
  totalConnections = 0;

  constructor(private readonly opts: SocketModeHubOptions) {}

  /** A ticket for apps.connections.open; each can be used once. */
  issueTicket(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return ticket;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (
      this.closed ||
      url.pathname.replace(/\/$/, '') !== '/link' ||
      !this.tickets.delete(ticket)
    ) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** Every frame sent and received, oldest first (hello, envelopes, acks, disconnects). */
  get frames(): readonly SocketFrame[] {
    return this.frameLog.items;
  }

  waitForFrame(predicate: (f: SocketFrame) => boolean, timeoutMs = 5000): Promise<SocketFrame> {
    return this.frameLog.waitFor(predicate, timeoutMs, 'socket.waitForFrame');
  }

  /** Open (non-draining) connections. */
  get connectionCount(): number {
    return [...this.connections.values()].filter((c) => !c.draining).length;
  }

  /** Resolves once an app is connected (hello sent) and not told to disconnect. */
  connected(timeoutMs = 5000): Promise<void> {
    if (this.current()) return Promise.resolve();
    const error = new Error('socket.connected');
    const promise = new Promise<void>((resolve, reject) => {
      const waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.connectWaiters.delete(waiter);
          error.message = `No Socket Mode connection within ${timeoutMs}ms (${this.totalConnections} so far, ${this.tickets.size} unused tickets)`;
          reject(error);
        }, timeoutMs),
      };
      this.connectWaiters.add(waiter);
    });
    return handled(promise);
  }

  /** Deliver an envelope to the newest connection; resolves with the app's ack frame. */
  async send(type: EnvelopeType, payload: object, opts: EnvelopeOptions = {}): Promise<AckFrame> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const deadline = Date.now() + timeoutMs;
    await this.connected(timeoutMs);
    const conn = this.current();
    if (!conn) throw new Error('Socket Mode connection went away before the envelope was sent');
    const envelope = buildEnvelope(type, payload, opts);
    const ack = this.awaitAck(envelope.envelope_id, type, Math.max(1, deadline - Date.now()));
    this.write(conn, envelope);
    return ack;
  }

  /** Send Slack's `disconnect` frame (reasons: warning, refresh_requested, link_disabled). */
  disconnect(reason = 'warning'): void {
    for (const conn of this.connections.values()) {
      if (conn.draining) continue;
      this.write(conn, { type: 'disconnect', reason, debug_info: { host: DEBUG_HOST } });
      conn.draining = true;
    }
  }

  /** Kill every connection without a close frame (network failure). */
  dropConnection(): void {
    for (const conn of [...this.connections.values()]) this.forget(conn, true);
  }

  reset(): void {
    this.frameLog.clear();
    this.totalConnections = 0;
  }

  close(): void {
    this.closed = true;
    this.dropConnection();
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`Slack test server closed before envelope ${id} was acked`));
    }
    this.pending.clear();
    for (const waiter of this.connectWaiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('Slack test server closed'));
    }
    this.connectWaiters.clear();
    this.frameLog.rejectAll('Slack test server closed');
    this.wss.close();
  }

  private current(): Connection | undefined {
    const open = [...this.connections.values()].filter(
      (c) => !c.draining && c.ws.readyState === WebSocket.OPEN,
    );
    return open[open.length - 1];
  }

  private accept(ws: WebSocket): void {
    const conn: Connection = {
      id: this.nextConnectionId++,
      ws,
      draining: false,
      pingTimer: setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.ping(`Ping from server (${Date.now()})`);
      }, this.opts.pingIntervalMs),
    };
    conn.pingTimer.unref();
    this.connections.set(conn.id, conn);
    ws.on('message', (data, isBinary) => this.onMessage(conn, data, isBinary));
    ws.on('close', () => this.forget(conn, false));
    ws.on('error', () => this.forget(conn, true));
    this.write(conn, {
      type: 'hello',
      num_connections: this.connectionCount,
      debug_info: { host: DEBUG_HOST, build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: this.opts.appId },
    });
    this.totalConnections += 1;
    for (const waiter of [...this.connectWaiters]) {
      this.connectWaiters.delete(waiter);
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  private forget(conn: Connection, terminate: boolean): void {
    clearInterval(conn.pingTimer);
    this.connections.delete(conn.id);
    if (terminate) conn.ws.terminate();
  }

  private write(conn: Connection, frame: object): void {
    this.frameLog.push({ direction: 'out', connectionId: conn.id, at: Date.now(), data: frame });
    if (conn.ws.readyState === WebSocket.OPEN) conn.ws.send(JSON.stringify(frame));
  }

  private onMessage(conn: Connection, raw: RawData, isBinary: boolean): void {
    const text = isBinary ? '' : rawToString(raw);
    const data = parseJson(text);
    this.frameLog.push({ direction: 'in', connectionId: conn.id, at: Date.now(), data });
    if (!isAck(data)) return;
    const pending = this.pending.get(data.envelope_id);
    if (!pending) return;
    this.pending.delete(data.envelope_id);
    clearTimeout(pending.timer);
    pending.resolve(data);
  }

  private awaitAck(envelopeId: string, type: EnvelopeType, timeoutMs: number): Promise<AckFrame> {
    const error = new Error('socket.send');
    const promise = new Promise<AckFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        error.message = `No ack for ${type} envelope ${envelopeId} within ${timeoutMs}ms. ${this.frameLog.summary(10)}`;
        reject(error);
      }, timeoutMs);
      this.pending.set(envelopeId, { resolve, reject, timer });
    });
    return handled(promise);
  }
}

function buildEnvelope(
  type: EnvelopeType,
  payload: object,
  opts: EnvelopeOptions,
): Record<string, unknown> & { envelope_id: string } {
  const envelope: Record<string, unknown> & { envelope_id: string } = {
    envelope_id: opts.envelopeId ?? randomUUID(),
    payload,
    type,
    accepts_response_payload: opts.acceptsResponsePayload ?? defaultAcceptsResponse(type, payload),
  };
  // Slack only adds retry bookkeeping to Events API envelopes.
  if (type === 'events_api') {
    envelope.retry_attempt = opts.retryAttempt ?? 0;
    envelope.retry_reason = opts.retryReason ?? '';
  }
  return envelope;
}

function defaultAcceptsResponse(type: EnvelopeType, payload: object): boolean {
  if (type === 'slash_commands') return true;
  if (type !== 'interactive') return false;
  const kind = (payload as { type?: unknown }).type;
  return kind === 'view_submission' || kind === 'block_suggestion';
}

function rawToString(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isAck(data: unknown): data is AckFrame {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { envelope_id?: unknown }).envelope_id === 'string'
  );
}

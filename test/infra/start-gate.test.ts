// Journaled work starts after the acks (src/infra/intake/start-gate.ts): the order of
// accepts and starts is asserted, never how long anything took.

import { Intake } from '../../src/infra/intake/intake';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileJournal } from '../../src/infra/intake/journal-file';
import { Sealer } from '../../src/infra/intake/sealed';
import { StartGate } from '../../src/infra/intake/start-gate';
import { createLogger } from '../../src/infra/logger';

const turn = () => new Promise<void>((r) => setImmediate(r));

it('work accepted during a burst starts only once the burst has been accepted', async () => {
  const gate = new StartGate({ quietMs: 50, maxHoldMs: 60_000 });
  const order: string[] = [];
  // Ten accepts, one per turn of the event loop, each queueing its work when it is durable.
  for (let i = 0; i < 10; i++) {
    await gate.accepting(async () => {
      await turn();
      gate.enqueue(() => order.push(`start ${i}`));
    });
    order.push(`ack ${i}`);
  }
  await new Promise<void>((r) => gate.enqueue(r));
  expect(order.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `ack ${i}`));
  expect(order.slice(10)).toEqual(Array.from({ length: 10 }, (_, i) => `start ${i}`));
});

it('a steady stream of accepts does not hold work back for good', async () => {
  const gate = new StartGate({ quietMs: 50, maxHoldMs: 30 });
  let endStream: () => void = () => undefined;
  const stream = gate.accepting(() => new Promise<void>((r) => (endStream = r)));
  // An accept is still in progress, and stays so until the work has started.
  await new Promise<void>((r) => gate.enqueue(r));
  endStream();
  await stream;
});

it('starts one entry per turn, so the sockets are read between starts', async () => {
  const gate = new StartGate({ quietMs: 0, maxHoldMs: 0 });
  const order: string[] = [];
  gate.enqueue(() => {
    order.push('start 1');
    setImmediate(() => order.push('a turn after start 1'));
  });
  gate.enqueue(() => order.push('start 2'));
  await new Promise<void>((r) => gate.enqueue(r));
  expect(order).toEqual(['start 1', 'a turn after start 1', 'start 2']);
});

it('the intake runs a burst’s handlers after all of its accepts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tfauth-gate-'));
  const journal = await FileJournal.open(dir);
  const intake = new Intake(journal, new Sealer('k'), createLogger({ level: 'error' }), undefined, {
    quietMs: 50,
    maxHoldMs: 60_000,
  });
  const order: string[] = [];
  let done: () => void = () => undefined;
  const all = new Promise<void>((r) => (done = r));
  intake.on('message', async (payload) => {
    order.push(`run ${String(payload)}`);
    if (payload === 4) done();
  });
  for (let i = 0; i < 5; i++) {
    await intake.accept('message', i);
    order.push(`ack ${i}`);
  }
  await all;
  expect(order).toEqual([
    ...Array.from({ length: 5 }, (_, i) => `ack ${i}`),
    ...Array.from({ length: 5 }, (_, i) => `run ${i}`),
  ]);
  await intake.close();
  rmSync(dir, { recursive: true, force: true });
});

it('lanes take turns: every lane’s first entry starts before any lane’s second, each lane in order', async () => {
  const gate = new StartGate({ quietMs: 0, maxHoldMs: 60_000 });
  const order: string[] = [];
  const queued = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'x', 'C2', 'A4'];
  let done: () => void = () => undefined;
  const all = new Promise<void>((r) => (done = r));
  await gate.accepting(async () => {
    for (const name of queued)
      gate.enqueue(
        () => order.push(name) === queued.length && done(),
        name === 'x' ? undefined : name[0], // no lane: a lane of its own
      );
  });
  await all;
  expect(order).toEqual(['A1', 'B1', 'C1', 'x', 'A2', 'B2', 'C2', 'A3', 'A4']);
});

it('the intake starts a burst’s messages round-robin by channel', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tfauth-gate-'));
  const journal = await FileJournal.open(dir);
  const intake = new Intake(journal, new Sealer('k'), createLogger({ level: 'error' }), undefined, {
    quietMs: 50,
    maxHoldMs: 60_000,
  });
  const order: string[] = [];
  let done: () => void = () => undefined;
  const all = new Promise<void>((r) => (done = r));
  intake.on(
    'message',
    async (payload) => {
      order.push((payload as { id: string }).id);
      if (order.length === 6) done();
    },
    (payload) => (payload as { channel: string }).channel,
  );
  for (const [channel, n] of [
    ['C1', 3],
    ['C2', 2],
    ['C3', 1],
  ] as const)
    for (let i = 1; i <= n; i++) await intake.accept('message', { channel, id: `${channel}.${i}` });
  await all;
  expect(order).toEqual(['C1.1', 'C2.1', 'C3.1', 'C1.2', 'C2.2', 'C1.3']);
  await intake.close();
  rmSync(dir, { recursive: true, force: true });
});

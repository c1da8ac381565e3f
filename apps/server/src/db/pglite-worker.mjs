// The embedded PGlite engine in a worker thread (decision 0026): the WASM PostgreSQL runs here, so
// a slow statement no longer holds the server's event loop. Plain JavaScript on purpose: a worker
// starts as a file Node itself loads (no TypeScript loader in a worker, none in the bundled server);
// scripts/start.mjs copies it beside the bundle. The main side is pglite-client.ts: it owns the
// protocol below and is the only file that starts this one.
//
// main → worker  { id, op: 'query', text, params, rowMode, textOids, paramTypes, tx }
//                { id, op: 'exec', text, tx } | { id, op: 'begin' } | { id, op: 'end', tx, commit }
//                { id, op: 'listen', channel } | { id, op: 'unlisten', listener } | { id, op: 'dump' } | { id, op: 'close' }
// worker → main  { type: 'ready' } | { type: 'failed', error } | { type: 'reply', id, result } | { type: 'reply', id, error }
//                { type: 'notify', listener, payload }
//
// Every operation is handed to PGlite the moment it arrives: PGlite's own locks order them exactly as
// in one thread (a statement outside a transaction waits for the open transaction to end).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const port = parentPort;
if (!port) throw new Error('pglite-worker.mjs runs as a worker thread only');

/** An error as it crosses the thread boundary: its name, message, stack and every field that can be cloned (PostgreSQL's code, constraint, detail…). */
function serializeError(err) {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  const fields = {};
  for (const key of Object.keys(err)) {
    // queryOptions holds the caller's parser functions
    if (key === 'queryOptions') continue;
    const value = err[key];
    if (typeof value === 'function') continue;
    try {
      fields[key] = structuredClone(value);
    } catch {
      // not cloneable: left behind
    }
  }
  return { name: err.name, message: err.message, stack: err.stack, fields };
}

const reply = (id, result, transfer) => port.postMessage({ type: 'reply', id, result }, transfer ?? []);
const fail = (id, err) => port.postMessage({ type: 'reply', id, error: serializeError(err) });

/** Parsers that leave the given type OIDs as PostgreSQL's text (drizzle parses dates itself). */
const textParsers = new Map();
function parsersFor(oids) {
  if (!oids || oids.length === 0) return undefined;
  const key = oids.join(',');
  let parsers = textParsers.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(oids.map((oid) => [oid, (value) => value]));
    textParsers.set(key, parsers);
  }
  return parsers;
}

const { dataDir, loadDataDir } = workerData ?? {};
let pg;
try {
  pg = await PGlite.create({
    // extensions the migrations create must be loaded into the WASM build first
    extensions: { pg_trgm },
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
  });
} catch (err) {
  port.postMessage({ type: 'failed', error: serializeError(err) });
  port.close();
}

/** Open transactions by the id of their `begin`: PGlite's transaction handle and how to end it. */
const transactions = new Map();
/** The `end` message of each transaction, to answer once PGlite has committed or rolled back. */
const endings = new Map();
const ROLLBACK = Symbol('rollback');
/** LISTENs by the id of their `listen`: PGlite's unlisten function. */
const listeners = new Map();

/** The handle a statement runs on: the open transaction it names, or PGlite itself. */
function target(tx) {
  if (tx === undefined || tx === null) return pg;
  const open = transactions.get(tx);
  if (!open) throw new Error('Transaction is closed');
  return open.handle;
}

function begin(id) {
  let started = false;
  pg.transaction(
    (handle) =>
      new Promise((resolve, reject) => {
        started = true;
        transactions.set(id, { handle, resolve, reject });
        reply(id, null);
      }),
  ).then(
    () => {
      reply(endings.get(id), null);
      endings.delete(id);
    },
    (err) => {
      transactions.delete(id);
      if (!started) return fail(id, err);
      const end = endings.get(id);
      endings.delete(id);
      if (err === ROLLBACK) reply(end, null);
      else fail(end, err);
    },
  );
}

function end(id, tx, commit) {
  const open = transactions.get(tx);
  if (!open) return fail(id, new Error('Transaction is closed'));
  transactions.delete(tx);
  endings.set(tx, id);
  // PGlite commits when the callback resolves (and throws if COMMIT answered ROLLBACK), rolls back when it rejects
  if (commit) open.resolve();
  else open.reject(ROLLBACK);
}

async function handle(msg) {
  const { id } = msg;
  try {
    switch (msg.op) {
      case 'query': {
        const result = await target(msg.tx).query(msg.text, msg.params, {
          rowMode: msg.rowMode,
          parsers: parsersFor(msg.textOids),
          ...(msg.paramTypes ? { paramTypes: msg.paramTypes } : {}),
        });
        return reply(id, result);
      }
      case 'exec':
        return reply(id, await target(msg.tx).exec(msg.text));
      case 'begin':
        return begin(id);
      case 'end':
        return end(id, msg.tx, msg.commit);
      case 'listen': {
        const unlisten = await pg.listen(msg.channel, (payload) => port.postMessage({ type: 'notify', listener: id, payload }));
        listeners.set(id, unlisten);
        return reply(id, null);
      }
      case 'unlisten': {
        const unlisten = listeners.get(msg.listener);
        listeners.delete(msg.listener);
        if (unlisten) await unlisten();
        return reply(id, null);
      }
      case 'dump': {
        const blob = await pg.dumpDataDir(msg.compression ?? 'none');
        const bytes = await blob.arrayBuffer();
        return reply(id, bytes, [bytes]);
      }
      case 'close':
        await pg.close();
        reply(id, null);
        return port.close();
      default:
        throw new Error(`unknown operation ${String(msg.op)}`);
    }
  } catch (err) {
    fail(id, err);
  }
}

if (pg) {
  port.on('message', (msg) => void handle(msg));
  port.postMessage({ type: 'ready' });
}

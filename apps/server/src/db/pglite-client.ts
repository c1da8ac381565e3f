import { Worker } from 'node:worker_threads';

/**
 * The embedded PGlite engine, running in a worker thread (pglite-worker.mjs; decision 0026), behind
 * the part of PGlite's API drizzle's pglite driver and this code use: `query` (with `rowMode` and
 * `parsers`), `exec`, `transaction`, `listen`, `dumpDataDir`, `close`. The server's event loop stays
 * free while a statement runs; only the result (structured clone) comes back.
 *
 * - Parsers cannot cross a thread: the worker parses every type as PGlite does, except the OIDs a
 *   call lists in `parsers`, which it leaves as PostgreSQL's text. That is the only thing drizzle's
 *   parsers do (timestamps, dates, intervals and their arrays stay text; drizzle's columns parse
 *   them); a parser that did something else would be ignored, so none is accepted but `(v) => v`.
 * - Order: every call is posted at once and the worker hands it to PGlite on arrival, so PGlite's own
 *   locks serialise them as in one thread: a statement outside a transaction waits until the open
 *   transaction ends, statements on the transaction's handle run inside it.
 * - Errors keep their PostgreSQL fields (`code`, `constraint`, `detail`, …) as own properties.
 */

/** What `query` answers, as PGlite's `Results`. */
export interface QueryResult<T = Record<string, unknown>> {
  rows: T[];
  affectedRows?: number;
  fields: { name: string; dataTypeID: number }[];
}

export interface QueryOptions {
  rowMode?: 'array' | 'object';
  /** only identity parsers: those OIDs stay text */
  parsers?: Record<number, (value: string, typeId: number) => unknown>;
  paramTypes?: number[];
}

/** A transaction's handle, as PGlite's `Transaction`. */
export interface WorkerTransaction {
  query<T = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<T>>;
  exec(text: string): Promise<QueryResult[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: SerializedError }
  | { type: 'reply'; id: number; result?: unknown; error?: SerializedError }
  | { type: 'notify'; listener: number; payload: string };

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

export interface PGliteWorkerOptions {
  /** data directory; absent means in memory */
  dataDir?: string;
  /** start from this dumped data directory (`dumpDataDir`) */
  loadDataDir?: Blob;
}

/** The worker's file: beside this module in the source, beside the bundle in dist (scripts/start.mjs copies it). */
const WORKER_URL = new URL('./pglite-worker.mjs', import.meta.url);

function deserializeError(e: SerializedError): Error {
  const err = new Error(e.message);
  err.name = e.name;
  Object.assign(err, e.fields);
  // the worker's stack says where PGlite failed; the caller's own frames come from drizzle's wrapper
  if (e.stack) err.stack = e.stack;
  return err;
}

/** Identity parsers become the list of OIDs the worker leaves as text; anything else is refused. */
function textOids(parsers: QueryOptions['parsers']): number[] | undefined {
  if (!parsers) return undefined;
  const oids = Object.keys(parsers).map(Number);
  for (const oid of oids) {
    if (parsers[oid]!('2026-01-01 00:00:00', oid) !== '2026-01-01 00:00:00') {
      throw new Error(`PGlite worker: the parser for type ${oid} is not the identity; only "leave as text" crosses the thread`);
    }
  }
  return oids;
}

export class PGliteWorkerClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<number, (payload: string) => void>();
  #nextId = 1;
  #closed = false;
  /** set when the worker died: every later call fails with it */
  #dead: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'notify') {
        this.#listeners.get(msg.listener)?.(msg.payload);
      } else if (msg.type === 'reply') {
        const p = this.#pending.get(msg.id);
        if (!p) return;
        this.#pending.delete(msg.id);
        if (this.#pending.size === 0) worker.unref();
        if (msg.error) p.reject(deserializeError(msg.error));
        else p.resolve(msg.result);
      }
    });
    const die = (err: Error) => {
      this.#dead ??= err;
      for (const p of this.#pending.values()) p.reject(this.#dead);
      this.#pending.clear();
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`PGlite worker exited (code ${code})`)));
  }

  /** Starts the worker and waits until PGlite is up (initdb or the data directory loaded). */
  static async create(opts: PGliteWorkerOptions = {}): Promise<PGliteWorkerClient> {
    const loadDataDir = opts.loadDataDir ? await opts.loadDataDir.arrayBuffer() : undefined;
    const worker = new Worker(WORKER_URL, {
      workerData: { dataDir: opts.dataDir, loadDataDir },
      transferList: loadDataDir ? [loadDataDir] : [],
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (msg: FromWorker) => {
        if (msg.type === 'ready') {
          done();
          resolve();
        } else if (msg.type === 'failed') {
          done();
          reject(deserializeError(msg.error));
        }
      };
      const onError = (err: Error) => (done(), reject(err));
      const onExit = (code: number) => (done(), reject(new Error(`PGlite worker exited (code ${code}) while starting`)));
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
    // idle, the worker keeps no process alive (an in-process PGlite does not either); a call in flight does
    worker.unref();
    return new PGliteWorkerClient(worker);
  }

  /** Posts one operation; `id` is the operation's number (a transaction and a LISTEN are known by it). */
  #send<T>(msg: Record<string, unknown>): { id: number; reply: Promise<T> } {
    const id = this.#nextId++;
    if (this.#closed) return { id, reply: Promise.reject(new Error('PGlite is closed')) };
    if (this.#dead) return { id, reply: Promise.reject(this.#dead) };
    const reply = new Promise<T>((resolve, reject) => {
      try {
        // throws when a parameter cannot be cloned (a function, a class instance with private state)
        this.#worker.postMessage({ ...msg, id });
      } catch (err) {
        reject(err as Error);
        return;
      }
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    });
    return { id, reply };
  }

  #call<T>(msg: Record<string, unknown>): Promise<T> {
    return this.#send<T>(msg).reply;
  }

  #query<T>(tx: number | undefined, text: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult<T>> {
    let oids: number[] | undefined;
    try {
      oids = textOids(options.parsers);
    } catch (err) {
      return Promise.reject(err as Error);
    }
    return this.#call({ op: 'query', tx, text, params, rowMode: options.rowMode, textOids: oids, paramTypes: options.paramTypes });
  }

  query<T = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<T>> {
    return this.#query<T>(undefined, text, params, options);
  }

  exec(text: string): Promise<QueryResult[]> {
    return this.#call({ op: 'exec', text });
  }

  /**
   * PGlite's transaction: BEGIN, `fn` with a handle whose statements run inside, COMMIT when it
   * resolves (an error if COMMIT answered ROLLBACK: a statement in it failed), ROLLBACK when it
   * throws. Statements not on the handle wait until it ends, as in PGlite.
   */
  async transaction<T>(fn: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
    const { id, reply } = this.#send<null>({ op: 'begin' });
    await reply;
    return this.#runTransaction(id, fn);
  }

  async #runTransaction<T>(txId: number, fn: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
    let closed = false;
    const open = () => {
      if (closed) throw new Error('Transaction is closed');
    };
    const handle: WorkerTransaction = {
      query: async (text, params, options) => (open(), this.#query(txId, text, params, options)),
      exec: async (text) => (open(), this.#call({ op: 'exec', tx: txId, text })),
      rollback: async () => {
        open();
        closed = true;
        await this.#call({ op: 'end', tx: txId, commit: false });
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await fn(handle);
    } catch (err) {
      if (!closed) {
        closed = true;
        await this.#call({ op: 'end', tx: txId, commit: false });
      }
      throw err;
    }
    if (!closed) {
      closed = true;
      await this.#call({ op: 'end', tx: txId, commit: true });
    }
    return result;
  }

  /** LISTEN on `channel`; resolves once listening, with the function that stops. */
  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    const { id, reply } = this.#send({ op: 'listen', channel });
    this.#listeners.set(id, onNotify);
    try {
      await reply;
    } catch (err) {
      this.#listeners.delete(id);
      throw err;
    }
    return async () => {
      if (!this.#listeners.delete(id) || this.#closed || this.#dead) return;
      await this.#call({ op: 'unlisten', listener: id });
    };
  }

  /** The data directory as a tarball (test snapshots). */
  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'none'): Promise<Blob> {
    return new Blob([await this.#call<ArrayBuffer>({ op: 'dump', compression })]);
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Waits for PGlite to close (after what is in flight) and ends the worker. */
  async close(): Promise<void> {
    if (this.#closed) return;
    if (this.#dead) {
      this.#closed = true;
      await this.#worker.terminate();
      return;
    }
    const closing = this.#call({ op: 'close' });
    // set after posting: the close itself is the last operation the worker gets
    this.#closed = true;
    this.#listeners.clear();
    try {
      await closing;
    } finally {
      await this.#worker.terminate();
    }
  }
}

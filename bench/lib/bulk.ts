import type { ClientBase } from 'pg';

export type PgArrayType = 'uuid' | 'text' | 'bool' | 'int4' | 'int8' | 'numeric' | 'timestamptz' | 'date' | 'jsonb';

export interface BulkColumn {
  name: string;
  type: PgArrayType;
}

type Cell = string | number | boolean | null;

/**
 * Buffers rows column by column and writes them with one
 * `INSERT INTO t (…) SELECT * FROM unnest($1::uuid[], $2::text[], …)` per batch: one statement and
 * one parameter per column whatever the batch size, so there is no 65 535-parameter limit and the
 * server parses a single plan per batch.
 */
export class BulkWriter {
  private cols: Cell[][];
  /** the batch PostgreSQL is writing while the next one is built */
  private inFlight: Promise<unknown> | null = null;
  private readonly sql: string;
  private pending = 0;
  /** rows written so far */
  written = 0;

  constructor(
    private readonly client: ClientBase,
    table: string,
    private readonly columns: readonly BulkColumn[],
    private readonly batchSize = 5000,
  ) {
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    this.sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`;
    this.cols = columns.map(() => []);
  }

  /** Adds one row (values in column order); sends a batch when it is full. */
  async add(row: readonly Cell[]): Promise<void> {
    if (row.length !== this.columns.length) throw new Error(`BulkWriter: expected ${this.columns.length} values, got ${row.length}`);
    for (let i = 0; i < row.length; i++) this.cols[i]!.push(row[i] as Cell);
    this.pending++;
    if (this.pending >= this.batchSize) await this.send();
  }

  /** Sends the buffered rows and waits until everything is written. */
  async flush(): Promise<void> {
    await this.send();
    await this.inFlight;
    this.inFlight = null;
  }

  /**
   * One batch in flight at a time: wait for the previous one, then send this one without waiting,
   * so building the next batch overlaps with PostgreSQL writing this one.
   */
  private async send(): Promise<void> {
    if (this.pending === 0) return;
    await this.inFlight;
    const rows = this.pending;
    this.inFlight = this.client.query(this.sql, this.cols).then(() => {
      this.written += rows;
    });
    // reported by the next send/flush; never an unhandled rejection in between
    this.inFlight.catch(() => undefined);
    // pg serialises the parameters when it sends the query: hand it these arrays, start new ones
    this.cols = this.columns.map(() => []);
    this.pending = 0;
  }
}

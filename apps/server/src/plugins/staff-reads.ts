import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client';
import type { TAuditAction } from '@jhrm/contracts';
import type { AuditLog } from '../modules/audit/audit.service';

/** The record a staff read revealed and the unit it belongs to (null when no unit owns it yet). */
export interface StaffReadTarget {
  type: string;
  id: string;
  unitId: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Declared on a route whose answer, read by a reviewer or an admin, contains a unit's data
 * (SPEC §9). `target` finds the record from the path parameters; a search across units has none
 * and is recorded with its conditions.
 */
export interface StaffRead {
  action: TAuditAction;
  target?: (db: Db, params: Record<string, string>) => Promise<StaffReadTarget | null>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    staffRead?: StaffRead;
  }
}

const STAFF_ROLES = new Set(['reviewer', 'admin']);

/** A ranged request that does not start at byte 0 continues a read already recorded (a video player fetches many). */
function continuesRead(req: FastifyRequest, reply: FastifyReply): boolean {
  return reply.statusCode === 206 && !/^\s*bytes\s*=\s*0\s*-/i.test(String(req.headers.range ?? ''));
}

const nonEmpty = (o: unknown): o is Record<string, unknown> => !!o && typeof o === 'object' && Object.keys(o).length > 0;

/**
 * One hook records every successful staff read of a declared route, before the answer leaves:
 * when the audit row cannot be written the reader gets an error instead of the data (no trace,
 * no data). Unit users reading their own data leave no trace.
 */
export const staffReadsPlugin = fp(async (app: FastifyInstance, opts: { db: Db; audit: AuditLog }) => {
  app.addHook('onSend', async (req, reply, payload) => {
    const declared = req.routeOptions.config.staffRead;
    const user = req.auth?.user;
    if (!declared || !user || !STAFF_ROLES.has(user.role)) return payload;
    if (reply.statusCode < 200 || reply.statusCode >= 300 || continuesRead(req, reply)) return payload;
    try {
      const params = (req.params ?? {}) as Record<string, string>;
      const target = declared.target ? await declared.target(opts.db, params) : null;
      const { id: _targetId, ...otherParams } = params;
      const detail: Record<string, unknown> = { ...target?.detail, ...(target ? otherParams : params) };
      if (nonEmpty(req.query)) detail.query = req.query;
      await opts.audit.record(opts.db, {
        action: declared.action,
        actorId: user.id,
        actorAccount: user.account,
        actorRole: user.role,
        unitId: target?.unitId ?? null,
        targetType: target?.type ?? null,
        targetId: target?.id ?? null,
        ip: req.ip,
        detail,
      });
    } catch (err) {
      // the file or video stream was opened for an answer that will not be sent
      if (payload && typeof (payload as Readable).destroy === 'function') (payload as Readable).destroy();
      throw err;
    }
    return payload;
  });
});

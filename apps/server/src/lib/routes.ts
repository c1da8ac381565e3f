import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ROLES } from '@jhrm/contracts';
import type { RequestMeta } from '../modules/accounts/accounts.service';


/** Each module's routes: a plain function that registers them on a zod-typed instance. */
export const zod = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** Any signed-in user. */
export const ANY_USER = ROLES;
/** The two roles of a unit (单位). */
export const UNIT_USERS = ['legal', 'agent'] as const;

/** A route that reads a multipart body declares it (`schema.consumes`); any other route refuses one (415). */
export const CONSUMES_MULTIPART = ['multipart/form-data'] as const;

/** The public register and licence verification: open to anyone, but not at a script's pace (per IP). */
export const PUBLIC_READ_RATE_LIMIT = { max: 60, timeWindow: '1 minute' } as const;

export const requestMeta = (req: FastifyRequest): RequestMeta => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

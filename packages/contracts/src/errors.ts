import { z } from 'zod';

/** Every error the API returns has one of these codes; the server maps each to one HTTP status. */
export const AppErrorCode = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CSRF: 'CSRF',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  LOCKED: 'LOCKED',
  CAPTCHA_REQUIRED: 'CAPTCHA_REQUIRED',
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA: 'UNSUPPORTED_MEDIA',
  /** refused by the malware scan */
  UNSAFE_FILE: 'UNSAFE_FILE',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type TAppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

export const ZFieldError = z.object({ path: z.string(), message: z.string() });
export type TFieldError = z.infer<typeof ZFieldError>;

/** The one error body shape: a code for programs, a Chinese message for people, field errors for forms. */
export const ZErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  fieldErrors: z.array(ZFieldError).optional(),
  /** machine-readable extras, e.g. `{ captchaRequired: true }` after failed sign-ins */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

import { AppErrorCode, type TAppErrorCode, type TFieldError } from '@jhrm/contracts';

/** The one error type services throw. `message` is shown to people, so it is Chinese. */
export class AppError extends Error {
  constructor(
    readonly code: TAppErrorCode,
    message: string,
    readonly fieldErrors?: TFieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const HTTP_STATUS: Record<TAppErrorCode, number> = {
  [AppErrorCode.VALIDATION]: 400,
  [AppErrorCode.UNAUTHENTICATED]: 401,
  [AppErrorCode.FORBIDDEN]: 403,
  [AppErrorCode.CSRF]: 403,
  [AppErrorCode.NOT_FOUND]: 404,
  [AppErrorCode.CONFLICT]: 409,
  [AppErrorCode.LOCKED]: 423,
  [AppErrorCode.CAPTCHA_REQUIRED]: 400,
  [AppErrorCode.PASSWORD_CHANGE_REQUIRED]: 403,
  [AppErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [AppErrorCode.UNSUPPORTED_MEDIA]: 415,
  [AppErrorCode.UNSAFE_FILE]: 422,
  [AppErrorCode.RATE_LIMITED]: 429,
  [AppErrorCode.UNAVAILABLE]: 503,
  [AppErrorCode.INTERNAL]: 500,
};

import type { TCaptcha } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';

/** A fresh single-use image captcha ({id, svg}). */
export function fetchCaptcha(): Promise<TCaptcha> {
  return api.get<TCaptcha>('/api/auth/captcha', { skipAuthRedirect: true });
}

/** The captcha's SVG markup as an <img> source (the CSP allows data: images, not inline SVG). */
export function captchaImageSrc(svg: string): string {
  return 'data:image/svg+xml;utf8,' + encodeURIComponent(svg);
}

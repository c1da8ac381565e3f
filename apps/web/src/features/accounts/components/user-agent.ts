/**
 * A short, readable name for a session's User-Agent header, e.g. "Chrome 126 / Windows" or
 * "微信 8.0 / iOS 17". The full header stays available as a tooltip; this is only for scanning a
 * list of sessions, so an approximate answer is fine and an unknown one is cut short.
 */

interface BrowserPattern {
  name: string;
  re: RegExp;
}

// Order matters: Chromium-based browsers also say "Chrome/…" and "Safari/…", WebKit ones "Safari/…".
const BROWSERS: readonly BrowserPattern[] = [
  { name: '微信', re: /MicroMessenger\/(\d+(?:\.\d+)?)/ },
  { name: '钉钉', re: /DingTalk\/(\d+(?:\.\d+)?)/ },
  { name: 'Edge', re: /Edg(?:e|A|iOS)?\/(\d+)/ },
  { name: 'Opera', re: /(?:OPR|Opera)\/(\d+)/ },
  { name: '360浏览器', re: /(?:QIHU 360(?:SE|EE)|360SE|360EE)()/ },
  { name: 'QQ浏览器', re: /QQBrowser\/(\d+)/ },
  { name: 'UC浏览器', re: /UCBrowser\/(\d+)/ },
  { name: '搜狗浏览器', re: /(?:MetaSr|SogouMobileBrowser)[ /]?(\d*)/ },
  { name: 'Firefox', re: /(?:Firefox|FxiOS)\/(\d+)/ },
  { name: 'Chrome', re: /(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/ },
  { name: 'Safari', re: /Version\/(\d+(?:\.\d+)?).*Safari\// },
  { name: 'IE', re: /MSIE (\d+)/ },
  { name: 'IE', re: /Trident\/7\.0.*rv:(11)/ },
];

const WINDOWS_VERSIONS: Record<string, string> = {
  '10.0': '',
  '6.3': ' 8.1',
  '6.2': ' 8',
  '6.1': ' 7',
  '6.0': ' Vista',
  '5.1': ' XP',
};

function browserOf(ua: string): string | null {
  for (const b of BROWSERS) {
    const m = b.re.exec(ua);
    if (m) return m[1] ? `${b.name} ${m[1]}` : b.name;
  }
  return null;
}

function osOf(ua: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = /(?:HarmonyOS|OpenHarmony)[ /]?([\d.]*)/.exec(ua))) return m[1] ? `HarmonyOS ${m[1].split('.')[0]}` : 'HarmonyOS';
  if ((m = /Windows NT (\d+\.\d+)/.exec(ua))) return `Windows${WINDOWS_VERSIONS[m[1]!] ?? ''}`;
  if ((m = /(?:iPhone|iPad|iPod).*? OS (\d+)/.exec(ua))) return `iOS ${m[1]}`;
  if ((m = /Android (\d+)/.exec(ua))) return `Android ${m[1]}`;
  if (/Android/.test(ua)) return 'Android';
  if (/CrOS/.test(ua)) return 'ChromeOS';
  if (/Mac OS X|Macintosh/.test(ua)) return 'macOS';
  if (/Linux/.test(ua)) return 'Linux';
  if (/Windows/.test(ua)) return 'Windows';
  return null;
}

const MAX_RAW = 40;

export function shortUserAgent(ua: string | null | undefined): string {
  const raw = (ua ?? '').trim();
  if (!raw) return '未知';
  const browser = browserOf(raw);
  const os = osOf(raw);
  if (browser && os) return `${browser} / ${os}`;
  if (browser ?? os) return (browser ?? os)!;
  return raw.length > MAX_RAW ? raw.slice(0, MAX_RAW) + '…' : raw;
}

import { describe, expect, it } from 'vitest';
import { shortUserAgent } from './user-agent';

describe('shortUserAgent', () => {
  it('names the browser with its major version and the operating system', () => {
    expect(shortUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.127 Safari/537.36')).toBe('Chrome 126 / Windows');
    expect(shortUserAgent('Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0')).toBe('Firefox 115 / Windows 7');
    expect(shortUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15')).toBe('Safari 17.4 / macOS');
    expect(shortUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.33 Safari/537.36')).toBe('Chrome 131 / Linux');
  });

  it('recognises Chromium-based browsers before Chrome itself', () => {
    expect(shortUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.2535.92')).toBe('Edge 125 / Windows');
    expect(shortUserAgent('Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.25 Safari/537.36 Core/1.70.3870.400 QQBrowser/10.8.4405.400')).toBe('QQ浏览器 10 / Windows');
    expect(shortUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36 QIHU 360SE')).toBe('360浏览器 / Windows');
  });

  it('handles phones: WeChat, iOS and Android, HarmonyOS', () => {
    expect(shortUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN')).toBe('微信 8.0 / iOS 17');
    expect(shortUserAgent('Mozilla/5.0 (Linux; Android 14; 23127PN0CC) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.230 Mobile Safari/537.36')).toBe('Chrome 120 / Android 14');
    expect(shortUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/119.0.6045.109 Mobile/15E148 Safari/604.1')).toBe('Chrome 119 / iOS 16');
    expect(shortUserAgent('Mozilla/5.0 (Phone; OpenHarmony 4.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.3.300')).toBe('Chrome 114 / HarmonyOS 4');
  });

  it('says 未知 for a missing header and cuts an unrecognised one short', () => {
    expect(shortUserAgent(null)).toBe('未知');
    expect(shortUserAgent('  ')).toBe('未知');
    expect(shortUserAgent('curl/8.5.0')).toBe('curl/8.5.0');
    const long = 'SomeRobot/1.0 (+https://example.com/a-very-long-description-of-the-robot)';
    expect(shortUserAgent(long)).toBe(long.slice(0, 40) + '…');
  });

  it('recognises old Internet Explorer', () => {
    expect(shortUserAgent('Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko')).toBe('IE 11 / Windows 7');
  });
});

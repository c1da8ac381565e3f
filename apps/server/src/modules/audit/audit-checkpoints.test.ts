import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../lib/logger';
import { checkpointLogFields, checkpointsFromLog } from './audit-checkpoints';

describe('checkpoints in the log stream', () => {
  it('survive the log masking of 手机号码 and 身份证号 unchanged, even when a hash contains such a run of digits', () => {
    // an 11-digit run between letters reads as a mobile number, an 18-character one as an ID number
    const hash = `a13912345678b110101197501010039c${'0'.repeat(32)}`;
    const mac = `f13800000000e${'1'.repeat(51)}`;
    const at = new Date('2026-11-26T01:00:00.000Z');
    let text = '';
    const stream = new Writable({
      write(chunk, _enc, done) {
        text += chunk.toString();
        done();
      },
    });
    pino(loggerOptions('info'), stream).info({ auditCheckpoint: checkpointLogFields({ seq: 13912345678, hash, at, mac }) }, 'audit checkpoint');
    expect(text).not.toContain('*');
    expect(checkpointsFromLog(`not json\n${text}{"msg":"other"}\n`)).toEqual([{ seq: 13912345678, hash, at, mac }]);
  });
});

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TCreditRating } from '@jhrm/contracts';
import { CreditLevelTag, CreditRatingCard } from './CreditRating';

const text = (html: string) => html.replace(/<[^>]+>/g, '');
const rating: TCreditRating = {
  level: 'C',
  score: 65,
  reasons: [
    { label: '2025年度报告逾期报送', points: -5 },
    { label: '失信记录（2026-09-01）', points: -40 },
    { label: '诚信示范机构（2024年度）', points: 10 },
  ],
};

describe('信用等级', () => {
  it('the unit sees the level, the score and each reason with its signed points', () => {
    const t = text(renderToStaticMarkup(<CreditRatingCard rating={rating} />));
    expect(t).toContain('C级');
    expect(t).toContain('信用分65');
    expect(t).toContain('2025年度报告逾期报送−5');
    expect(t).toContain('失信记录（2026-09-01）−40');
    expect(t).toContain('诚信示范机构（2024年度）+10');
  });

  it('a reviewer sees the level and the reasons without the score; nothing without a rating', () => {
    const t = text(renderToStaticMarkup(<CreditRatingCard rating={rating} showScore={false} />));
    expect(t).toContain('C级');
    expect(t).not.toContain('信用分');
    expect(t).toContain('2025年度报告逾期报送');
    expect(renderToStaticMarkup(<CreditRatingCard rating={null} />)).toBe('');
    expect(text(renderToStaticMarkup(<CreditRatingCard rating={{ level: 'A', score: 100, reasons: [] }} />))).toContain('暂无计分事项，按基础分评定。');
    expect(renderToStaticMarkup(<CreditLevelTag level={null} />)).toBe('');
  });
});

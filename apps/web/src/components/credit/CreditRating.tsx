import { Card, Descriptions, List, Typography } from 'antd';
import { formatCreditPoints, type TCreditLevel, type TCreditRating } from '@jhrm/contracts';
import { StatusTag, type StatusTone } from '../StatusTag';

const LEVEL_TONES: Record<TCreditLevel, StatusTone> = { A: 'success', B: 'info', C: 'warning', D: 'danger' };

/** 信用等级 A–D as a tag (decision 0048), in one tone per level everywhere. */
export function CreditLevelTag({ level }: { level: TCreditLevel | null }) {
  if (!level) return null;
  return (
    <span data-testid="credit-level">
      <StatusTag tone={LEVEL_TONES[level]}>{level}级</StatusTag>
    </span>
  );
}

/**
 * 机构信用等级 with what made it (decision 0048): the level, the score and each scored event with its
 * points; `score` off shows the level and the reasons only (reviewers).
 */
export function CreditRatingCard({ rating, showScore = true }: { rating: TCreditRating | null; showScore?: boolean }) {
  if (!rating) return null;
  return (
    <Card size="small" title="机构信用等级" data-testid="credit-rating">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'level', label: '信用等级', children: <CreditLevelTag level={rating.level} /> },
          ...(showScore ? [{ key: 'score', label: '信用分', children: String(rating.score) }] : []),
        ]}
      />
      {rating.reasons.length ? (
        <List
          size="small"
          header="评价依据（按系统设置的评价规则计算）"
          dataSource={rating.reasons}
          renderItem={(r) => <List.Item extra={<Typography.Text strong>{formatCreditPoints(r.points)}</Typography.Text>}>{r.label}</List.Item>}
        />
      ) : (
        // plain text: antd's empty-list grey fails the contrast rule
        <p>暂无计分事项，按基础分评定。</p>
      )}
    </Card>
  );
}

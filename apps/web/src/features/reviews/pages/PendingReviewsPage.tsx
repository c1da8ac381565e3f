import { useSearchParams } from 'react-router-dom';
import { ReviewInbox } from '../components/ReviewInbox';
import { presetAccepted, presetDaysLeft } from '../model/days-left';

/** 待审核: the department's submissions awaiting a decision, the nearest deadline first (`?maxDaysLeft=` presets 剩余天数, `?accepted=` 受理). */
export default function PendingReviewsPage() {
  const [search] = useSearchParams();
  return <ReviewInbox tab="待审核" presetDaysLeft={presetDaysLeft(search)} presetAccepted={presetAccepted(search)} />;
}

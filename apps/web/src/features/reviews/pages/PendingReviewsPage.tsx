import { ReviewInbox } from '../components/ReviewInbox';

/** 待审核: the department's submissions awaiting a decision, the nearest deadline first. */
export default function PendingReviewsPage() {
  return <ReviewInbox tab="待审核" />;
}

import { ReviewInbox } from '../components/ReviewInbox';

/** 已审核: the applications this department has decided, the newest decision first. */
export default function DoneReviewsPage() {
  return <ReviewInbox tab="已审核" />;
}

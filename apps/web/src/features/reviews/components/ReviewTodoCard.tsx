import { Alert, Card } from 'antd';
import { REVIEW_TODO_DUE_SOON_DAYS, type TInspectionTodo, type TReviewTodo } from '@jhrm/contracts';
import { Spinner } from '../../../components/Spinner';
import { TodoCounts, type TodoCount } from '../../../components/TodoCounts';
import { useReviewTodo } from '../api/reviews.api';
import { useInspectionTodo } from '../api/inspections.api';
import { inspectionsPath, pendingReviewsPath } from '../paths';

/** The counts, each a link to 待审核 filtered as the server counted it (the inbox's 受理 and 剩余天数). */
export function reviewTodoItems(todo: TReviewTodo): TodoCount[] {
  return [
    { label: '待审核', count: todo.pending, to: pendingReviewsPath() },
    { label: '待受理', count: todo.toAccept, to: pendingReviewsPath(undefined, '待受理'), note: '受理期限5个工作日' },
    { label: `${REVIEW_TODO_DUE_SOON_DAYS}个工作日内到期`, count: todo.dueSoon, to: pendingReviewsPath(REVIEW_TODO_DUE_SOON_DAYS), note: '含已超期', urgent: true },
    { label: '已超期', count: todo.overdue, to: pendingReviewsPath(-1), urgent: true },
  ];
}

/** The department's 核查任务 (告知承诺制): 待核查, 整改中 and the overdue ones, each a link to the filtered list. */
export function inspectionTodoItems(todo: TInspectionTodo): TodoCount[] {
  return [
    { label: '待核查', count: todo.pending, to: inspectionsPath('待核查'), note: '告知承诺发证后的核查' },
    { label: '整改中', count: todo.rectifying, to: inspectionsPath('整改中') },
    { label: '核查已逾期', count: todo.overdue, to: inspectionsPath(undefined, true), urgent: true },
  ];
}

/** 主页 of a reviewer: what the department has to decide, and what is (nearly) late. */
export function ReviewTodoCard() {
  const todo = useReviewTodo();
  const inspections = useInspectionTodo();
  return (
    <Card title="待办" size="small">
      {todo.data ? (
        <TodoCounts items={[...reviewTodoItems(todo.data), ...(inspections.data ? inspectionTodoItems(inspections.data) : [])]} />
      ) : todo.isError ? (
        <Alert type="error" showIcon message="待办事项加载失败，请刷新页面重试" />
      ) : (
        <Spinner />
      )}
    </Card>
  );
}

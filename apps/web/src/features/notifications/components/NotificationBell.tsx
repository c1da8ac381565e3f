import { Link } from 'react-router-dom';
import { Badge } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useUnreadCount } from '../api/notifications.api';
import { MESSAGES_PATH } from '../paths';

/** The header's bell: unread messages of 消息中心 (polled every minute and on window focus). */
export function NotificationBell() {
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Link to={MESSAGES_PATH} className="hr-user-link" aria-label={unread ? `消息中心，${unread}条未读` : '消息中心'} data-testid="notification-bell">
      <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]}>
        <BellOutlined aria-hidden style={{ color: '#fff', fontSize: 16 }} />
      </Badge>
    </Link>
  );
}

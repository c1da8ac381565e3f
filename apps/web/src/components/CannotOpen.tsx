import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

/** A page whose subject could not be loaded: the server's reason and the way back to the list it came from. */
export function CannotOpen({ message, backPath, backLabel }: { message: string; backPath: string; backLabel: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="warning"
      title={message}
      extra={
        <Button type="primary" onClick={() => void navigate(backPath)}>
          {backLabel}
        </Button>
      }
    />
  );
}

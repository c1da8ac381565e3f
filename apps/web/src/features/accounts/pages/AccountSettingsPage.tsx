import { ChangePasswordCard } from '../components/ChangePasswordCard';
import { SessionsCard } from '../components/SessionsCard';
import '../components/account-pages.css';

/** 账号设置: every role changes its own password and sees (and ends) its sessions here. */
export default function AccountSettingsPage() {
  return (
    <div className="hr-stack account-settings">
      <ChangePasswordCard />
      <SessionsCard />
    </div>
  );
}

import { useParams } from 'react-router-dom';
import InstitutionView from '../../../features/institutions/pages/InstitutionViewPage';
import { LicenceCard } from '../../../features/licences/components/LicenceCard';

/**
 * 人力资源服务机构查看: the app layer composes the two features, the institution's record
 * (institutions) and its 人力资源服务许可证 / 备案凭证 with 下载许可证 (licences).
 */
export default function InstitutionViewPage() {
  const { id = '' } = useParams();
  return <InstitutionView licencePanel={<LicenceCard institutionId={id} />} />;
}

import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/auth-context';
import { ApiKeysSection } from '../../features/settings/components/api-keys-section';
import { IntegrationsSection } from '../../features/settings/components/integrations-section';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function SettingsRoute() {
  useDocumentTitle('Settings');
  const { user } = useSession();
  return (
    <>
      <PageHeader title="Settings" />
      <div className="stack">
        <ApiKeysSection />
        <IntegrationsSection canManage={user.role === 'owner'} />
      </div>
    </>
  );
}

import { PageHeader } from '../../components/page-header';
import { ApiKeysSection } from '../../features/settings/components/api-keys-section';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function SettingsRoute() {
  useDocumentTitle('Settings');
  return (
    <>
      <PageHeader title="Settings" />
      <ApiKeysSection />
    </>
  );
}

import { Page, EmptyState } from '../ui.tsx';

export function Contacts() {
  return (
    <Page title="Contacts">
      <EmptyState title="This view is being built." />
    </Page>
  );
}

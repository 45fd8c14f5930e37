import { Page, EmptyState } from '../ui.tsx';

export function Inbox() {
  return (
    <Page title="Inbox">
      <EmptyState title="This view is being built." />
    </Page>
  );
}

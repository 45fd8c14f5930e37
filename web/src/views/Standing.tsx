import { Page, EmptyState } from '../ui.tsx';

export function Standing() {
  return (
    <Page title="Standing">
      <EmptyState title="This view is being built." />
    </Page>
  );
}

import { Page, EmptyState } from '../ui.tsx';

export function Overview() {
  return (
    <Page title="Overview">
      <EmptyState title="This view is being built." />
    </Page>
  );
}

import { Page, EmptyState } from '../ui.tsx';

export function Templates() {
  return (
    <Page title="Templates">
      <EmptyState title="This view is being built." />
    </Page>
  );
}

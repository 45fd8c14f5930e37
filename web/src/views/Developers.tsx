import { Page, EmptyState } from '../ui.tsx';

export function Developers() {
  return (
    <Page title="Developers">
      <EmptyState title="This view is being built." />
    </Page>
  );
}

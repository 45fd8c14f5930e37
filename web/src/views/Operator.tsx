import { Page, EmptyState } from '../ui.tsx';

export function Operator() {
  return (
    <Page title="Operator">
      <EmptyState title="This view is being built." />
    </Page>
  );
}

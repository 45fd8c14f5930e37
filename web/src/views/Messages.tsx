import { Page, EmptyState } from '../ui.tsx';

export function Messages() {
  return (
    <Page title="Messages">
      <EmptyState title="This view is being built." />
    </Page>
  );
}

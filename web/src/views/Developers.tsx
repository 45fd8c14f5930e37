import { Route, Routes } from 'react-router';
import { Page } from '../ui.tsx';
import { ApiKeys } from './developers/ApiKeys.tsx';
import { EndpointPage } from './developers/EndpointPage.tsx';
import { WebhookEndpoints } from './developers/WebhookEndpoints.tsx';

/** Developers (issue 9 item 6): API keys, webhook endpoints with their delivery logs, and the API reference. */
export function Developers() {
  return (
    <Routes>
      <Route index element={<DevelopersHome />} />
      <Route path="webhooks/:id" element={<EndpointPage />} />
    </Routes>
  );
}

function DevelopersHome() {
  return (
    <Page title="Developers" actions={<a className="button secondary" href="/docs">API reference</a>}>
      <ApiKeys />
      <WebhookEndpoints />
      <section className="card">
        <h2 className="card-title">Documentation</h2>
        <ul className="link-list">
          <li><a href="/docs">The API reference</a>: every call, its scopes, its errors, and a console to try them.</li>
          <li><a href="/docs/json">The OpenAPI document</a>, to generate a client in your language.</li>
          <li><a href="/legal/aup">The Acceptable Use Policy</a> your messages must follow.</li>
        </ul>
      </section>
    </Page>
  );
}

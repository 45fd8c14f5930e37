import { Link, Route, Routes, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { Loaded, Page, useLoad } from '../ui.tsx';
import { emptyDraft, fromTemplate } from './templates/definition.ts';
import { TemplateBuilder } from './templates/TemplateBuilder.tsx';
import { TemplateDetail } from './templates/TemplateDetail.tsx';
import { TemplateLibrary } from './templates/TemplateLibrary.tsx';

/** /templates: the library, the builder (new or edit) and one template's page. */
export function Templates() {
  return (
    <Routes>
      <Route index element={<TemplateLibrary />} />
      <Route path="new" element={<Page title="New template" actions={<Link to="/templates">← All templates</Link>}><TemplateBuilder initial={emptyDraft()} /></Page>} />
      <Route path=":id/edit" element={<EditTemplate />} />
      <Route path=":id" element={<TemplateDetail />} />
    </Routes>
  );
}

function EditTemplate() {
  const { id = '' } = useParams();
  const template = useLoad(() => api.GET('/v1/templates/{id}', { params: { path: { id } } }), [id]);
  return (
    <Page title={template.data ? `Edit ${template.data.name}` : 'Edit template'} actions={<Link to={`/templates/${id}`}>← Back to the template</Link>}>
      <Loaded result={template} lines={12}>
        {(t) => <TemplateBuilder initial={fromTemplate(t)} existing={{ id, status: t.status ?? 'DRAFT' }} />}
      </Loaded>
    </Page>
  );
}

import { Route, Routes } from 'react-router';
import { ContactImport } from './contacts/ContactImport.tsx';
import { ContactList } from './contacts/ContactList.tsx';
import { ContactPage } from './contacts/ContactPage.tsx';
import { ImportProgress } from './contacts/ImportProgress.tsx';

/** /contacts: the searchable list, one contact's page, and the CSV import with its progress. */
export function Contacts() {
  return (
    <Routes>
      <Route index element={<ContactList />} />
      <Route path="import" element={<ContactImport />} />
      <Route path="imports/:id" element={<ImportProgress />} />
      <Route path=":id" element={<ContactPage />} />
    </Routes>
  );
}

import { NavLink, Route, Routes } from 'react-router';
import { Page } from '../ui.tsx';
import { Appeals } from './operator/Appeals.tsx';
import { CasePage } from './operator/CasePage.tsx';
import { Cases } from './operator/Cases.tsx';
import { OrganizationPage } from './operator/OrganizationPage.tsx';
import { Organizations } from './operator/Organizations.tsx';
import { PolicyVersions } from './operator/PolicyVersions.tsx';
import { Reports } from './operator/Reports.tsx';

const SECTIONS = [
  { to: '/operator', label: 'Organizations', end: true },
  { to: '/operator/appeals', label: 'Appeals' },
  { to: '/operator/cases', label: 'Cases' },
  { to: '/operator/reports', label: 'Reports' },
  { to: '/operator/policy', label: 'Policy' },
];

/**
 * The operator console (issue 9 item 8; AUP 4, 5 and 7), for operator sessions only: organizations with their risk
 * and standing, enforcement steps with reasons, appeals, the report and case queue, and policy versions.
 */
export function Operator() {
  return (
    <Routes>
      <Route path="organizations/:id" element={<OrganizationPage />} />
      <Route path="cases/:id" element={<CasePage />} />
      <Route path="*" element={<ConsoleHome />} />
    </Routes>
  );
}

function ConsoleHome() {
  return (
    <Page title="Operator console">
      <nav className="subnav" aria-label="Operator console">
        <ul>{SECTIONS.map((s) => <li key={s.to}><NavLink to={s.to} end={s.end}>{s.label}</NavLink></li>)}</ul>
      </nav>
      <Routes>
        <Route index element={<Organizations />} />
        <Route path="appeals" element={<Appeals />} />
        <Route path="cases" element={<Cases />} />
        <Route path="reports" element={<Reports />} />
        <Route path="policy" element={<PolicyVersions />} />
      </Routes>
    </Page>
  );
}

import type { Route } from './slices/navigation-slice';
import { useAppStore } from './store';
import { SyncStatusLine } from '../features/sync/SyncStatusLine';

const ITEMS: { label: string; route: Route; shortcut: string; matches: Route['screen'][] }[] = [
  { label: 'Dashboard', route: { screen: 'dashboard' }, shortcut: 'Ctrl+1', matches: ['dashboard'] },
  { label: 'Proposals', route: { screen: 'proposals' }, shortcut: 'Ctrl+2', matches: ['proposals', 'proposal', 'proposal-form'] },
  { label: 'MoUs', route: { screen: 'mous' }, shortcut: 'Ctrl+3', matches: ['mous', 'mou', 'mou-form', 'mou-summary'] },
  { label: 'Reports', route: { screen: 'reports' }, shortcut: 'Ctrl+5', matches: ['reports'] },
  { label: 'Data', route: { screen: 'data' }, shortcut: 'Ctrl+4', matches: ['data', 'sync-conflicts'] },
];

/** The left navigation that is always there. */
export function Navigation() {
  const current = useAppStore((s) => s.route.screen);
  const navigate = useAppStore((s) => s.navigate);
  // Signed in to a shared register, changes are recorded under the server user name.
  const officialName = useAppStore((s) => s.appInfo?.settings.syncUserName || s.appInfo?.settings.officialName);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          PD
        </span>
        <span>
          <strong>Park Desk</strong>
          <small>PSEB technology parks</small>
        </span>
      </div>
      <ul>
        {ITEMS.map((item) => {
          const active = item.matches.includes(current);
          return (
            <li key={item.label}>
              <button
                type="button"
                className={active ? 'nav-item active' : 'nav-item'}
                aria-current={active ? 'page' : undefined}
                aria-keyshortcuts={item.shortcut.replace('Ctrl', 'Control')}
                title={`${item.label} (${item.shortcut})`}
                onClick={() => navigate(item.route)}
              >
                {item.label}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button primary new-proposal" onClick={() => navigate({ screen: 'proposal-form' })} title="New proposal (Ctrl+N)">
        New proposal
      </button>
      <p className="signed-in" dir="auto">
        {officialName ? `Recording as ${officialName}` : 'Set your name under Data'}
      </p>
      <SyncStatusLine />
    </nav>
  );
}

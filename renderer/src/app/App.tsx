import { useEffect } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notices } from '../components/Notices';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { DataScreen } from '../features/data/DataScreen';
import { PracticeBanner } from '../features/practice/PracticeBanner';
import { MouSummaryScreen } from '../features/mou-summary/MouSummaryScreen';
import { MouFormScreen } from '../features/mous/MouFormScreen';
import { MouPage } from '../features/mous/MouPage';
import { RecoveryScreen } from '../features/data/RecoveryScreen';
import { useRecoveryState } from '../features/data/use-recovery-state';
import { MousScreen } from '../features/mous/MousScreen';
import { ProposalFormScreen } from '../features/proposals/ProposalFormScreen';
import { ProposalPage } from '../features/proposals/ProposalPage';
import { ProposalsScreen } from '../features/proposals/ProposalsScreen';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { DueScreen } from '../features/next-actions/DueScreen';
import { SyncConflictsScreen } from '../features/sync/SyncConflictsScreen';
import { getApi } from './api-client';
import { useDeskKeys } from './desk-keys';
import { MAIN_CONTENT_ID, useFocusFollowsWork } from './focus-follows-work';
import { useKeyboardShortcuts } from './keyboard-shortcuts';
import { Navigation } from './Navigation';
import { useAppStore } from './store';

function CurrentScreen() {
  const route = useAppStore((s) => s.route);
  switch (route.screen) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'proposals':
      return <ProposalsScreen />;
    case 'proposal':
      return <ProposalPage key={route.id} id={route.id} />;
    case 'proposal-form':
      return <ProposalFormScreen key={route.id ?? 'new'} id={route.id} />;
    case 'mous':
      return <MousScreen preset={route.preset} />;
    case 'mou':
      return <MouPage key={route.id} id={route.id} />;
    case 'mou-form':
      return <MouFormScreen key={route.id ?? `new-${route.proposalId ?? ''}`} id={route.id} proposalId={route.proposalId} start={route.start} />;
    case 'mou-summary':
      return <MouSummaryScreen key={route.id} id={route.id} />;
    case 'data':
      return <DataScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'due':
      return <DueScreen key={route.preset ?? 'all'} preset={route.preset} />;
    case 'sync-conflicts':
      return <SyncConflictsScreen />;
  }
}

export function App() {
  const connected = getApi() !== undefined;
  const pendingRoute = useAppStore((s) => s.pendingRoute);
  const confirmLeave = useAppStore((s) => s.confirmLeave);
  const cancelLeave = useAppStore((s) => s.cancelLeave);
  const hasUnsavedChanges = useAppStore((s) => s.hasUnsavedChanges);
  // Switching between the register and the practice data rebuilds every screen from the new data.
  const workspace = useAppStore((s) => s.workspace);
  const recovery = useRecoveryState(connected);
  useKeyboardShortcuts();
  useDeskKeys();
  useFocusFollowsWork(connected && recovery?.needed === false);

  useEffect(() => {
    if (!connected) return;
    const { loadAppInfo, loadProposals } = useAppStore.getState();
    void loadAppInfo();
    void loadProposals();
  }, [connected]);

  // Closing the window or quitting with a dirty form cancels the unload. Electron shows no
  // prompt of its own: main asks "Discard unsaved changes?" (will-prevent-unload, window.ts),
  // and the quit, with the data file's closing, goes ahead only on Discard.
  useEffect(() => {
    if (!hasUnsavedChanges) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [hasUnsavedChanges]);

  if (!connected) {
    return (
      <main className="not-connected">
        <h1>Park Desk is not connected to its data</h1>
        <p>This page only works inside the Park Desk app (or its browser preview). Start Park Desk from its shortcut.</p>
      </main>
    );
  }

  // An unreadable data file: nothing else is shown until it is recovered.
  if (recovery === undefined) return <main aria-busy="true" className="opening" />;
  if (recovery.needed) return <RecoveryScreen state={recovery} />;

  return (
    <div className="app-shell" key={workspace}>
      <PracticeBanner />
      <Navigation />
      {/* Focusable (not tabbable), so PageDown, Space and the arrows scroll it whenever no control has focus. */}
      <main className="content" id={MAIN_CONTENT_ID} tabIndex={-1}>
        <CurrentScreen />
      </main>
      <Notices />
      <GlobalSearch />
      <ConfirmDialog
        open={pendingRoute !== undefined}
        title="Discard unsaved changes?"
        message="You have changes on this form that are not saved. If you leave now they will be lost."
        confirmLabel="Discard changes"
        cancelLabel="Keep editing"
        destructive
        onConfirm={confirmLeave}
        onCancel={cancelLeave}
      />
    </div>
  );
}

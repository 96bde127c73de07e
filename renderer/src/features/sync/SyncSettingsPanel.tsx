import { useEffect, useState, type FormEvent } from 'react';
import type { OutputOf } from '../../../../shared/api/contract';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormField } from '../../components/FormField';
import { countOf } from '../../../../shared/format/plural';
import { serverAddressProblem } from './sync-words';
import { useSyncStatus } from './sync-status';

type SyncSettings = OutputOf<'getSyncSettings'>;
type FieldName = 'serverUrl' | 'database' | 'userName' | 'password';
const FIELDS: FieldName[] = ['serverUrl', 'database', 'userName', 'password'];

/** The message for each field from a refused connect; one without a field stays above the form. */
function placeMessages(error: { message: string; fieldErrors?: Record<string, string> | undefined }): { fields: Partial<Record<FieldName, string>>; general?: string } {
  const fields: Partial<Record<FieldName, string>> = {};
  for (const [key, message] of Object.entries(error.fieldErrors ?? {})) {
    const field = FIELDS.find((name) => key === name || key.endsWith(`.${name}`));
    if (field) fields[field] ??= message;
  }
  return Object.keys(fields).length > 0 ? { fields } : { fields, general: error.message };
}

/**
 * "Shared register (CouchDB)" under Data: the server, database and official's user name, the
 * password (kept by Windows' protected store, never in the data file), Connect with feedback
 * while the server is checked, and Disconnect after a confirmation.
 */
export function SyncSettingsPanel() {
  const notify = useAppStore((s) => s.notify);
  const navigate = useAppStore((s) => s.navigate);
  const practice = useAppStore((s) => s.appInfo?.practice === true);
  const status = useSyncStatus((s) => s.status);
  const refreshStatus = useSyncStatus((s) => s.refresh);
  const [saved, setSaved] = useState<SyncSettings>();
  const [serverUrl, setServerUrl] = useState('');
  const [database, setDatabase] = useState('');
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [checking, setChecking] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [general, setGeneral] = useState<string>();
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);

  const load = async () => {
    const result = await call(api().getSyncSettings({}));
    if (!result.ok) return notify('error', result.error.message);
    setSaved(result.value);
    setServerUrl(result.value.serverUrl ?? '');
    setDatabase(result.value.database ?? '');
    setUserName(result.value.userName ?? '');
    setPassword('');
  };

  useEffect(() => {
    void load();
    // Loaded once when the Data screen opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const connected = Boolean(saved?.serverUrl);

  const onConnect = async (event: FormEvent) => {
    event.preventDefault();
    if (checking) return;
    const found: Partial<Record<FieldName, string>> = {};
    const addressProblem = serverAddressProblem(serverUrl);
    if (addressProblem) found.serverUrl = addressProblem;
    if (database.trim() === '') found.database = 'Enter the database name your administrator gave you, for example park-desk';
    if (userName.trim() === '') found.userName = 'Enter your user name on the server';
    if (password === '' && !saved?.hasPassword) found.password = 'Enter your password on the server';
    setGeneral(undefined);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`sync-${FIELDS.find((f) => found[f])}`)?.focus();
      return;
    }
    setChecking(true);
    const input = { serverUrl: serverUrl.trim(), database: database.trim(), userName: userName.trim(), ...(password ? { password } : {}) };
    const result = await call(api().saveSyncSettings(input));
    setChecking(false);
    if (!result.ok) {
      const placed = placeMessages(result.error);
      setErrors(placed.fields);
      setGeneral(placed.general);
      const first = FIELDS.find((f) => placed.fields[f]);
      if (first) document.getElementById(`sync-${first}`)?.focus();
      return;
    }
    await Promise.all([load(), refreshStatus(), useAppStore.getState().loadAppInfo()]);
    notify('success', `Connected to the shared register ${input.database} as ${input.userName}.`);
  };

  const onDisconnect = async () => {
    setConfirmDisconnect(false);
    const result = await call(api().forgetSyncSettings({}));
    if (!result.ok) return notify('error', result.error.message);
    setErrors({});
    setGeneral(undefined);
    await Promise.all([load(), refreshStatus(), useAppStore.getState().loadAppInfo()]);
    notify('success', 'Disconnected from the shared register. The records stay on this PC.');
  };

  const waiting = status?.waitingChanges ?? 0;
  if (practice) {
    return (
      <section className="panel sync-settings" aria-labelledby="sync-heading">
        <h2 id="sync-heading">Shared register (CouchDB)</h2>
        <p>The practice data is never shared. Return to the register to connect this PC to your team&apos;s server.</p>
      </section>
    );
  }
  return (
    <section className="panel sync-settings" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Shared register (CouchDB)</h2>
      <p>
        Officials on several PCs keep one register through your team&apos;s CouchDB server. Each PC keeps working offline; changes go to the server and
        come from it when it can be reached.
        {connected ? ' This PC is connected.' : ' This PC is not connected: its records are its own.'}
      </p>
      <form onSubmit={onConnect} noValidate aria-labelledby="sync-heading" aria-busy={checking}>
        {general && (
          <p className="form-summary" role="alert">
            {general}
          </p>
        )}
        <div className="form-grid">
          <FormField id="sync-serverUrl" label="Server address" required error={errors.serverUrl} hint="For example https://parks.pseb.org.pk:6984">
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="url"
                inputMode="url"
                autoComplete="url"
                spellCheck={false}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                aria-required
                value={serverUrl}
                onChange={(e) => setServerUrl(e.target.value)}
              />
            )}
          </FormField>
          <FormField id="sync-database" label="Database" required error={errors.database}>
            {({ id, describedBy, invalid }) => (
              <input id={id} type="text" spellCheck={false} aria-describedby={describedBy} aria-invalid={invalid} aria-required value={database} onChange={(e) => setDatabase(e.target.value)} />
            )}
          </FormField>
          <FormField id="sync-userName" label="User name" required error={errors.userName} hint="Your own user on the server: it is recorded with every change you make.">
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="text"
                autoComplete="username"
                spellCheck={false}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                aria-required
                value={userName}
                onChange={(e) => setUserName(e.target.value)}
              />
            )}
          </FormField>
          <FormField
            id="sync-password"
            label="Password"
            required={!saved?.hasPassword}
            error={errors.password}
            hint={
              saved?.hasPassword
                ? "A password is kept for this PC; leave this empty to keep it. It is kept in Windows' protected store, never in the data file."
                : "Kept in Windows' protected store for your Windows user, never in the data file, a backup or an export."
            }
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="password"
                autoComplete="current-password"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                aria-required={!saved?.hasPassword}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </FormField>
        </div>
        <div className="button-row">
          {/* Not disabled while checking, so focus stays on it; a second press waits for the first. */}
          <button type="submit" className="button primary" aria-disabled={checking}>
            {checking ? 'Checking the server…' : connected ? 'Save and reconnect' : 'Connect'}
          </button>
          {connected && (
            <button type="button" className="button" disabled={checking} onClick={() => setConfirmDisconnect(true)}>
              Disconnect…
            </button>
          )}
        </div>
        {connected && status && status.state !== 'off' && (
          <p>
            Conflicts waiting for a choice: {status.conflictCount === 0 ? 'none' : status.conflictCount}.{' '}
            <button type="button" className="link-button" onClick={() => navigate({ screen: 'sync-conflicts' })}>
              Open the conflicts
            </button>
          </p>
        )}
        {checking && (
          <p role="status" className="muted">
            Checking the server, your user name and password, and that the database is closed to anyone who is not a member…
          </p>
        )}
      </form>
      <ConfirmDialog
        open={confirmDisconnect}
        title="Disconnect from the shared register?"
        message={`This PC stops syncing and forgets the saved password. Its records stay here${
          waiting > 0 ? `, and the ${countOf(waiting, 'change')} not yet on the server stay waiting until you connect again` : ''
        }. Nothing is removed from the server.`}
        confirmLabel="Disconnect"
        cancelLabel="Stay connected"
        destructive
        onConfirm={() => void onDisconnect()}
        onCancel={() => setConfirmDisconnect(false)}
      />
    </section>
  );
}

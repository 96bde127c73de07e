import { useEffect, useState, type FormEvent } from 'react';
import { formatNumber } from '../../../../shared/format/numbers';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { OperationalTargetPanel } from '../dashboard/OperationalTargetPanel';
import { BackupsPanel } from './BackupsPanel';
import { ExchangePanel } from './ExchangePanel';
import { OffPcCopyPanel } from '../off-pc-copy/OffPcCopyPanel';
import { VerifyHistoryPanel } from '../history/VerifyHistoryPanel';
import { PracticePanel } from '../practice/PracticePanel';
import { VerifyAttachmentsPanel } from '../attachments/VerifyAttachmentsPanel';
import { SyncSettingsPanel } from '../sync/SyncSettingsPanel';

/** Who is recording, where the data lives, and the sample parks (practice data). */
export function DataScreen() {
  useWindowTitle({ screen: 'data' });
  const appInfo = useAppStore((s) => s.appInfo);
  const saveOfficialName = useAppStore((s) => s.saveOfficialName);
  const [name, setName] = useState(appInfo?.settings.officialName ?? '');
  const [busy, setBusy] = useState(false);

  useEffect(() => setName(appInfo?.settings.officialName ?? ''), [appInfo?.settings.officialName]);

  const onSaveName = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await saveOfficialName(name);
    setBusy(false);
  };

  return (
    <section aria-labelledby="data-heading" className="data-screen">
      <h1 id="data-heading">Data and settings</h1>

      <form className="panel" onSubmit={onSaveName} aria-labelledby="official-heading">
        <h2 id="official-heading">You</h2>
        <p>Your name is recorded against every stage move you make.</p>
        <div className="form-field">
          <label htmlFor="official-name">Your name</label>
          <div className="control-row">
            <input id="official-name" type="text" dir="auto" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
            <button type="submit" className="button primary" disabled={busy}>
              Save name
            </button>
          </div>
        </div>
      </form>

      <OperationalTargetPanel />

      <section className="panel" aria-labelledby="data-file-heading">
        <h2 id="data-file-heading">Where your data is</h2>
        <dl>
          <div className="fact">
            <dt>{appInfo?.practice ? 'Practice data file' : 'Data file'}</dt>
            <dd>
              <code>{appInfo?.dataFile ?? '…'}</code>
            </dd>
          </div>
          <div className="fact">
            <dt>Proposals in it</dt>
            <dd>{appInfo ? formatNumber(appInfo.proposalCount) : '…'}</dd>
          </div>
          <div className="fact">
            <dt>Park Desk version</dt>
            <dd>{appInfo?.version ?? '…'}</dd>
          </div>
        </dl>
        <p>Everything is kept on this computer; Park Desk never needs the internet. Backups are taken for you; see below.</p>
      </section>

      <SyncSettingsPanel />

      <BackupsPanel />
      <OffPcCopyPanel />
      <ExchangePanel />
      <VerifyAttachmentsPanel />
      <VerifyHistoryPanel />

      <PracticePanel />
    </section>
  );
}

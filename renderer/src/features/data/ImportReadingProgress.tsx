import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../shared/api/contract';
import { api, call } from '../../app/api-client';
import { formatSize } from './backup-labels';

type Progress = OutputOf<'getImportReadingProgress'>;

/** How often the panel asks how far the read has got: often enough to move smoothly, rarely enough to cost nothing. */
const POLL_MS = 250;

/**
 * Shown while an import file is being read (in a worker in main): how far it is, and Cancel.
 * Renders nothing until main says a file is being read (the open dialog comes first).
 */
export function ImportReadingProgress() {
  const [progress, setProgress] = useState<Progress>();
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const result = await call(api().getImportReadingProgress({}));
      if (stopped) return;
      if (result.ok) setProgress(result.value);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    let timer = setTimeout(() => void poll(), 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  if (!progress || !progress.reading) return null;
  const name = progress.file.split(/[\\/]/).pop() ?? progress.file;
  const reading = progress.phase === 'reading';
  return (
    <div className="import-reading" role="status" aria-label="Reading the import file">
      <p dir="auto">
        {!reading
          ? `Checking the records in ${name}…`
          : progress.totalBytes > 0
            ? `Reading ${name}: ${formatSize(progress.bytesRead)} of ${formatSize(progress.totalBytes)}`
            : `Opening ${name}…`}
      </p>
      <progress aria-label={`Reading ${name}`} max={progress.totalBytes || 1} value={reading ? progress.bytesRead : undefined} />
      <button
        type="button"
        className="button"
        disabled={cancelling}
        onClick={() => {
          setCancelling(true);
          void call(api().cancelImportReading({}));
        }}
      >
        Stop reading
      </button>
    </div>
  );
}

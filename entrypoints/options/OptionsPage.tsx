import { useEffect, useState } from 'preact/hooks';
import { HistorySearch } from '@/components/HistorySearch';
import { openSidePanel, readSidePanelTarget, type SidePanelTarget } from '@/utils/open-side-panel';
import { BackupPanel } from './BackupPanel';
import { HandEntryPanel } from './HandEntryPanel';
import { ImportAceFilesPanel } from './ImportAceFilesPanel';
import { SettingsPanel } from './SettingsPanel';
import { WipePanel } from './WipePanel';

const sections = [
  ['history', 'Look up'],
  ['settings', 'Settings'],
  ['import-ace-files', 'Import ACE files'],
  ['hand-entry', 'Enter a claim'],
  ['backup', 'Backup'],
  ['erase', 'Erase history'],
] as const;

export function OptionsPage() {
  const [target, setTarget] = useState<SidePanelTarget>({});
  useEffect(() => void readSidePanelTarget().then(setTarget), []);
  const restage = (claimNumber: string) => void openSidePanel(target, claimNumber);
  return (
    <div class="options">
      <header>
        <h1>CAPE Companion: settings and history</h1>
        <p class="muted">Everything here stays in this browser. Nothing is sent anywhere.</p>
        <nav aria-label="Sections">
          <ul>
            {sections.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <section class="panel" id="history" aria-labelledby="history-heading">
          <h2 id="history-heading">Look up an entry or claim</h2>
          <HistorySearch onRestage={restage} recentLimit={20} headingLevel={3} />
        </section>
        <SettingsPanel />
        <ImportAceFilesPanel />
        <HandEntryPanel />
        <BackupPanel />
        <WipePanel />
      </main>
    </div>
  );
}

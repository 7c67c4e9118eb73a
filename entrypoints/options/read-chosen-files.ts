/** Larger files are refused before reading: ACE's CAPE downloads are far smaller, and reading one would stall the page. */
export const MAX_CHOSEN_FILE_BYTES = 50 * 1024 * 1024;

export interface ChosenFile {
  name: string;
  text: string;
}

/** Reads the files of a file input as text; files too large or unreadable come back as messages, the rest are read. */
export async function readChosenFiles(list: FileList | null): Promise<{ files: ChosenFile[]; problems: string[] }> {
  const files: ChosenFile[] = [];
  const problems: string[] = [];
  for (const file of Array.from(list ?? [])) {
    if (file.size > MAX_CHOSEN_FILE_BYTES) {
      problems.push(`${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB, over the 50 MB this page reads; it was not read.`);
      continue;
    }
    try {
      files.push({ name: file.name, text: await file.text() });
    } catch (error) {
      problems.push(`${file.name} could not be read (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  return { files, problems };
}

/**
 * Saves text as a file through a Blob link: no `downloads` permission needed.
 * The text is written as UTF-8, so ASCII stays byte for byte and a leading BOM stays a BOM.
 */
export function downloadTextFile(name: string, content: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel a download the browser has not started reading.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

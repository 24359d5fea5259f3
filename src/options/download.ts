/**
 * Saves text as a file through a temporary object URL. The extension has no "downloads" permission
 * and needs none: an `<a download>` click is an ordinary user download.
 */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking in the same task can cancel the download in some browsers; the next task is safe.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Offers text as a file download from inside the Custom UI frame: a Blob URL and a programmatic
 * click on a temporary link. No inline script and no data: URL navigation, so it works under
 * Forge's CSP; the URL is revoked after the click has been handled.
 */
export function downloadText(file: { fileName: string; contentType: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies text to the clipboard; false where the host frame does not allow it (the text stays selectable). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard === undefined) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

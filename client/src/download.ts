/** Save a Blob under a file name through a temporary link (no server round trip). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers start the download asynchronously; revoke after they have the URL.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save text as a file. */
export function downloadText(filename: string, text: string, type: string): void {
  download(new Blob([text], { type }), filename);
}

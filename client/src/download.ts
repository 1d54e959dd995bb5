/** Save text as a file through the browser's download (no server round trip). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers start the download asynchronously; revoke after they have the URL.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

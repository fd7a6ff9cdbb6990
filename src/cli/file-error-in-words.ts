/**
 * A file system error in words, the same whether the CLI reads or writes: `missing` names what
 * was not found (the file read, or the folder written into).
 */
export function fileErrorInWords(error: unknown, missing: 'file' | 'folder' = 'folder'): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `no such ${missing}`;
  if (code === 'EISDIR' || code === 'ERR_FS_EISDIR') return 'is a folder';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return String(code ?? error);
}

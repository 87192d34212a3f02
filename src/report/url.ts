// URL pieces shared by the reports that link files (Markdown, the PR comment, SARIF).

/** A relative path as a URL path: each segment percent-encoded, backslashes as slashes. */
export function encodePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

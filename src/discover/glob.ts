// A small glob matcher for `paths:` in the configuration: `*`, `?`, `**`, `[...]`, `{a,b}`.
// Paths and globs use `/`; a glob without wildcards also matches everything below it (a folder).

export function hasGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** The leading segments of a glob that hold no wildcard (the folder to walk). */
export function globBase(pattern: string): string {
  const segments = tidy(pattern).split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (hasGlob(s)) break;
    fixed.push(s);
  }
  return fixed.join('/') || '.';
}

export function globToRegExp(pattern: string): RegExp {
  const glob = tidy(pattern);
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const next = glob[i + 2];
        if (atStart && next === '/') {
          out += '(?:[^/]*/)*';
          i += 2;
        } else if (atStart && next === undefined) {
          out += '.*';
          i += 1;
        } else {
          out += '[^/]*';
          i += 1;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        const body = glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|\\]/g, '\\$&').replace(/[{}]/g, '\\$&');
  }
  out += ')'.repeat(braces);
  const folder = hasGlob(glob) ? '' : '(?:/.*)?';
  try {
    return new RegExp(`^${out}${folder}$`);
  } catch {
    // An impossible class such as [z-a]: match the text literally.
    return new RegExp(`^${glob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  }
}

/** True when `path` (relative, `/`-separated) matches one of the globs. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const p = tidy(path);
  return globs.some((g) => globToRegExp(g).test(p));
}

function tidy(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
}

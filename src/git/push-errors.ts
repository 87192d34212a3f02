// What a failed git push or ls-remote means, in one line: shared by the split commit and the contract branches.

/** A push or ls-remote the token is not allowed to make, or that has no credentials at all. */
export function accessProblem(message: string, branch: string, remote: string): string | undefined {
  if (
    /Permission to \S+ denied|Write access to repository not granted|returned error: 403|\b403 Forbidden\b/i.test(
      message,
    )
  )
    return `the token cannot push to ${branch}: add \`permissions: contents: write\` to the job`;
  if (
    /could not read Username|Authentication failed|terminal prompts disabled|Invalid username or password/i.test(
      message,
    )
  )
    return `git has no credentials for ${remote}: keep actions/checkout's \`persist-credentials: true\` (the default)`;
  return undefined;
}

/** The line of git's answer that says why (an error, a rejected ref), without the noise around it. */
export function gitSays(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^error: failed to push some refs/i.test(l) && l !== 'Done' && !l.startsWith('To '));
  const best =
    lines.find((l) => /^remote: (error|fatal)|^(error|fatal):/i.test(l)) ??
    lines.find((l) => l.startsWith('!')) ??
    lines[0] ??
    'no message';
  return best.replace(/\t/g, ' ').slice(0, 300);
}

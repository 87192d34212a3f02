// The tool's version, shown by --version and in SARIF output. Kept in step with package.json by a test.
export const VERSION = '0.1.0';

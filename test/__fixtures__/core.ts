// A stand-in for @actions/core: inputs from a map, every output, annotation and failure recorded.
import { vi } from 'vitest';

export const inputs = new Map<string, string>();
export const getInput = vi.fn((name: string) => inputs.get(name) ?? '');
export const setOutput = vi.fn();
export const setFailed = vi.fn();
export const error = vi.fn();
export const warning = vi.fn();
export const notice = vi.fn();
export const info = vi.fn();
export const debug = vi.fn();
export const setSecret = vi.fn();
export const summaryText: string[] = [];
export const summary = {
  addRaw: vi.fn((text: string) => {
    summaryText.push(text);
    return summary;
  }),
  write: vi.fn(async () => summary),
};

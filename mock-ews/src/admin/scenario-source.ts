import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenarioText, LoadedScenario, ScenarioError } from '../scenario/load';

/** The text a scenario was loaded from, kept so that a reset can rebuild the store from it. */
export interface ScenarioSource {
  text: string;
  /** Names the scenario in error messages: its file, or "scenario" for an uploaded one. */
  label: string;
  /** Where relative .eml paths are resolved. */
  baseDir: string;
}

export function readScenarioSource(file: string): ScenarioSource {
  try {
    return { text: readFileSync(file, 'utf8'), label: file, baseDir: path.dirname(path.resolve(file)) };
  } catch (err) {
    throw new ScenarioError(`scenario ${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

export function loadScenarioSource(source: ScenarioSource): Promise<LoadedScenario> {
  return loadScenarioText(source.text, source.label, source.baseDir);
}

import type { EngineOptions } from '../types';
import type { ScriptPolicy } from './scripts';

/** What one install pipeline run is told: the engine's options, `--force` and the script policy. */
export interface PipelineOptions extends EngineOptions {
  force: boolean;
  scripts: ScriptPolicy;
}

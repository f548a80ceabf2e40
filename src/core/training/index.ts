export { TrainingRun, CHECKPOINT_BUDGET_BYTES, MAX_RUN_ITERATIONS } from './training-run.ts';
export { isDataName, isParameterByDefault } from './data-inputs.ts';
export { decisionMap, MAP_SIZE, type DecisionMap, type TrainingPoint } from './decision-map.ts';

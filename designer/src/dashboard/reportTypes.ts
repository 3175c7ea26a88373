// The report answers the dashboard reads, as the generated API types declare them. Kept beside
// the dashboard (not in api/types.ts) because only the dashboard reads them.
import type { paths } from '../api/schema.js';
import type { Answer } from '../api/types.js';

export type RangePreset = NonNullable<
  NonNullable<paths['/api/reports/sla']['get']['parameters']['query']>['range']
>;
/** What a duration report measures: elapsed, work (elapsed minus time on hold) or waiting (on hold). */
export type DurationMeasure = StageDurations['measure'];
export type StageDurations = Answer<'/api/reports/stage-durations', 'get'>;
export type DurationGroup = StageDurations['groups'][number];
export type SlaTarget = StageDurations['targets'][number];
export type SlaReport = Answer<'/api/reports/sla', 'get'>;
export type DepartmentSla = SlaReport['departments'][number];
export type HandoffReport = Answer<'/api/reports/handoffs', 'get'>;
export type Handoff = HandoffReport['handoffs'][number];
export type LoadReport = Answer<'/api/reports/load', 'get'>;
export type WaitingReport = Answer<'/api/reports/waiting', 'get'>;
export type WaitingFigures = WaitingReport['departments'][number];
export type ServiceReport = Answer<'/api/reports/service', 'get'>;
export type SourceCount = ServiceReport['sources'][number];
export type StuckStages = Answer<'/api/stages/stuck', 'get'>;
export type StuckStage = StuckStages['items'][number];
export type Heatmap = Answer<'/api/flow-versions/{id}/heatmap', 'get'>;
export type HeatmapElement = Heatmap['elements'][number];
export type ResponseTimesReport = Answer<'/api/reports/response-times', 'get'>;
export type RuleClocksReport = Answer<'/api/reports/rule-clocks', 'get'>;
export type RuleClockReport = RuleClocksReport['rules'][number];

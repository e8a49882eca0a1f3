export { ALERT_NOTE_MAX_LENGTH, ALERT_TITLE_MAX_LENGTH, alertTeamNodeType } from './alert-team';
export type { AlertTeamConfig } from './alert-team';

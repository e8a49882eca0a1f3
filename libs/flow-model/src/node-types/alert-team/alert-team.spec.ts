import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { ALERT_TITLE_MAX_LENGTH, alertTeamNodeType } from './alert-team';

const { configSchema } = alertTeamNodeType;

describe('alert_team node type', () => {
  it('is an action with one "next" exit and no references', () => {
    const config = configSchema.parse({ title: 'Lost parcel' });
    expect(alertTeamNodeType.kind).toBe('action');
    expect(alertTeamNodeType.ports(config).map((port) => port.id)).toEqual(['next']);
    expect(alertTeamNodeType.references(config)).toEqual([]);
  });

  it('holds a trimmed title, an optional note and the language of the team e-mail (English unless chosen)', () => {
    expect(configSchema.parse({ title: '  Lost parcel ' })).toEqual({ title: 'Lost parcel', note: '', language: 'en' });
    expect(configSchema.parse({ title: 'Perdido', note: 'Llamar', language: 'es' })).toEqual({ title: 'Perdido', note: 'Llamar', language: 'es' });
  });

  it('starts without a title, so the editor asks for one, in the marketer’s language', () => {
    expect(configIssues(alertTeamNodeType, alertTeamNodeType.defaultConfig, 'fr')).toEqual([{ path: ['title'], message: "Écrivez le titre de l'alerte." }]);
  });

  it('refuses a title or note that is too long, and an unknown language', () => {
    expect(configIssues(alertTeamNodeType, { title: 'a'.repeat(ALERT_TITLE_MAX_LENGTH + 1) }, 'de')).toEqual([
      { path: ['title'], message: 'Der Titel darf höchstens 120 Zeichen lang sein.' },
    ]);
    expect(configIssues(alertTeamNodeType, { title: 'ok', note: 'n'.repeat(1001) })).toEqual([
      { path: ['note'], message: 'Keep the note within 1000 characters.' },
    ]);
    expect(configIssues(alertTeamNodeType, { title: 'ok', language: 'pt' }, 'it')).toEqual([
      { path: ['language'], message: "Scegli la lingua dell'e-mail al tuo team." },
    ]);
  });

  it('summarizes itself with its title', () => {
    expect(alertTeamNodeType.summary({ title: 'Lost parcel', note: '', language: 'en' }, 'es')).toBe('Avisar al equipo: Lost parcel');
    expect(alertTeamNodeType.summary(alertTeamNodeType.defaultConfig, 'de')).toBe('Team benachrichtigen');
  });
});

import { describe, expect, it } from 'vitest';
import { gsmSeptets } from './gsm-7-alphabet';
import { smsSegments } from './sms-segments';

describe('smsSegments', () => {
  it('fits 160 GSM-7 characters in one SMS and splits 161 into parts of 153', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', characters: 160, units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2 });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('fits 70 UCS-2 characters in one SMS and splits 71 into parts of 67', () => {
    expect(smsSegments('ê'.repeat(70))).toEqual({ encoding: 'UCS-2', characters: 70, units: 70, segments: 1 });
    expect(smsSegments('ê'.repeat(71))).toMatchObject({ segments: 2 });
    expect(smsSegments('ê'.repeat(134))).toMatchObject({ segments: 2 });
    expect(smsSegments('ê'.repeat(135))).toMatchObject({ segments: 3 });
  });

  it('counts nothing for an empty text', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', characters: 0, units: 0, segments: 0 });
  });

  it('counts € and the other extension characters as two septets, staying in GSM-7', () => {
    expect(smsSegments('Total: 10€')).toEqual({ encoding: 'GSM-7', characters: 10, units: 11, segments: 1 });
    for (const character of ['€', '[', ']', '{', '}', '\\', '~', '^', '|']) expect(gsmSeptets(character)).toBe(2);
    // 80 euro signs are 160 septets: still one SMS; one more character makes two.
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('€'.repeat(80) + 'a')).toMatchObject({ units: 161, segments: 2 });
  });

  it('never splits an extension character across two parts', () => {
    // 152 septets then €: the € (ESC + septet) does not fit the first part's last septet and moves whole.
    expect(smsSegments('a'.repeat(152) + '€' + 'a'.repeat(10))).toMatchObject({ units: 164, segments: 2 });
    expect(smsSegments('a'.repeat(152) + '€' + 'a'.repeat(152))).toMatchObject({ units: 306, segments: 3 });
    expect(smsSegments('a'.repeat(151) + '€' + 'a'.repeat(153))).toMatchObject({ units: 306, segments: 2 });
  });

  it('sends a text with an emoji as UCS-2, the emoji taking two units and never split', () => {
    expect(smsSegments('Your parcel is on its way 📦')).toEqual({ encoding: 'UCS-2', characters: 27, units: 28, segments: 1 });
    expect(smsSegments('a'.repeat(69) + '📦')).toMatchObject({ units: 71, segments: 2 });
    expect(smsSegments('a'.repeat(66) + '📦' + 'a'.repeat(66))).toMatchObject({ units: 134, segments: 3 });
    expect(smsSegments('a'.repeat(65) + '📦' + 'a'.repeat(67))).toMatchObject({ units: 134, segments: 2 });
  });

  it('one character outside GSM-7 turns the whole text into UCS-2', () => {
    const gsm = 'a'.repeat(100);
    expect(smsSegments(gsm)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(smsSegments(`${gsm}ç`)).toMatchObject({ encoding: 'UCS-2', units: 101, segments: 2 });
  });

  describe.each([
    // Spanish: ñ, ¿, ¡ and é are GSM-7; á, í, ó, ú are not, so "Envío" and "está" need UCS-2.
    ['es', ['ñ', 'Ñ', '¿', '¡', 'é', 'ü'], ['á', 'í', 'ó', 'ú', 'Á', 'Í', 'Ó', 'Ú']],
    // Italian: à, è, é, ì, ò, ù are GSM-7; the capital È ("È in consegna") is not.
    ['it', ['à', 'è', 'é', 'ì', 'ò', 'ù'], ['È', 'À', 'Ì', 'Ò', 'Ù']],
    // French: é, è, à, ù and the capital Ç are GSM-7; ç, ê, â, î, ô, û, ë, ï and œ are not.
    ['fr', ['é', 'è', 'à', 'ù', 'Ç', 'É'], ['ç', 'ê', 'â', 'î', 'ô', 'û', 'ë', 'ï', 'œ']],
    // German: ä, ö, ü, their capitals and ß are GSM-7; the German quotation marks „“ are not.
    ['de', ['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü', 'ß'], ['„', '“']],
  ])('%s letters', (_locale, inGsm, notInGsm) => {
    it.each(inGsm)('%s is a GSM-7 character', (character) => {
      expect(gsmSeptets(character)).toBe(1);
    });

    it.each(notInGsm)('%s forces UCS-2', (character) => {
      expect(smsSegments(`Hola ${character}`).encoding).toBe('UCS-2');
    });
  });

  it('reads whole sentences in each language as the carrier network would', () => {
    expect(smsSegments('Tu pedido #1042 ya va en camino. Síguelo aquí').encoding).toBe('UCS-2');
    expect(smsSegments('Señor Núñez, ¡su pedido ya salió!').encoding).toBe('UCS-2');
    expect(smsSegments('Señor Ibáñez').encoding).toBe('UCS-2');
    expect(smsSegments('¡Hola Iñigo! ¿Todo bien?').encoding).toBe('GSM-7');
    expect(smsSegments('Il tuo pacco è in consegna oggi, però più tardi').encoding).toBe('GSM-7');
    expect(smsSegments('È in consegna oggi').encoding).toBe('UCS-2');
    expect(smsSegments('Votre colis est arrivé à Orléans').encoding).toBe('GSM-7');
    expect(smsSegments('Votre colis est prêt, François').encoding).toBe('UCS-2');
    expect(smsSegments('Ihr Paket für Jürgen ist unterwegs. Grüße!').encoding).toBe('GSM-7');
    expect(smsSegments('Ihr „Paket“ ist da').encoding).toBe('UCS-2');
  });

  it('keeps a typographic apostrophe from pasted copy in mind: it forces UCS-2, the plain one does not', () => {
    expect(smsSegments("Votre colis l'a").encoding).toBe('GSM-7');
    expect(smsSegments('Votre colis l’a').encoding).toBe('UCS-2');
  });

  it('keeps a tracking link in GSM-7: its token is base64url, whose - and _ are GSM-7 characters', () => {
    expect(smsSegments('https://shop.example/t/Xk3v-9Qm_T2bLw7RpZ0aYc4NsE8uJh6G')).toMatchObject({ encoding: 'GSM-7', units: 55 });
  });

  it('counts line breaks as one septet and the backtick as outside GSM-7', () => {
    expect(smsSegments('a\nb')).toMatchObject({ encoding: 'GSM-7', units: 3 });
    expect(smsSegments('`code`').encoding).toBe('UCS-2');
  });
});

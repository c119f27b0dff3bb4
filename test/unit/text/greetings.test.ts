import { describe, it, expect } from 'vitest';
import { isGreetingOrClosing } from '../../../server/domain/text/greetings.ts';

describe('greetings and sign-offs are read exactly as no intent', () => {
  it.each(['Hallo Lukas,', 'LG Christina', 'Merci', 'Minden jót!', 'Srdačan pozdrav, Ivana Horvat', 'Kind regards, John', 'Met vriendelijke groet',
    'S pozdravem', 'Pozdrawiam serdecznie', 'Un saluto', 'Saludos', 'Gruß F. Wagner', 'Thanks a lot!', 'Bonsoir Marko,', 'Hvala unaprijed', 'Viele Grüße aus ____'])('"%s"', (s) => {
    expect(isGreetingOrClosing(s)).toBe(true);
  });

  it.each(['enough now', 'Thanks, but no.', 'No thanks', 'Danke Nein', 'Thanks STOP', 'Danke, kein Interesse', 'Merci, ne plus me contacter',
    'Hvala, ne treba', 'Thank you for nothing', 'Bitte nicht mehr anrufen, danke', 'Lukas', 'Grazie, abbiamo già prenotato con un altra ditta'])('not "%s"', (s) => {
    expect(isGreetingOrClosing(s)).toBe(false);
  });
});

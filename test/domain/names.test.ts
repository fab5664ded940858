import { describe, expect, it } from 'vitest';
import { foldName } from '../../src/domain/names.js';

describe('foldName', () => {
  it.each([
    ['Sergei Shoigu', 'sergei shoigu'],
    ['  SERGEI   shoigu ', 'sergei shoigu'],
    ['Ḥmeimim', 'hmeimim'],
    ['Erdoğan', 'erdogan'],
    ['Kırıkkale', 'kirikkale'],
    ['Łódź', 'lodz'],
    ['I.S.I.S.', 'isis'],
    ['al-Assad', 'al assad'],
    ['Al Assad', 'al assad'],
    ['the Kremlin', 'kremlin'],
    ['Syria’s army', 'syrias army'],
    ['Straße', 'strasse'],
  ])('%s → %s', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it('folds punctuation-only input to the empty string', () => {
    expect(foldName(' .-– ')).toBe('');
  });

  it('does not merge genuinely different spellings: transliterations need aliases', () => {
    expect(foldName('Shoygu')).not.toBe(foldName('Shoigu'));
  });
});

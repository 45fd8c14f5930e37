import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKETING_OPT_OUT_KEYWORDS, DEFAULT_OPT_IN_KEYWORDS, DEFAULT_OPT_OUT_KEYWORDS, keywordProblems, matchKeyword, normalizeKeyword, wordsOf } from './keywords.ts';

describe('keyword matching', () => {
  it('ignores case, Latin diacritics, punctuation, emoji, invisible characters and spacing', () => {
    expect(normalizeKeyword('  ¡Stop!  🛑 ')).toBe('stop');
    expect(normalizeKeyword('PARAR PROMOÇÕES')).toBe('parar promocoes');
    expect(normalizeKeyword('ＳＴＯＰ')).toBe('stop'); // full-width letters
    expect(normalizeKeyword('stop\u200b')).toBe('stop');
    expect(matchKeyword('Parar promoções', DEFAULT_MARKETING_OPT_OUT_KEYWORDS)).toBe('Parar promoções');
  });

  it('keeps Devanagari vowel signs: बंद is not बद', () => {
    expect(normalizeKeyword('बंद करो।')).toBe('बंद करो');
    expect(matchKeyword('बंद करो', DEFAULT_OPT_OUT_KEYWORDS)).toBe('बंद करो');
    expect(matchKeyword('बद करो', DEFAULT_OPT_OUT_KEYWORDS)).toBeNull();
  });

  it('matches the whole message only', () => {
    expect(matchKeyword("don't stop", DEFAULT_OPT_OUT_KEYWORDS)).toBeNull();
    expect(matchKeyword('please stop', DEFAULT_OPT_OUT_KEYWORDS)).toBeNull();
    expect(matchKeyword('', DEFAULT_OPT_OUT_KEYWORDS)).toBeNull();
    expect(matchKeyword('!!!', DEFAULT_OPT_OUT_KEYWORDS)).toBeNull();
  });

  it('reads the words of texts, template quick replies and interactive replies; none of media', () => {
    expect(wordsOf('text', { text: { body: 'STOP' } })).toEqual(['STOP']);
    expect(wordsOf('button', { button: { text: 'Stop promotions', payload: 'OPT_OUT' } })).toEqual(['Stop promotions', 'OPT_OUT']);
    expect(wordsOf('interactive', { interactive: { type: 'button_reply', button_reply: { id: 'stop', title: 'Stop' } } })).toEqual(['Stop', 'stop']);
    expect(wordsOf('image', { image: { caption: 'STOP' } })).toEqual([]);
  });

  it('the default lists do not overlap', () => {
    expect(keywordProblems({
      opt_in_keywords: DEFAULT_OPT_IN_KEYWORDS, opt_out_keywords: DEFAULT_OPT_OUT_KEYWORDS, marketing_opt_out_keywords: DEFAULT_MARKETING_OPT_OUT_KEYWORDS,
    })).toEqual([]);
    expect(keywordProblems({ opt_in_keywords: ['Start'], opt_out_keywords: ['START!'] })).toHaveLength(1);
  });
});

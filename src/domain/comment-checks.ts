// What a comment on a claim or conflict must be, with the message a reviewer sees: some text, at most
// MAX_COMMENT_LENGTH characters. The store runs this before writing.
import { ValidationError } from './errors.js';

export const MAX_COMMENT_LENGTH = 2000;

/** The comment's text trimmed; empty or over-long text is refused on `body`. */
export function checkedCommentText(body: string): string {
  const text = body.trim();
  if (text === '') throw new ValidationError('Write a comment first.', { body: 'Write a comment first.' });
  if (text.length > MAX_COMMENT_LENGTH) {
    throw new ValidationError(`A comment has at most ${MAX_COMMENT_LENGTH} characters.`, { body: `At most ${MAX_COMMENT_LENGTH} characters.` });
  }
  return text;
}

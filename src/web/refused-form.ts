// The one way a form that changes something answers: apply the change, or show the form's page again with what was
// refused — invalid input (422: the message and one per field) or a version someone else moved on (409: the notice,
// the page as it is now). A JSON request gets the error itself (the fixed error shape), and any other error is
// rethrown for the error handler.
import type { Response } from 'express';
import { StaleEditError, ValidationError } from '../domain/errors.js';
import type { FieldErrors } from './forms/fields.js';
import { formatOf } from './render.js';

/** What a refused change tells its form: the messages (422), or the stale-version notice (409). */
export type Refusal = { status: 422; errors: FieldErrors } | { status: 409; stale: string };

/** Runs `apply`; a refused change is handed to `rerender` (HTML only), anything else is thrown on. */
export function applyOrRerender(res: Response, apply: () => void, rerender: (refusal: Refusal) => void): void {
  try {
    apply();
  } catch (err) {
    if (formatOf(res) === 'json') throw err;
    if (err instanceof ValidationError) return rerender({ status: 422, errors: { form: err.message, ...err.fields } });
    if (err instanceof StaleEditError) return rerender({ status: 409, stale: err.message });
    throw err;
  }
}

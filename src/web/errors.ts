// The one error handler: every failure becomes { error: { status, code, message, fields } }, sent as JSON
// or rendered in the error page. Library errors (body too large, bad CSRF token, upload limits) are
// translated into the app's typed errors first so reviewers read one kind of message.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, BadRequestError, ForbiddenError, NotFoundError, PayloadTooLargeError } from '../domain/errors.js';
import { formatOf } from './format.js';

/** The fixed error shape, pinned by a test: clients may rely on every key being present. */
export interface ErrorBody {
  error: { status: number; code: string; message: string; fields: Record<string, string> };
}

export const CSRF_ERROR_CODE = 'csrf_invalid';

/** Unknown routes: a 404 through the same handler. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`The page ${req.path}`));
};

/** Maps anything thrown to an AppError; unexpected errors become a 500 that hides internals. */
export function toAppError(err: unknown, maxUploadBytes: number): AppError {
  if (err instanceof AppError) return err;
  const e = (err ?? {}) as { status?: number; statusCode?: number; type?: string; code?: string; message?: string; name?: string };
  if (e.type === 'entity.too.large' || e.code === 'LIMIT_FILE_SIZE' || e.code === 'LIMIT_FIELD_VALUE') {
    return new PayloadTooLargeError(maxUploadBytes);
  }
  if (e.code === CSRF_ERROR_CODE) {
    return new ForbiddenError(
      'This form could not be accepted: its security token (CSRF) is missing or no longer valid. Reload the page and submit it again. Nothing was saved.',
      CSRF_ERROR_CODE,
    );
  }
  if (e.name === 'MulterError') return new BadRequestError(`The upload was refused: ${e.message ?? 'bad form'}.`, 'bad_upload');
  if (e.type === 'entity.parse.failed') return new BadRequestError('The request body could not be parsed.', 'bad_body');
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new AppError(e.message ?? 'Bad request.', status, 'bad_request');
  return new AppError('Something went wrong on our side; nothing was saved. The error has been logged.', 500, 'internal');
}

/** Renders errors as JSON or as the HTML error page, always with the same fields. */
export function errorHandler(maxUploadBytes: number, log: (err: unknown) => void = (err) => console.error(err)): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const appError = toAppError(err, maxUploadBytes);
    if (appError.status >= 500) log(err);
    const body: ErrorBody = {
      error: { status: appError.status, code: appError.code, message: appError.message, fields: { ...appError.fields } },
    };
    res.status(appError.status);
    if (formatOf(res) !== 'html' || req.accepts(['html', 'json']) === 'json') {
      res.json(body);
      return;
    }
    res.render('error', body, (renderErr: Error | null, html?: string) => {
      if (renderErr) {
        log(renderErr);
        res.type('text/plain').send(`${appError.status} ${appError.message}`);
        return;
      }
      res.send(html);
    });
  };
}

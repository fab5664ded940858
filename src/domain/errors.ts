// Typed errors: each carries an HTTP status and a stable code; the web layer's one error handler renders them.

/** Base of every error the app expects; anything else is a 500. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    /** Per-field messages, shown beside the fields of a re-rendered form. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(`${what} was not found.`, 404, 'not_found');
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields: Record<string, string> = {}) {
    super(message, 422, 'invalid', fields);
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, code = 'bad_request') {
    super(message, 400, code);
  }
}

export class StaleEditError extends AppError {
  constructor(what: string) {
    super(`${what} was changed by someone else since you opened it. Reload to see their version, then apply your edit again.`, 409, 'stale_edit');
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(`That is too large: the limit is ${Math.round(limitBytes / 1024 / 1024)} MB.`, 413, 'too_large');
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, code = 'forbidden') {
    super(message, 403, code);
  }
}

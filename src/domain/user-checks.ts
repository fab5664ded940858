// The refusals of user accounts, with the messages an administrator sees; the store throws them.
import { ValidationError } from './errors.js';

export const userRefusals = {
  nameTaken: (name: string): ValidationError => new ValidationError(`There is already a user called "${name}".`, { name: 'That name is taken.' }),
};

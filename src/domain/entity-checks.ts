// The refusals of entity changes, with the messages a reviewer sees: a name or spelling another entity holds, a
// whole that is unknown, the entity itself or one of its parts, a merge into itself, a removal of a used entity.
// The store reads the entities concerned and throws these; what a name must be is names.ts's.
import { ValidationError } from './errors.js';

export const entityRefusals = {
  nameTaken: (name: string, owner: string): ValidationError =>
    new ValidationError(`“${name}” already names ${owner}.`, { name: 'This name is already taken.' }),
  aliasTaken: (alias: string, owner: string): ValidationError =>
    new ValidationError(`The alias “${alias}” already names ${owner}.`, { aliases: `“${alias}” is taken.` }),
  spellingOfAnother: (alias: string, owner: string): ValidationError =>
    new ValidationError(`“${alias}” already names ${owner}; merge the two entities instead.`, { alias: 'This spelling belongs to another entity.' }),
  renameToAnother: (name: string, owner: string): ValidationError =>
    new ValidationError(`“${name}” already names ${owner}; merge the two entities instead.`, { name: 'This name belongs to another entity.' }),
  unknownWhole: (name: string): ValidationError =>
    new ValidationError(`No entity is called “${name}”.`, { partOf: 'Enter the name or an alias of an entity.' }),
  partOfItself: (): ValidationError => new ValidationError('An entity cannot be part of itself.', { partOf: 'Choose another entity.' }),
  partCycle: (whole: string, name: string): ValidationError =>
    new ValidationError(`${whole} is already a part of ${name}; it cannot also be what ${name} is part of.`, { partOf: 'That would make a cycle.' }),
  mergeIntoItself: (): ValidationError => new ValidationError('An entity cannot be merged into itself.', { into: 'Choose another entity.' }),
  stillUsed: (name: string, claims: number): ValidationError =>
    new ValidationError(`${name} is the speaker or subject of ${claims} claim(s); merge it into another entity instead.`, { entity: 'Still used by claims.' }),
};

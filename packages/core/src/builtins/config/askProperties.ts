import type { CommandContext } from '../../api/context';
import { isEdictError } from '../../errors/EdictError';
import { checkPropertyValue } from '../../profiles/checkPropertyValue';
import type { ProfileTypeDefinition } from '../../profiles/types';
import { readPropertyText } from './propertyText';

/** Answers typed for one profile: plain values for the file, secure ones for the credential manager. */
export interface ProfileAnswers {
  plain: Record<string, unknown>;
  secure: Record<string, unknown>;
}

/**
 * Asks for each property of a new profile of `type` on the terminal (secure ones masked); an
 * empty answer keeps what the file would hold anyway. A value of the wrong type is asked again.
 */
export async function askProperties(
  ctx: CommandContext,
  file: string,
  profile: string,
  type: ProfileTypeDefinition,
): Promise<ProfileAnswers> {
  const answers: ProfileAnswers = { plain: {}, secure: {} };
  for (const [property, definition] of Object.entries(type.properties)) {
    const choices = definition.enum ? ` (${definition.enum.join(', ')})` : '';
    const about = definition.description ? ` (${definition.description})` : '';
    for (;;) {
      const text = definition.secure
        ? await ctx.prompt.password(`${profile} ${property}${about}, secure; empty to skip:`)
        : await ctx.prompt.text(
            `${profile} ${property}${about}:`,
            definition.default === undefined ? {} : { default: String(definition.default) },
          );
      if (text === '') break;
      const value = readPropertyText(definition, text);
      try {
        checkPropertyValue(definition, value, { file, profile, property });
      } catch (err) {
        if (!isEdictError(err)) throw err;
        ctx.out.warn(`${property} wants a ${definition.type}${choices}.`);
        continue;
      }
      (definition.secure ? answers.secure : answers.plain)[property] = value;
      break;
    }
  }
  return answers;
}

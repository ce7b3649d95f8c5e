// `@edict/core` is not a dependency of this plugin: the host's module loader hands it the
// host's own copy, so the error below is the host's EdictError class.
const { usageError } = require('@edict/core');

exports.handler = async function world(ctx) {
  const name = ctx.args.name ?? 'world';
  if (!/^[\p{L} .'-]+$/u.test(name)) {
    throw usageError('EDICT_HELLO_BAD_NAME', `"${name}" is not a name.`, {
      hint: `${ctx.host.name} hello world Ada`,
    });
  }
  const greeting = `${ctx.args.greeting ?? 'Hello'}, ${name}!`;
  // The token is a secret: say that there is one, never what it is.
  const token = ctx.args.token;
  const signed = token ? ` (signed in with a token of ${token.length} characters)` : '';
  ctx.out.text(`${ctx.args.shout ? greeting.toUpperCase() : greeting}${signed}`);
  return { greeting, name };
};

// Runs anywhere (extension host, CLI, tests): hints written once for the CLI and the editor, about answers that
// look wrong without one (an expression whose names got no gradient because it assigned them numbers itself).

export interface NamedConstant {
  name: string;
  value: number;
}

/**
 * Why names the expression assigned a number have no gradient, and how to make them leaves:
 * "`x` and `y` are constants here (…), so they have no gradient: make them leaves with `x = param(53)`, or …".
 * `giveValues` says how values are given where it is shown (`--at x=53,y=-17`, or the editor's prompt).
 */
export function constantsHint(constants: readonly NamedConstant[], giveValues: string): string | undefined {
  if (constants.length === 0) return undefined;
  const q = constants.map((c) => `\`${c.name}\``), one = constants.length === 1, c0 = constants[0];
  const who = one ? `${q[0]} is a constant` : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]} are constants`;
  return `${who} here (the expression assigns ${one ? "it a number" : "them numbers"}), so ${one ? "it has" : "they have"} no gradient: `
    + `make ${one ? "it a leaf" : "them leaves"} with \`${c0.name} = param(${c0.value})\`, or leave out the assignment${one ? "" : "s"} `
    + `and ${giveValues}`;
}

/** The CLI's way to give values: `give --at x=53,y=-17`. */
export function atFlag(constants: readonly NamedConstant[]): string {
  return `give --at ${constants.map((c) => `${c.name}=${c.value}`).join(",")}`;
}

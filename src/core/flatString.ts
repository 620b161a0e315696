/**
 * Long-lived strings made of pieces, stored flat. V8 keeps `a + b` (and a template literal) as
 * a tree of its pieces, a concatenated string, until something needs the characters in a row;
 * a message or id kept for the rest of a run then holds every piece and tree node alive: in
 * the crossover bench, ~17 tree nodes per fill and a sixth of the retained heap, which the
 * garbage collector copies twice before it settles. `flatString` returns the same text as one
 * flat string, for the strings a run keeps: timeline messages, order ids, journal notes.
 */

/**
 * `text` as one flat string. Uses NFC normalization, which returns the text flattened: the
 * engine's own messages are already NFC (ASCII and precomposed symbols such as ≥ and —) and
 * come back unchanged; a strategy's own text (a name, a tag, a log line) with a decomposed
 * character comes back composed, which displays the same.
 *
 * @example flatString(`Filled buy ${amount} at ${price}`) // the message, flat
 */
export function flatString(text: string): string {
  return text.normalize('NFC');
}

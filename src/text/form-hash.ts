/**
 * The two 32-bit hashes a word form is keyed by in the entity recogniser's word table (`WordTable.hashes`) and the
 * event detector's form table (`FormTable`): FNV-1a and a multiply-shift hash over the UTF-16 code units. Both tables
 * key a form by the pair. The token index hashes each token's text once (`TokenIndex.formH0/formH1`) for both tables,
 * instead of each table hashing it again.
 *
 * Writes the hashes of `form` to h0[k] and h1[k] (as 32-bit integers; h0 is never 0: 0 marks an empty slot).
 *
 * @example
 * const h0 = new Int32Array(1), h1 = new Int32Array(1);
 * formHashesInto('said', h0, h1, 0); // h0[0], h1[0]: the pair both tables key "said" by
 */
export function formHashesInto(form: string, h0: Int32Array, h1: Int32Array, k: number): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  h0[k] = a | 0 || 1;
  h1[k] = b | 0;
}

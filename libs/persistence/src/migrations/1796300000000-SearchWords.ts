import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search by words within a scope, without reading the scope (apps/api/src/cases/case-queries.service.ts,
 * `wordQueries`, asks it; bench/README.md has the figures).
 *
 * Search is a substring match of the folded query in `search_text`. A district's search used to read all
 * of the district's entries of `ix_cases_origin_created` (~87k at a million cases, ~20 ms). This index
 * finds, within each origin unit, the cases whose words can contain the query, and the query then checks
 * them with the same substring match, so the results are the same.
 *
 * `case_search_words(tag, text)` splits the folded text at its spaces and gives, for each word w:
 *   `|w`                  the word;
 *   `^` + w[:-1]          w without its last character: a query word that starts w without being all
 *                         of it ("ngu" in "nguyen") is a prefix of this one;
 *   `~` + reverse(w[2:])  w without its first character, reversed: a query word that ends w without
 *                         being all of it ("uyen") is, reversed, a prefix of this one.
 * A query "q1 q2 … qn" (n ≥ 2) occurs in a text only where a word ends with q1, the next words are
 * q2 … qn-1 and the one after starts with qn, so every case where it occurs has
 *   (|q1 or ~reverse(q1)*) and |q2 … and (|qn or ^qn*)
 * Whole words, the common case, are then exact index entries, which GIN skips through; only the rare
 * partial ones are prefix ranges, which it reads whole. (With `|qn*` instead, a given name that is also
 * a place, Long in Long Biên, would read every case of the district.)
 * Words are cut to 200 characters (a lexeme holds at most 2 KB) and text to 10,000 (a tsvector holds at
 * most 1 MB); a case cut either way also gets the lexeme `+`, which every query asks for too, so it is
 * always checked.
 *
 * Every lexeme but `+` starts with a tag of the case's origin unit (8 hex digits of the md5 of its id),
 * so a search asks each unit of its scope for `tag|q2`, … and reads only that unit's entries. Two units
 * sharing a tag only add candidates; the query checks the origin unit as well.
 *
 * COST tells the planner that this function is expensive per row (tens of µs), so that it never prefers
 * evaluating it over a scan to using the index; PARALLEL RESTRICTED keeps these small bitmap scans in
 * one backend (the planner's guesses for tagged lexemes are rough, and starting workers for a few
 * thousand rows costs more than it saves). `fastupdate = off`: GIN's pending list of recent entries is
 * read whole by every scan, and a search makes one scan per unit of its scope (88 for a district).
 *
 * The price is on writes: each case row written adds ~50 entries to this index (~1 ms more per row at
 * a million cases on the bench machine, see bench/README.md), and building it there takes minutes.
 */
export class SearchWords1796300000000 implements MigrationInterface {
  name = 'SearchWords1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION case_search_words(tag text, search_text text) RETURNS text[]
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL RESTRICTED COST 10000 AS $$
      DECLARE
        s text := left(search_text, 10000);
        cut boolean := char_length(search_text) > 10000;
      BEGIN
        IF char_length(s) > 200 AND s ~ '[^ ]{201}' THEN
          s := regexp_replace(s, '([^ ]{200})[^ ]+', '\\1', 'g');
          cut := true;
        END IF;
        -- Each form as a space-separated list; '[^ ]( |$)' is the last character of a word.
        RETURN CASE WHEN cut THEN ARRAY['+'] ELSE '{}'::text[] END || string_to_array(
          tag || '|' || replace(s, ' ', ' ' || tag || '|') || ' '
          || tag || '^' || replace(regexp_replace(s, '[^ ]( |$)', '\\1', 'g'), ' ', ' ' || tag || '^') || ' '
          || tag || '~' || replace(regexp_replace(reverse(s), '[^ ]( |$)', '\\1', 'g'), ' ', ' ' || tag || '~'), ' ');
      END
      $$`);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_search_words" ON "cases" USING gin
       (array_to_tsvector(case_search_words(left(md5(origin_unit_id::text), 8), search_text))) WITH (fastupdate = off)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_cases_search_words"`);
    await queryRunner.query(`DROP FUNCTION case_search_words(text, text)`);
  }
}

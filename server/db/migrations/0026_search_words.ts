import { type Kysely, sql } from "kysely";

/**
 * Misspelt words are matched against a dictionary of the words the case search rows hold, not against the rows:
 * trigram similarity over a million cases' text (0018's `search_text` and its index) cost 0.5 s for one word
 * that matched nothing, and seconds for a common name (BENCHMARKS.md, "HTTP load"). The dictionary keeps words of
 * three letters or more without digits (case numbers would otherwise fill it) or a colon; a search widens each typed word
 * to its nearest spellings here, then matches by full text. Words are added as search rows are written, never
 * removed (a word no case holds any more widens to nothing).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table search_words (word text primary key);
    insert into search_words (word)
      select distinct w.lexeme from case_search s, unnest(s.search_vector) as w
      where length(w.lexeme) between 3 and 60 and w.lexeme !~ '[0-9۰-۹٠-٩:]';
    create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops);
    drop index case_search_trgm_idx;
    alter table case_search drop column search_text;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0026_search_words.");
}

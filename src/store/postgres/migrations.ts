/** Versioned schema migrations for the PostgreSQL store, recorded in schema_migrations; each runs once, in a transaction. */
import type { Migration } from '../sqlite/migrations.js';

export type { Migration };

// Text compared and sorted byte-wise, as SQLite does, whatever the database's locale.
const T = 'TEXT COLLATE "C"';

/** Every migration, oldest first. Never edit a released one: add a new step. */
export const PG_MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'documents with a weighted tsvector (GIN), originals as bytea, failures, facts with evidence and provenance, entities and decisions',
    sql: `
      CREATE TABLE documents (
        seq BIGSERIAL UNIQUE,
        id ${T} PRIMARY KEY,
        collection ${T} NOT NULL,
        sha256 ${T} NOT NULL,
        path ${T} NOT NULL,
        parent_id ${T} REFERENCES documents(id),
        format ${T} NOT NULL,
        mime_type ${T},
        title ${T},
        source ${T},
        published ${T},
        author ${T},
        language ${T},
        text TEXT NOT NULL,
        length INTEGER NOT NULL,
        sentences TEXT NOT NULL,
        pages TEXT NOT NULL DEFAULT '[]',
        meta TEXT NOT NULL DEFAULT '{}',
        warnings TEXT NOT NULL DEFAULT '[]',
        ingested_at ${T} NOT NULL,
        -- Folded title (weight A) and text (weight D), words split as the query parser splits them.
        fts TSVECTOR NOT NULL,
        -- MinHash signature of the text, and the group of near-duplicate documents (re-reports count once).
        signature BYTEA,
        duplicate_group ${T},
        UNIQUE (collection, sha256)
      );
      CREATE INDEX documents_parent ON documents(parent_id);
      CREATE INDEX documents_collection ON documents(collection, path);
      CREATE INDEX documents_fts ON documents USING GIN (fts);

      -- Original bytes, content-addressed, kept for chain of custody.
      CREATE TABLE originals (
        sha256 ${T} PRIMARY KEY,
        size BIGINT NOT NULL,
        bytes BYTEA NOT NULL
      );

      CREATE TABLE failures (
        id BIGSERIAL PRIMARY KEY,
        collection ${T} NOT NULL,
        path ${T} NOT NULL,
        code ${T} NOT NULL,
        message TEXT NOT NULL,
        at ${T} NOT NULL,
        UNIQUE (collection, path)
      );

      CREATE TABLE stage_runs (
        document_id ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        stage ${T} NOT NULL,
        version ${T} NOT NULL,
        at ${T} NOT NULL,
        PRIMARY KEY (document_id, stage)
      );
      CREATE INDEX stage_runs_stage ON stage_runs(stage);

      CREATE TABLE mentions (
        id BIGSERIAL PRIMARY KEY,
        document_id ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        type ${T} NOT NULL,
        text ${T} NOT NULL,
        norm ${T} NOT NULL,
        confidence DOUBLE PRECISION,
        entity_key ${T},
        stage ${T} NOT NULL,
        version ${T} NOT NULL
      );
      CREATE INDEX mentions_document ON mentions(document_id, stage);
      CREATE INDEX mentions_norm ON mentions(type, norm);
      CREATE INDEX mentions_entity_key ON mentions(entity_key);

      CREATE TABLE entities (
        seq BIGSERIAL UNIQUE,
        id ${T} PRIMARY KEY,
        collection ${T} NOT NULL,
        type ${T} NOT NULL,
        name ${T} NOT NULL,
        mention_count INTEGER NOT NULL DEFAULT 0,
        document_ids TEXT NOT NULL DEFAULT '[]',
        reasons TEXT NOT NULL DEFAULT '[]',
        stage ${T} NOT NULL,
        version ${T} NOT NULL
      );
      CREATE INDEX entities_collection ON entities(collection);
      CREATE TABLE aliases (
        entity_id ${T} NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        name ${T} NOT NULL,
        reason TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (entity_id, name)
      );
      -- Which entity each per-document candidate (mentions.entity_key) was resolved into.
      CREATE TABLE entity_members (
        collection ${T} NOT NULL,
        candidate_key ${T} NOT NULL,
        entity_id ${T} NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (collection, candidate_key)
      );
      CREATE INDEX entity_members_entity ON entity_members(entity_id);
      CREATE TABLE decisions (
        id BIGSERIAL PRIMARY KEY,
        collection ${T} NOT NULL,
        kind ${T} NOT NULL CHECK (kind IN ('merge', 'split')),
        a ${T} NOT NULL,
        b ${T} NOT NULL,
        at ${T} NOT NULL,
        by ${T},
        note TEXT
      );
      CREATE INDEX decisions_collection ON decisions(collection);

      CREATE TABLE relations (
        id ${T} PRIMARY KEY,
        document_id ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type ${T} NOT NULL,
        source ${T} NOT NULL,
        target ${T} NOT NULL,
        confidence DOUBLE PRECISION NOT NULL,
        claim_id ${T},
        attrs TEXT NOT NULL DEFAULT '{}',
        stage ${T} NOT NULL,
        version ${T} NOT NULL
      );
      CREATE INDEX relations_document ON relations(document_id, stage);
      CREATE TABLE events (
        id ${T} PRIMARY KEY,
        document_id ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type ${T} NOT NULL,
        date ${T} NOT NULL,
        participants TEXT NOT NULL DEFAULT '[]',
        attrs TEXT NOT NULL DEFAULT '{}',
        stage ${T} NOT NULL,
        version ${T} NOT NULL
      );
      CREATE INDEX events_document ON events(document_id, stage);
      CREATE TABLE claims (
        id ${T} PRIMARY KEY,
        document_id ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        speaker ${T},
        speaker_text TEXT NOT NULL,
        text TEXT NOT NULL,
        stance ${T} NOT NULL CHECK (stance IN ('asserts', 'denies')),
        stage ${T} NOT NULL,
        version ${T} NOT NULL
      );
      CREATE INDEX claims_document ON claims(document_id, stage);
      -- Evidence spans of relations, events and claims.
      CREATE TABLE evidence (
        seq BIGSERIAL PRIMARY KEY,
        owner_kind ${T} NOT NULL CHECK (owner_kind IN ('relation', 'event', 'claim')),
        owner_id ${T} NOT NULL,
        document_id ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX evidence_owner ON evidence(owner_kind, owner_id);
    `,
  },
  {
    version: 2,
    description: 'windows of long texts, so phrases and NEAR work past the tsvector position limits',
    sql: `
      -- False when the text outgrew one tsvector (see text-search.ts): search then reads document_windows instead.
      -- Texts stored under version 1 keep TRUE (their search is as before); re-ingesting into a new store adds windows.
      -- IF NOT EXISTS: a development build briefly created these in version 1.
      ALTER TABLE documents ADD COLUMN IF NOT EXISTS fts_exact BOOLEAN NOT NULL DEFAULT TRUE;
      CREATE INDEX IF NOT EXISTS documents_inexact ON documents(id) WHERE NOT fts_exact;
      -- Overlapping stretches of long texts, each small enough for PostgreSQL's position limits.
      CREATE TABLE IF NOT EXISTS document_windows (
        document_id ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        fts TSVECTOR NOT NULL,
        PRIMARY KEY (document_id, n)
      );
      CREATE INDEX IF NOT EXISTS document_windows_fts ON document_windows USING GIN (fts);
    `,
  },
  {
    version: 3,
    description: 'stage runs that failed: status and reason, so a failing document is not retried on every ingest',
    sql: `
      ALTER TABLE stage_runs ADD COLUMN status ${T} NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'failed'));
      ALTER TABLE stage_runs ADD COLUMN error TEXT;
      CREATE INDEX stage_runs_failed ON stage_runs(status) WHERE status = 'failed';
    `,
  },
  {
    version: 4,
    description: 'reads by key: entity names indexed for search, event participants and claim speakers by candidate key, relations by end',
    sql: `
      -- Entity search (shared/name-keys.ts): names under their normalised form, skeleton and word starts; b-tree ranges
      -- on "C"-collated keys serve prefixes (no pg_trgm needed). Triggers queue entities whose names changed; the writer
      -- indexes the queue in its transaction, and a search drains whatever is left.
      CREATE TABLE entity_names (
        kind INTEGER NOT NULL,
        key ${T} NOT NULL,
        entity_id ${T} NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (kind, key, entity_id)
      );
      CREATE INDEX entity_names_entity ON entity_names(entity_id);
      CREATE TABLE entity_names_pending (entity_id ${T} PRIMARY KEY);
      CREATE FUNCTION cablegraph_entities_pending() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO entity_names_pending (entity_id) SELECT DISTINCT id FROM changed_rows ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE FUNCTION cablegraph_aliases_pending() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO entity_names_pending (entity_id) SELECT DISTINCT entity_id FROM changed_rows ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER entities_names_insert AFTER INSERT ON entities REFERENCING NEW TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cablegraph_entities_pending();
      CREATE TRIGGER entities_names_update AFTER UPDATE ON entities REFERENCING NEW TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cablegraph_entities_pending();
      CREATE TRIGGER aliases_names_insert AFTER INSERT ON aliases REFERENCING NEW TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cablegraph_aliases_pending();
      CREATE TRIGGER aliases_names_delete AFTER DELETE ON aliases REFERENCING OLD TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cablegraph_aliases_pending();
      INSERT INTO entity_names_pending (entity_id) SELECT id FROM entities ON CONFLICT DO NOTHING;
      CREATE INDEX entities_rank ON entities(mention_count DESC, name);

      -- Event participants and places by candidate key, kept by triggers from the JSON columns (a JSON text holding an
      -- escaped NUL, which PostgreSQL's json functions refuse, is left out: candidate keys never hold one).
      CREATE TABLE event_keys (
        key ${T} NOT NULL,
        event_id ${T} NOT NULL,
        PRIMARY KEY (key, event_id)
      );
      CREATE INDEX event_keys_event ON event_keys(event_id);
      CREATE FUNCTION cablegraph_event_keys_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM event_keys k USING changed_rows n WHERE k.event_id = n.id;
        INSERT INTO event_keys (key, event_id)
          SELECT p.key, n.id FROM changed_rows n, json_array_elements_text(CASE WHEN strpos(n.participants, '\\u0000') = 0
            AND json_typeof(n.participants::json) = 'array' THEN n.participants::json ELSE '[]'::json END) AS p(key)
          UNION SELECT CASE WHEN strpos(n.attrs, '\\u0000') = 0 THEN n.attrs::json ->> 'place' END AS key, n.id FROM changed_rows n
            WHERE strpos(n.attrs, '\\u0000') = 0 AND json_typeof(n.attrs::json -> 'place') = 'string'
          ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE FUNCTION cablegraph_event_keys_remove() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM event_keys k USING changed_rows o WHERE k.event_id = o.id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER events_keys_insert AFTER INSERT ON events REFERENCING NEW TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cablegraph_event_keys_add();
      CREATE TRIGGER events_keys_update AFTER UPDATE ON events REFERENCING NEW TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cablegraph_event_keys_add();
      CREATE TRIGGER events_keys_delete AFTER DELETE ON events REFERENCING OLD TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cablegraph_event_keys_remove();
      INSERT INTO event_keys (key, event_id)
        SELECT p.key, e.id FROM events e, json_array_elements_text(CASE WHEN strpos(e.participants, '\\u0000') = 0
          AND json_typeof(e.participants::json) = 'array' THEN e.participants::json ELSE '[]'::json END) AS p(key)
        UNION SELECT CASE WHEN strpos(e.attrs, '\\u0000') = 0 THEN e.attrs::json ->> 'place' END AS key, e.id FROM events e
          WHERE strpos(e.attrs, '\\u0000') = 0 AND json_typeof(e.attrs::json -> 'place') = 'string'
        ON CONFLICT DO NOTHING;
      CREATE INDEX claims_speaker ON claims(speaker);
      CREATE INDEX relations_source ON relations(source);
      CREATE INDEX relations_target ON relations(target);
    `,
  },
  {
    version: 5,
    description: 'incremental resolution: candidate index by group, vote name and key; dirty documents; decision status',
    sql: `
      CREATE TABLE resolve_candidates (
        collection ${T} NOT NULL,
        key ${T} NOT NULL,
        document_id ${T} NOT NULL,
        type ${T} NOT NULL,
        name ${T} NOT NULL,
        aliases TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        vote_norm ${T} NOT NULL,
        grp ${T} NOT NULL,
        PRIMARY KEY (collection, key)
      );
      CREATE INDEX resolve_candidates_group ON resolve_candidates(collection, grp, key);
      CREATE INDEX resolve_candidates_vote ON resolve_candidates(collection, vote_norm);
      CREATE INDEX resolve_candidates_document ON resolve_candidates(collection, document_id);
      CREATE TABLE resolve_groups (
        collection ${T} NOT NULL,
        grp ${T} NOT NULL,
        first_key ${T} NOT NULL,
        size INTEGER NOT NULL,
        decided INTEGER NOT NULL,
        PRIMARY KEY (collection, grp)
      );
      CREATE TABLE resolve_names (
        collection ${T} NOT NULL,
        grp ${T} NOT NULL,
        norm ${T} NOT NULL,
        first_key ${T} NOT NULL,
        name ${T} NOT NULL,
        PRIMARY KEY (collection, grp, norm)
      );
      CREATE TABLE resolve_keys (
        collection ${T} NOT NULL,
        key ${T} NOT NULL,
        grp ${T} NOT NULL,
        PRIMARY KEY (collection, key, grp)
      );
      CREATE INDEX resolve_keys_group ON resolve_keys(collection, grp);
      CREATE TABLE resolve_votes (
        collection ${T} NOT NULL,
        vote_norm ${T} NOT NULL,
        type ${T} NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (collection, vote_norm, type)
      );
      CREATE TABLE resolve_state (
        collection ${T} PRIMARY KEY,
        version INTEGER NOT NULL,
        algorithm ${T} NOT NULL
      );
      CREATE TABLE resolve_dirty (
        document_id ${T} PRIMARY KEY,
        collection ${T} NOT NULL,
        seq INTEGER NOT NULL
      );
      CREATE INDEX resolve_dirty_collection ON resolve_dirty(collection, document_id);
      -- One statement-level trigger per direction marks every document whose keyed mentions a statement changed.
      CREATE FUNCTION resolve_dirty_new() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO resolve_dirty (document_id, collection, seq)
          SELECT DISTINCT n.document_id, d.collection, 1 FROM new_rows n JOIN documents d ON d.id = n.document_id WHERE n.entity_key IS NOT NULL
          ON CONFLICT (document_id) DO UPDATE SET seq = resolve_dirty.seq + 1;
        RETURN NULL;
      END $$;
      CREATE FUNCTION resolve_dirty_old() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO resolve_dirty (document_id, collection, seq)
          SELECT DISTINCT o.document_id, d.collection, 1 FROM old_rows o JOIN documents d ON d.id = o.document_id WHERE o.entity_key IS NOT NULL
          ON CONFLICT (document_id) DO UPDATE SET seq = resolve_dirty.seq + 1;
        RETURN NULL;
      END $$;
      CREATE TRIGGER mentions_dirty_insert AFTER INSERT ON mentions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION resolve_dirty_new();
      CREATE TRIGGER mentions_dirty_delete AFTER DELETE ON mentions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION resolve_dirty_old();
      ALTER TABLE decisions ADD COLUMN status ${T} NOT NULL DEFAULT 'applied' CHECK (status IN ('pending', 'applied'));
      CREATE INDEX decisions_a ON decisions(collection, a);
      CREATE INDEX decisions_b ON decisions(collection, b);
      CREATE INDEX decisions_pending ON decisions(status) WHERE status = 'pending';
    `,
  },
  {
    version: 6,
    description: 'job queue progress (pg-boss holds the jobs): ingest runs, their batches of documents, workers with a heartbeat',
    sql: `
      CREATE TABLE queue_runs (
        id ${T} PRIMARY KEY,
        collection ${T} NOT NULL,
        host ${T} NOT NULL,
        status ${T} NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finishing', 'finished', 'interrupted')),
        documents INTEGER NOT NULL DEFAULT 0,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        finished_at TIMESTAMPTZ
      );
      CREATE INDEX queue_runs_collection ON queue_runs(collection, started_at);
      CREATE TABLE queue_batches (
        run_id ${T} NOT NULL REFERENCES queue_runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        job_id ${T} NOT NULL,
        document_ids TEXT[] NOT NULL,
        state ${T} NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'active', 'done', 'failed')),
        done INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        worker ${T},
        started_at TIMESTAMPTZ,
        finished_at TIMESTAMPTZ,
        PRIMARY KEY (run_id, seq)
      );
      CREATE INDEX queue_batches_open ON queue_batches(run_id) WHERE state IN ('queued', 'active');
      CREATE TABLE queue_workers (
        id ${T} PRIMARY KEY,
        host ${T} NOT NULL,
        pid INTEGER NOT NULL,
        concurrency INTEGER NOT NULL,
        batches INTEGER NOT NULL DEFAULT 0,
        documents INTEGER NOT NULL DEFAULT 0,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        last_seen TIMESTAMPTZ NOT NULL DEFAULT now(),
        stopped_at TIMESTAMPTZ
      );
    `,
  },
  {
    version: 7,
    description: 'near-duplicate groups by key: MinHash band buckets, documents by group, unsigned documents',
    sql: `
      -- Band buckets of each signed document (src/nlp/minhash.ts bandBuckets): a new document's candidate duplicates are
      -- the documents sharing a bucket, found through the primary key.
      CREATE TABLE duplicate_bands (
        collection ${T} NOT NULL,
        band INTEGER NOT NULL,
        bucket_hash BIGINT NOT NULL,
        document_id ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (collection, band, bucket_hash, document_id)
      );
      CREATE INDEX duplicate_bands_document ON duplicate_bands(document_id);
      -- Joining two groups renames the members of one: found by group, not by a scan.
      CREATE INDEX documents_duplicate_group ON documents(collection, duplicate_group);
      CREATE INDEX documents_unsigned ON documents(collection, id) WHERE signature IS NULL;
      -- Signatures stored before the index existed have no band rows: the next collection step signs them again (once).
      UPDATE documents SET signature = NULL WHERE signature IS NOT NULL;
    `,
  },
  {
    version: 8,
    description: 'document columns the reads join to, from covering indexes (not from rows whose text comes first)',
    sql: `
      -- The SQLite twin needs these to keep its reads off overflow pages; here the text is TOASTed, and this index lets the
      -- joins of relation and evidence reads to their documents be index-only scans. No summary index: a b-tree entry has
      -- a size limit that a long path or title would pass.
      CREATE INDEX documents_group ON documents(id) INCLUDE (collection, duplicate_group);
    `,
  },
  {
    version: 9,
    description: 'analyst review of relations: decisions keyed by proposal, the review in force on each relation row',
    sql: `
      -- See the SQLite twin.
      CREATE TABLE relation_reviews (
        id BIGSERIAL PRIMARY KEY,
        collection ${T} NOT NULL,
        proposal ${T} NOT NULL,
        document_id ${T} NOT NULL,
        verdict ${T} NOT NULL CHECK (verdict IN ('accepted', 'rejected', 'edited', 'added', 'undo')),
        reason TEXT,
        edit TEXT,
        by TEXT,
        at ${T} NOT NULL,
        snapshot TEXT NOT NULL
      );
      CREATE INDEX relation_reviews_document ON relation_reviews(document_id, id);
      CREATE INDEX relation_reviews_collection ON relation_reviews(collection, id);
      ALTER TABLE relations ADD COLUMN review TEXT;
    `,
  },
  {
    version: 10,
    description: 'users with roles, collection grants, API tokens and sessions (digests only), append-only audit log',
    sql: `
      CREATE TABLE users (
        id SERIAL PRIMARY KEY,
        name ${T} NOT NULL UNIQUE,
        role ${T} NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        password_hash TEXT NOT NULL,
        created ${T} NOT NULL
      );
      CREATE TABLE grants (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        collection ${T} NOT NULL,
        can_write INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (user_id, collection)
      );
      CREATE TABLE api_tokens (
        id ${T} PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        digest ${T} NOT NULL UNIQUE,
        created ${T} NOT NULL,
        expires ${T},
        revoked INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE sessions (
        digest ${T} PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires ${T} NOT NULL
      );
      CREATE INDEX sessions_expires ON sessions(expires);
      CREATE TABLE audit_log (
        id BIGSERIAL PRIMARY KEY,
        at ${T} NOT NULL,
        user_name ${T},
        address ${T} NOT NULL,
        action ${T} NOT NULL,
        target ${T},
        details TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_user ON audit_log(user_name, id);
      CREATE INDEX audit_log_at ON audit_log(at);
      -- Append-only: rows are never changed (retention deletes the oldest; nothing else deletes).
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    `,
  },
  {
    version: 11,
    description: 'protected identities: protections (numbered per collection and kind) and the candidate keys they cover',
    sql: `
      CREATE TABLE protections (
        id SERIAL PRIMARY KEY,
        collection ${T} NOT NULL,
        kind ${T} NOT NULL CHECK (kind IN ('person', 'organisation', 'place', 'entity')),
        number INTEGER NOT NULL,
        at ${T} NOT NULL,
        by_name ${T},
        UNIQUE (collection, kind, number)
      );
      -- Candidate keys derive from the text, so reprocess and re-resolution keep them; inactive rows keep the number.
      CREATE TABLE protected_keys (
        collection ${T} NOT NULL,
        candidate_key ${T} NOT NULL,
        protection_id INTEGER NOT NULL REFERENCES protections(id),
        active INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (collection, candidate_key)
      );
      CREATE INDEX protected_keys_active ON protected_keys(active, collection);
    `,
  },
  {
    version: 12,
    description: 'relation ends as entities (relation_ends), read by entity id instead of member keys; kept by statement-level triggers',
    sql: `
      -- Each relation row's ends as the candidate -> entity map says (see the SQLite twin); NULL where the map has no row.
      CREATE TABLE relation_ends (
        relation_id ${T} PRIMARY KEY,
        source_entity ${T},
        target_entity ${T}
      );
      CREATE INDEX relation_ends_source ON relation_ends(source_entity, target_entity);
      CREATE INDEX relation_ends_target ON relation_ends(target_entity, source_entity);
      INSERT INTO relation_ends (relation_id, source_entity, target_entity)
        SELECT r.id, ms.entity_id, mt.entity_id FROM relations r JOIN documents d ON d.id = r.document_id
        LEFT JOIN entity_members ms ON ms.collection = d.collection AND ms.candidate_key = r.source
        LEFT JOIN entity_members mt ON mt.collection = d.collection AND mt.candidate_key = r.target;
      -- Statement-level triggers with transition tables: a resolution commit writes the map 2,000 rows per statement
      -- (about 600,000 rows for a first resolution at 20k documents), each statement then updates the ends in one join.
      CREATE FUNCTION relation_ends_written() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO relation_ends (relation_id, source_entity, target_entity)
          SELECT n.id, ms.entity_id, mt.entity_id FROM new_rows n JOIN documents d ON d.id = n.document_id
          LEFT JOIN entity_members ms ON ms.collection = d.collection AND ms.candidate_key = n.source
          LEFT JOIN entity_members mt ON mt.collection = d.collection AND mt.candidate_key = n.target
        ON CONFLICT (relation_id) DO UPDATE SET source_entity = EXCLUDED.source_entity, target_entity = EXCLUDED.target_entity;
        RETURN NULL; END $$;
      CREATE FUNCTION relation_ends_removed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        DELETE FROM relation_ends re USING old_rows o WHERE re.relation_id = o.id AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.id = o.id);
        RETURN NULL; END $$;
      CREATE TRIGGER relation_ends_insert AFTER INSERT ON relations REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_written();
      CREATE TRIGGER relation_ends_update AFTER UPDATE ON relations REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_written();
      CREATE TRIGGER relation_ends_update_old AFTER UPDATE ON relations REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_removed();
      CREATE TRIGGER relation_ends_delete AFTER DELETE ON relations REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_removed();
      -- Map rows: each end whose key (in its document's collection) left the map is unmapped, then each end whose key
      -- is now mapped takes its entity (an update does both, in that order: triggers fire by name, so a re-pointed or re-keyed
      -- row is exact).
      CREATE FUNCTION relation_ends_members_removed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE relation_ends re SET source_entity = NULL FROM old_rows o JOIN relations r ON r.source = o.candidate_key
          JOIN documents d ON d.id = r.document_id AND d.collection = o.collection WHERE re.relation_id = r.id;
        UPDATE relation_ends re SET target_entity = NULL FROM old_rows o JOIN relations r ON r.target = o.candidate_key
          JOIN documents d ON d.id = r.document_id AND d.collection = o.collection WHERE re.relation_id = r.id;
        RETURN NULL; END $$;
      CREATE FUNCTION relation_ends_members_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE relation_ends re SET source_entity = n.entity_id FROM new_rows n JOIN relations r ON r.source = n.candidate_key
          JOIN documents d ON d.id = r.document_id AND d.collection = n.collection WHERE re.relation_id = r.id;
        UPDATE relation_ends re SET target_entity = n.entity_id FROM new_rows n JOIN relations r ON r.target = n.candidate_key
          JOIN documents d ON d.id = r.document_id AND d.collection = n.collection WHERE re.relation_id = r.id;
        RETURN NULL; END $$;
      CREATE TRIGGER relation_ends_member_insert AFTER INSERT ON entity_members REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_members_added();
      CREATE TRIGGER relation_ends_member_delete AFTER DELETE ON entity_members REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_members_removed();
      CREATE TRIGGER relation_ends_member_update_1_old AFTER UPDATE ON entity_members REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_members_removed();
      CREATE TRIGGER relation_ends_member_update_2_new AFTER UPDATE ON entity_members REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_members_added();
    `,
  },
  {
    version: 13,
    description: 'analyst review of events and claims (decisions keyed by proposal, the review in force on each row); entities added by hand',
    sql: `
      -- Every decision on an event or claim (and each entity added by hand: kind 'entity', verdict 'added'), undo included,
      -- in the order made; keyed by proposal id (src/store/shared/fact-review-apply.ts), so it applies again after reprocess.
      CREATE TABLE fact_reviews (
        id BIGSERIAL PRIMARY KEY,
        collection ${T} NOT NULL,
        kind ${T} NOT NULL CHECK (kind IN ('event', 'claim', 'entity')),
        proposal ${T} NOT NULL,
        document_id ${T} NOT NULL,
        verdict ${T} NOT NULL CHECK (verdict IN ('accepted', 'rejected', 'added', 'undo')),
        reason TEXT,
        by TEXT,
        at ${T} NOT NULL,
        snapshot TEXT NOT NULL
      );
      CREATE INDEX fact_reviews_document ON fact_reviews(document_id, id);
      CREATE INDEX fact_reviews_collection ON fact_reviews(collection, id);
      -- The review in force as JSON ({"verdict", "by", "at", "kept"?}); NULL: unreviewed.
      ALTER TABLE events ADD COLUMN review TEXT;
      ALTER TABLE claims ADD COLUMN review TEXT;
    `,
  },
  {
    version: 14,
    description: 'curation: Admiralty grades of documents and outlets, notes and tags on documents, entities and relations',
    sql: `
      -- A document's own grade (reliability A-F, credibility 1-6), who set it and when.
      CREATE TABLE document_grades (
        document_id ${T} PRIMARY KEY,
        collection ${T} NOT NULL,
        reliability ${T} NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
        credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
        by_name ${T},
        at ${T} NOT NULL
      );
      -- An outlet's grade: outlet is the folded documents.source (see src/network/curation/outlet.ts), per collection.
      CREATE TABLE outlet_grades (
        collection ${T} NOT NULL,
        outlet ${T} NOT NULL,
        reliability ${T} NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
        credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
        by_name ${T},
        at ${T} NOT NULL,
        PRIMARY KEY (collection, outlet)
      );
      CREATE TABLE notes (
        id SERIAL PRIMARY KEY,
        collection ${T} NOT NULL,
        target_kind ${T} NOT NULL CHECK (target_kind IN ('document', 'entity', 'relation')),
        target_id ${T} NOT NULL,
        text TEXT NOT NULL,
        by_name ${T},
        at ${T} NOT NULL,
        edited_at ${T}
      );
      CREATE INDEX notes_target ON notes(target_kind, target_id);
      CREATE INDEX notes_collection ON notes(collection, id);
      CREATE TABLE tags (
        collection ${T} NOT NULL,
        target_kind ${T} NOT NULL CHECK (target_kind IN ('document', 'entity', 'relation')),
        target_id ${T} NOT NULL,
        tag ${T} NOT NULL,
        by_name ${T},
        at ${T} NOT NULL,
        PRIMARY KEY (target_kind, target_id, tag)
      );
      CREATE INDEX tags_tag ON tags(collection, tag);
    `,
  },
  {
    // 15, not 12: helpers on other branches took 12 to 14 at the same time; the numbers only need to grow.
    version: 15,
    description: 'users: last sign-in and disabled; the sign-in limiter\'s counters (per account and address), shared by every server process',
    sql: `
      ALTER TABLE users ADD COLUMN last_login ${T};
      ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
      -- One token bucket per "account:NAME" or "address:IP": guesses left as of at_ms (ms since 1970).
      CREATE TABLE login_limits (
        bucket ${T} PRIMARY KEY,
        left_count DOUBLE PRECISION NOT NULL,
        at_ms BIGINT NOT NULL
      );
      CREATE INDEX login_limits_at ON login_limits(at_ms);
      -- Wrong guesses (digests) seen lately per bucket: the same wrong password again is not a new guess.
      CREATE TABLE login_guesses (
        bucket ${T} NOT NULL,
        guess ${T} NOT NULL,
        at_ms BIGINT NOT NULL,
        PRIMARY KEY (bucket, guess)
      );
      CREATE INDEX login_guesses_at ON login_guesses(at_ms);
    `,
  },
  {
    version: 16,
    description: 'saved views of the network: name, graph query, selected nodes, layout, the collections read, who and when',
    sql: `
      -- query, selected, layout and collections are JSON text; collections: the sorted names the view reads.
      CREATE TABLE saved_views (
        id SERIAL PRIMARY KEY,
        name ${T} NOT NULL,
        query TEXT NOT NULL,
        selected TEXT NOT NULL,
        layout TEXT NOT NULL,
        collections TEXT NOT NULL,
        by_name ${T},
        at ${T} NOT NULL
      );
    `,
  },
  {
    version: 17,
    description: 'evidence indexed by owner, document and start: the entity page reads the first sentences of each relation in that order',
    sql: `
      -- Replaces evidence_owner (its prefix): a window over a relation's rows reads its sentences in order, without a sort.
      CREATE INDEX evidence_owner_order ON evidence(owner_kind, owner_id, document_id, span_start, seq);
      DROP INDEX evidence_owner;
    `,
  },
  {
    version: 18,
    description: 'merges in the review queue: fact_reviews kind merge, decisions kind clear (the user withdraws a merge or split); notes and tags on entities anchored to a member key',
    sql: `
      ALTER TABLE fact_reviews DROP CONSTRAINT IF EXISTS fact_reviews_kind_check;
      ALTER TABLE fact_reviews ADD CONSTRAINT fact_reviews_kind_check CHECK (kind IN ('event', 'claim', 'entity', 'merge'));
      ALTER TABLE decisions DROP CONSTRAINT IF EXISTS decisions_kind_check;
      ALTER TABLE decisions ADD CONSTRAINT decisions_kind_check CHECK (kind IN ('merge', 'split', 'clear'));
      -- Notes and tags on an entity follow it through merges and splits (see the SQLite twin).
      ALTER TABLE notes ADD COLUMN anchor ${T};
      ALTER TABLE tags ADD COLUMN anchor ${T};
      UPDATE notes SET anchor = (SELECT min(candidate_key) FROM entity_members m WHERE m.entity_id = notes.target_id) WHERE target_kind = 'entity';
      UPDATE tags SET anchor = (SELECT min(candidate_key) FROM entity_members m WHERE m.entity_id = tags.target_id) WHERE target_kind = 'entity';
    `,
  },
  {
    version: 19,
    description: 'note search by key: the folded words of each note (note_words), refreshed from a queue that triggers fill',
    sql: `
      -- See the SQLite twin: words computed in JavaScript, triggers only queue the notes written, edited or removed.
      CREATE TABLE note_words (
        word ${T} NOT NULL,
        note_id INTEGER NOT NULL,
        pos INTEGER NOT NULL,
        PRIMARY KEY (word, note_id, pos)
      );
      CREATE INDEX note_words_note ON note_words(note_id);
      CREATE TABLE note_words_pending (note_id INTEGER PRIMARY KEY);
      CREATE FUNCTION cablegraph_notes_pending() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO note_words_pending (note_id) SELECT DISTINCT id FROM changed_rows ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE FUNCTION cablegraph_notes_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM note_words WHERE note_id IN (SELECT id FROM changed_rows);
        DELETE FROM note_words_pending WHERE note_id IN (SELECT id FROM changed_rows);
        RETURN NULL;
      END $$;
      CREATE TRIGGER notes_words_insert AFTER INSERT ON notes REFERENCING NEW TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cablegraph_notes_pending();
      CREATE TRIGGER notes_words_update AFTER UPDATE ON notes REFERENCING NEW TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cablegraph_notes_pending();
      CREATE TRIGGER notes_words_delete AFTER DELETE ON notes REFERENCING OLD TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cablegraph_notes_removed();
      INSERT INTO note_words_pending (note_id) SELECT id FROM notes ON CONFLICT DO NOTHING;
    `,
  },
  {
    version: 20,
    description: 'document_locations: every place a document was found (a root path, or a member of a parent under a path)',
    sql: `
      -- See the SQLite twin: one row per place the content was found, parent_id NULL for a root file.
      CREATE TABLE document_locations (
        id BIGSERIAL PRIMARY KEY,
        collection ${T} NOT NULL,
        document_id ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        parent_id ${T} REFERENCES documents(id) ON DELETE CASCADE,
        path ${T} NOT NULL,
        name ${T},
        first_seen ${T} NOT NULL
      );
      -- NULL parents are distinct in a UNIQUE constraint: the key reads a root's parent as ''. Also the index by document.
      CREATE UNIQUE INDEX document_locations_place ON document_locations(document_id, (coalesce(parent_id, '')), path);
      CREATE INDEX document_locations_parent ON document_locations(parent_id, path, document_id);
      INSERT INTO document_locations (collection, document_id, parent_id, path, name, first_seen)
        SELECT d.collection, d.id, d.parent_id, d.path,
          CASE WHEN p.path IS NULL OR substr(d.path, 1, length(p.path)) <> p.path THEN NULL
            WHEN substr(d.path, length(p.path) + 1, 2) = '!/' THEN substr(d.path, length(p.path) + 3)
            WHEN substr(d.path, length(p.path) + 1, 1) = '#' THEN substr(d.path, length(p.path) + 2)
            ELSE NULL END,
          d.ingested_at
        FROM documents d LEFT JOIN documents p ON p.id = d.parent_id ORDER BY d.seq;
    `,
  },
  {
    version: 21,
    description: 'entity_members.mentions: each member key\'s mention count, kept by triggers, so an entity\'s documents are ranked from its own index range',
    sql: `
      -- See the SQLite twin. Statement-level triggers: a document's mentions are written in one statement, and each
      -- statement updates the counts of the keys it wrote with one grouped join.
      ALTER TABLE entity_members ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
      UPDATE entity_members em SET mentions = c.n
        FROM (SELECT entity_key, count(*)::int AS n FROM mentions WHERE entity_key IS NOT NULL GROUP BY entity_key) c
        WHERE em.candidate_key = c.entity_key;
      DROP INDEX entity_members_entity;
      CREATE INDEX entity_members_rank ON entity_members(entity_id, candidate_key, mentions);
      CREATE FUNCTION member_mentions_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        -- Only when some member has a key here: an UPDATE fires relation_ends' statement triggers even when it changes nothing.
        IF EXISTS (SELECT 1 FROM (SELECT d.collection, n.entity_key, count(*)::int AS n FROM new_rows n JOIN documents d ON d.id = n.document_id
            WHERE n.entity_key IS NOT NULL GROUP BY d.collection, n.entity_key) c JOIN entity_members em ON em.collection = c.collection AND em.candidate_key = c.entity_key) THEN
          UPDATE entity_members em SET mentions = em.mentions + c.n
            FROM (SELECT d.collection, n.entity_key, count(*)::int AS n FROM new_rows n JOIN documents d ON d.id = n.document_id
            WHERE n.entity_key IS NOT NULL GROUP BY d.collection, n.entity_key) c
            WHERE em.collection = c.collection AND em.candidate_key = c.entity_key;
        END IF;
        RETURN NULL; END $$;
      CREATE FUNCTION member_mentions_removed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        -- Only when some member has a key here: an UPDATE fires relation_ends' statement triggers even when it changes nothing.
        IF EXISTS (SELECT 1 FROM (SELECT d.collection, o.entity_key, count(*)::int AS n FROM old_rows o JOIN documents d ON d.id = o.document_id
            WHERE o.entity_key IS NOT NULL GROUP BY d.collection, o.entity_key) c JOIN entity_members em ON em.collection = c.collection AND em.candidate_key = c.entity_key) THEN
          UPDATE entity_members em SET mentions = em.mentions - c.n
            FROM (SELECT d.collection, o.entity_key, count(*)::int AS n FROM old_rows o JOIN documents d ON d.id = o.document_id
            WHERE o.entity_key IS NOT NULL GROUP BY d.collection, o.entity_key) c
            WHERE em.collection = c.collection AND em.candidate_key = c.entity_key;
        END IF;
        RETURN NULL; END $$;
      CREATE TRIGGER member_mentions_insert AFTER INSERT ON mentions REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION member_mentions_added();
      CREATE TRIGGER member_mentions_delete AFTER DELETE ON mentions REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION member_mentions_removed();
      CREATE TRIGGER member_mentions_update_1_old AFTER UPDATE ON mentions REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION member_mentions_removed();
      CREATE TRIGGER member_mentions_update_2_new AFTER UPDATE ON mentions REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION member_mentions_added();
    `,
  },
  {
    version: 22,
    description: 'relation_ends carries what choosing the strongest relations and reading edges take (type, keys, confidence, denial, collection, near-duplicate group, stage, review), in covering indexes by each end',
    sql: `
      -- See the SQLite twin. INCLUDE columns: a range of an end's index answers the choice (index-only once vacuumed).
      ALTER TABLE relation_ends ADD COLUMN type ${T}, ADD COLUMN source ${T}, ADD COLUMN target ${T}, ADD COLUMN confidence DOUBLE PRECISION,
        ADD COLUMN negated INTEGER, ADD COLUMN collection ${T}, ADD COLUMN grp ${T}, ADD COLUMN stage ${T}, ADD COLUMN reviewed INTEGER;
      UPDATE relation_ends re SET type = r.type, source = r.source, target = r.target, confidence = r.confidence, stage = r.stage,
        reviewed = CASE WHEN r.review IS NULL THEN 0 WHEN r.review LIKE '%"kept":true%' THEN 1 ELSE 2 END,
        negated = CASE WHEN r.attrs::json -> 'negated' IS NULL THEN 0 ELSE CASE json_typeof(r.attrs::json -> 'negated')
          WHEN 'null' THEN 0 WHEN 'boolean' THEN (r.attrs::json ->> 'negated')::boolean::int
          WHEN 'number' THEN ((r.attrs::json ->> 'negated')::float8 <> 0)::int WHEN 'string' THEN (r.attrs::json ->> 'negated' <> '')::int ELSE 1 END END, collection = d.collection, grp = coalesce(d.duplicate_group, d.id)
        FROM relations r JOIN documents d ON d.id = r.document_id WHERE r.id = re.relation_id;
      DROP INDEX relation_ends_source;
      DROP INDEX relation_ends_target;
      CREATE INDEX relation_ends_source ON relation_ends(source_entity, target_entity) INCLUDE (relation_id, type, confidence, negated, grp, collection, source, target);
      CREATE INDEX relation_ends_target ON relation_ends(target_entity, source_entity) INCLUDE (relation_id, type, confidence, negated, grp, collection, source, target);
      -- Relation rows written or updated (any column: the trigger is per statement): their columns with their ends.
      CREATE OR REPLACE FUNCTION relation_ends_written() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO relation_ends (relation_id, source_entity, target_entity, type, source, target, confidence, negated, collection, grp, stage, reviewed)
          SELECT n.id, ms.entity_id, mt.entity_id, n.type, n.source, n.target, n.confidence,
            CASE WHEN n.attrs::json -> 'negated' IS NULL THEN 0 ELSE CASE json_typeof(n.attrs::json -> 'negated')
          WHEN 'null' THEN 0 WHEN 'boolean' THEN (n.attrs::json ->> 'negated')::boolean::int
          WHEN 'number' THEN ((n.attrs::json ->> 'negated')::float8 <> 0)::int WHEN 'string' THEN (n.attrs::json ->> 'negated' <> '')::int ELSE 1 END END,
            d.collection, coalesce(d.duplicate_group, d.id),
            n.stage, CASE WHEN n.review IS NULL THEN 0 WHEN n.review LIKE '%"kept":true%' THEN 1 ELSE 2 END
          FROM new_rows n JOIN documents d ON d.id = n.document_id
          LEFT JOIN entity_members ms ON ms.collection = d.collection AND ms.candidate_key = n.source
          LEFT JOIN entity_members mt ON mt.collection = d.collection AND mt.candidate_key = n.target
        ON CONFLICT (relation_id) DO UPDATE SET source_entity = EXCLUDED.source_entity, target_entity = EXCLUDED.target_entity,
          type = EXCLUDED.type, source = EXCLUDED.source, target = EXCLUDED.target, confidence = EXCLUDED.confidence,
          negated = EXCLUDED.negated, collection = EXCLUDED.collection, grp = EXCLUDED.grp, stage = EXCLUDED.stage, reviewed = EXCLUDED.reviewed;
        RETURN NULL; END $$;
      -- A document joining or leaving a near-duplicate group moves its relation rows' group (rows already right are left).
      CREATE FUNCTION relation_ends_documents_moved() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE relation_ends re SET grp = coalesce(n.duplicate_group, n.id), collection = n.collection
          FROM new_rows n JOIN relations r ON r.document_id = n.id
          WHERE re.relation_id = r.id AND (re.grp IS DISTINCT FROM coalesce(n.duplicate_group, n.id) OR re.collection IS DISTINCT FROM n.collection);
        RETURN NULL; END $$;
      CREATE TRIGGER relation_ends_documents_update AFTER UPDATE ON documents REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_documents_moved();
    `,
  },
  {
    version: 23,
    description: 'entity_members.claims and .events: how many claims each member key speaks and how many events name it, kept by triggers, so an entity page probes only the keys that have some',
    sql: `
      -- See the SQLite twin. Statement-level triggers, each statement's keys counted in one grouped join.
      ALTER TABLE entity_members ADD COLUMN claims INTEGER NOT NULL DEFAULT 0, ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
      UPDATE entity_members em SET claims = c.n FROM (SELECT speaker, count(*)::int AS n FROM claims WHERE speaker IS NOT NULL GROUP BY speaker) c
        WHERE em.candidate_key = c.speaker;
      UPDATE entity_members em SET events = k.n FROM (SELECT key, count(*)::int AS n FROM event_keys GROUP BY key) k WHERE em.candidate_key = k.key;
      CREATE INDEX entity_members_claims ON entity_members(entity_id, candidate_key) WHERE claims > 0;
      CREATE INDEX entity_members_events ON entity_members(entity_id, candidate_key) WHERE events > 0;
      CREATE FUNCTION member_claims_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        -- Only when some member has a key here: an UPDATE fires relation_ends' statement triggers even when it changes nothing.
        IF EXISTS (SELECT 1 FROM (SELECT d.collection, n.speaker, count(*)::int AS n FROM new_rows n JOIN documents d ON d.id = n.document_id
            WHERE n.speaker IS NOT NULL GROUP BY d.collection, n.speaker) c JOIN entity_members em ON em.collection = c.collection AND em.candidate_key = c.speaker) THEN
          UPDATE entity_members em SET claims = em.claims + c.n
            FROM (SELECT d.collection, n.speaker, count(*)::int AS n FROM new_rows n JOIN documents d ON d.id = n.document_id
            WHERE n.speaker IS NOT NULL GROUP BY d.collection, n.speaker) c
            WHERE em.collection = c.collection AND em.candidate_key = c.speaker;
        END IF;
        RETURN NULL; END $$;
      CREATE FUNCTION member_claims_removed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        -- Only when some member has a key here: an UPDATE fires relation_ends' statement triggers even when it changes nothing.
        IF EXISTS (SELECT 1 FROM (SELECT d.collection, o.speaker, count(*)::int AS n FROM old_rows o JOIN documents d ON d.id = o.document_id
            WHERE o.speaker IS NOT NULL GROUP BY d.collection, o.speaker) c JOIN entity_members em ON em.collection = c.collection AND em.candidate_key = c.speaker) THEN
          UPDATE entity_members em SET claims = em.claims - c.n
            FROM (SELECT d.collection, o.speaker, count(*)::int AS n FROM old_rows o JOIN documents d ON d.id = o.document_id
            WHERE o.speaker IS NOT NULL GROUP BY d.collection, o.speaker) c
            WHERE em.collection = c.collection AND em.candidate_key = c.speaker;
        END IF;
        RETURN NULL; END $$;
      CREATE TRIGGER member_claims_insert AFTER INSERT ON claims REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION member_claims_added();
      CREATE TRIGGER member_claims_delete AFTER DELETE ON claims REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION member_claims_removed();
      CREATE TRIGGER member_claims_update_1_old AFTER UPDATE ON claims REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION member_claims_removed();
      CREATE TRIGGER member_claims_update_2_new AFTER UPDATE ON claims REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION member_claims_added();
      -- An event key is a candidate key of the event's own document ("<document>#..."), whose collection is the member's.
      CREATE FUNCTION member_events_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        -- Only when some member has a key here: an UPDATE fires relation_ends' statement triggers even when it changes nothing.
        IF EXISTS (SELECT 1 FROM (SELECT d.collection, n.key, count(*)::int AS n FROM new_rows n JOIN documents d ON d.id = split_part(n.key, '#', 1)
            GROUP BY d.collection, n.key) k JOIN entity_members em ON em.collection = k.collection AND em.candidate_key = k.key) THEN
          UPDATE entity_members em SET events = em.events + k.n
            FROM (SELECT d.collection, n.key, count(*)::int AS n FROM new_rows n JOIN documents d ON d.id = split_part(n.key, '#', 1)
            GROUP BY d.collection, n.key) k
            WHERE em.collection = k.collection AND em.candidate_key = k.key;
        END IF;
        RETURN NULL; END $$;
      CREATE FUNCTION member_events_removed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        -- Only when some member has a key here: an UPDATE fires relation_ends' statement triggers even when it changes nothing.
        IF EXISTS (SELECT 1 FROM (SELECT d.collection, o.key, count(*)::int AS n FROM old_rows o JOIN documents d ON d.id = split_part(o.key, '#', 1)
            GROUP BY d.collection, o.key) k JOIN entity_members em ON em.collection = k.collection AND em.candidate_key = k.key) THEN
          UPDATE entity_members em SET events = em.events - k.n
            FROM (SELECT d.collection, o.key, count(*)::int AS n FROM old_rows o JOIN documents d ON d.id = split_part(o.key, '#', 1)
            GROUP BY d.collection, o.key) k
            WHERE em.collection = k.collection AND em.candidate_key = k.key;
        END IF;
        RETURN NULL; END $$;
      CREATE TRIGGER member_events_insert AFTER INSERT ON event_keys REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION member_events_added();
      CREATE TRIGGER member_events_delete AFTER DELETE ON event_keys REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION member_events_removed();
    `,
  },
  {
    version: 24,
    description: 'relation_ends carries each row\'s document and how many evidence rows it has there and elsewhere, kept by triggers on evidence, so edges are counted without a probe of evidence per row',
    sql: `
      -- See the SQLite twin. A relation's sentences are in its own document; an analyst's may cite another (evidence_other).
      ALTER TABLE relation_ends ADD COLUMN document_id ${T}, ADD COLUMN evidence_own INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN evidence_other INTEGER NOT NULL DEFAULT 0;
      UPDATE relation_ends re SET document_id = r.document_id FROM relations r WHERE r.id = re.relation_id;
      UPDATE relation_ends re SET evidence_own = c.own, evidence_other = c.n - c.own
        FROM (SELECT e.owner_id, count(*)::int AS n, count(*) FILTER (WHERE e.document_id = x.document_id)::int AS own
          FROM evidence e JOIN relation_ends x ON x.relation_id = e.owner_id WHERE e.owner_kind = 'relation' GROUP BY e.owner_id) c
        WHERE re.relation_id = c.owner_id;
      -- Rows written or updated: as migration 22's, with the document and the evidence already stored for the row.
      CREATE OR REPLACE FUNCTION relation_ends_written() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO relation_ends (relation_id, source_entity, target_entity, type, source, target, confidence, negated, collection, grp, stage, reviewed,
            document_id, evidence_own, evidence_other)
          SELECT n.id, ms.entity_id, mt.entity_id, n.type, n.source, n.target, n.confidence,
            CASE WHEN n.attrs::json -> 'negated' IS NULL THEN 0 ELSE CASE json_typeof(n.attrs::json -> 'negated')
          WHEN 'null' THEN 0 WHEN 'boolean' THEN (n.attrs::json ->> 'negated')::boolean::int
          WHEN 'number' THEN ((n.attrs::json ->> 'negated')::float8 <> 0)::int WHEN 'string' THEN (n.attrs::json ->> 'negated' <> '')::int ELSE 1 END END,
            d.collection, coalesce(d.duplicate_group, d.id),
            n.stage, CASE WHEN n.review IS NULL THEN 0 WHEN n.review LIKE '%"kept":true%' THEN 1 ELSE 2 END,
            n.document_id, coalesce(ev.own, 0), coalesce(ev.n - ev.own, 0)
          FROM new_rows n JOIN documents d ON d.id = n.document_id
          LEFT JOIN entity_members ms ON ms.collection = d.collection AND ms.candidate_key = n.source
          LEFT JOIN entity_members mt ON mt.collection = d.collection AND mt.candidate_key = n.target
          LEFT JOIN LATERAL (SELECT count(*)::int AS n, count(*) FILTER (WHERE e.document_id = n.document_id)::int AS own
            FROM evidence e WHERE e.owner_kind = 'relation' AND e.owner_id = n.id) ev ON TRUE
        ON CONFLICT (relation_id) DO UPDATE SET source_entity = EXCLUDED.source_entity, target_entity = EXCLUDED.target_entity,
          type = EXCLUDED.type, source = EXCLUDED.source, target = EXCLUDED.target, confidence = EXCLUDED.confidence,
          negated = EXCLUDED.negated, collection = EXCLUDED.collection, grp = EXCLUDED.grp, stage = EXCLUDED.stage, reviewed = EXCLUDED.reviewed,
          document_id = EXCLUDED.document_id, evidence_own = EXCLUDED.evidence_own, evidence_other = EXCLUDED.evidence_other;
        RETURN NULL; END $$;
      -- Evidence added to or removed from relation rows: each row's counts moved by the statement's rows, one grouped update.
      CREATE FUNCTION relation_ends_evidence_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE relation_ends re SET evidence_own = re.evidence_own + c.own, evidence_other = re.evidence_other + c.n - c.own
          FROM (SELECT n.owner_id, count(*)::int AS n, count(*) FILTER (WHERE n.document_id = x.document_id)::int AS own
            FROM new_rows n JOIN relation_ends x ON x.relation_id = n.owner_id WHERE n.owner_kind = 'relation' GROUP BY n.owner_id) c
          WHERE re.relation_id = c.owner_id;
        RETURN NULL; END $$;
      CREATE FUNCTION relation_ends_evidence_removed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE relation_ends re SET evidence_own = re.evidence_own - c.own, evidence_other = re.evidence_other - (c.n - c.own)
          FROM (SELECT o.owner_id, count(*)::int AS n, count(*) FILTER (WHERE o.document_id = x.document_id)::int AS own
            FROM old_rows o JOIN relation_ends x ON x.relation_id = o.owner_id WHERE o.owner_kind = 'relation' GROUP BY o.owner_id) c
          WHERE re.relation_id = c.owner_id;
        RETURN NULL; END $$;
      CREATE TRIGGER relation_ends_evidence_insert AFTER INSERT ON evidence REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_evidence_added();
      CREATE TRIGGER relation_ends_evidence_delete AFTER DELETE ON evidence REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_evidence_removed();
      CREATE TRIGGER relation_ends_evidence_update_1_old AFTER UPDATE ON evidence REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_evidence_removed();
      CREATE TRIGGER relation_ends_evidence_update_2_new AFTER UPDATE ON evidence REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION relation_ends_evidence_added();
    `,
  },
  {
    version: 25,
    description: 'the entity list\'s order (mentions, name, id) is the rank index\'s whole key (see the SQLite twin, 26)',
    sql: `
      DROP INDEX entities_rank;
      CREATE INDEX entities_rank ON entities(mention_count DESC, name, id);
    `,
  },
];

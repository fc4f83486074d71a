/** Versioned schema migrations for the SQLite store; each runs once, in order, inside a transaction. */

/** One schema step: `version` is recorded in PRAGMA user_version once `sql` has run. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * Migration 24's statement writing the relation_ends row of relation row `new` (in a trigger on relations): migration
 * 22's columns, the row's document, and its evidence already stored there and elsewhere.
 */
const RELATION_ENDS_ROW_24 = `INSERT OR REPLACE INTO relation_ends (relation_id, source_entity, target_entity, type, source, target, confidence, negated, collection, grp, stage, reviewed, document_id, evidence_own, evidence_other)
          SELECT new.id, (SELECT entity_id FROM entity_members WHERE collection = d.collection AND candidate_key = new.source),
            (SELECT entity_id FROM entity_members WHERE collection = d.collection AND candidate_key = new.target),
            new.type, new.source, new.target, new.confidence, CASE WHEN NOT json_valid(new.attrs) THEN 0 WHEN coalesce(new.attrs ->> '$.negated', 0) IN (0, '') THEN 0 ELSE 1 END, d.collection, coalesce(d.duplicate_group, d.id),
            new.stage, CASE WHEN new.review IS NULL THEN 0 WHEN new.review LIKE '%"kept":true%' THEN 1 ELSE 2 END,
            new.document_id, (SELECT count(*) FROM evidence e WHERE e.owner_kind = 'relation' AND e.owner_id = new.id AND e.document_id = new.document_id),
            (SELECT count(*) FROM evidence e WHERE e.owner_kind = 'relation' AND e.owner_id = new.id AND e.document_id <> new.document_id)
          FROM documents d WHERE d.id = new.document_id;`;

/**
 * The relation rows of a map row's key pointed at its entity (`new`) or cleared (`old`): the body of the map-row triggers
 * of migrations 21 and 25.
 */
const MEMBER_ENDS_SET = `        UPDATE relation_ends SET source_entity = new.entity_id FROM relations r INDEXED BY relations_source
          WHERE r.source = new.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = new.collection;
        UPDATE relation_ends SET target_entity = new.entity_id FROM relations r INDEXED BY relations_target
          WHERE r.target = new.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = new.collection;`;
const MEMBER_ENDS_CLEAR = `        UPDATE relation_ends SET source_entity = NULL FROM relations r INDEXED BY relations_source
          WHERE r.source = old.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = old.collection;
        UPDATE relation_ends SET target_entity = NULL FROM relations r INDEXED BY relations_target
          WHERE r.target = old.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = old.collection;`;

/** Every migration, oldest first. Never edit a released one: add a new step. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'documents, originals, failures, full-text index, and tables for extracted facts with provenance',
    sql: `
      CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        collection TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        path TEXT NOT NULL,
        parent_id TEXT REFERENCES documents(id),
        format TEXT NOT NULL,
        mime_type TEXT,
        title TEXT,
        source TEXT,
        published TEXT,
        author TEXT,
        language TEXT,
        text TEXT NOT NULL,
        length INTEGER NOT NULL,
        sentences TEXT NOT NULL,
        pages TEXT NOT NULL DEFAULT '[]',
        meta TEXT NOT NULL DEFAULT '{}',
        warnings TEXT NOT NULL DEFAULT '[]',
        ingested_at TEXT NOT NULL,
        UNIQUE (collection, sha256)
      );
      CREATE INDEX documents_parent ON documents(parent_id);
      CREATE INDEX documents_collection ON documents(collection);

      -- Original bytes, content-addressed, kept for chain of custody.
      CREATE TABLE originals (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL
      );

      CREATE TABLE failures (
        id INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        path TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (collection, path)
      );

      -- Folded title and text; contentless, so the text is stored once (in documents).
      CREATE VIRTUAL TABLE document_fts USING fts5(
        title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
      );

      -- Which stage version last ran on which document (pending work after a crash or a model upgrade).
      CREATE TABLE stage_runs (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        version TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (document_id, stage)
      );

      CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        type TEXT NOT NULL,
        text TEXT NOT NULL,
        norm TEXT NOT NULL,
        confidence REAL,
        stage TEXT NOT NULL,
        version TEXT NOT NULL
      );
      CREATE INDEX mentions_document ON mentions(document_id, stage);
      CREATE INDEX mentions_norm ON mentions(type, norm);

      -- Resolved entities and the decisions (merge/split) users made; filled by the resolution stage.
      CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        collection TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        stage TEXT NOT NULL,
        version TEXT NOT NULL
      );
      CREATE TABLE aliases (
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (entity_id, name)
      );
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        at TEXT NOT NULL,
        by TEXT,
        note TEXT
      );

      CREATE TABLE relations (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        confidence REAL NOT NULL,
        claim_id TEXT,
        attrs TEXT NOT NULL DEFAULT '{}',
        stage TEXT NOT NULL,
        version TEXT NOT NULL
      );
      CREATE INDEX relations_document ON relations(document_id, stage);
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        date TEXT NOT NULL,
        participants TEXT NOT NULL DEFAULT '[]',
        attrs TEXT NOT NULL DEFAULT '{}',
        stage TEXT NOT NULL,
        version TEXT NOT NULL
      );
      CREATE INDEX events_document ON events(document_id, stage);
      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        speaker TEXT,
        speaker_text TEXT NOT NULL,
        text TEXT NOT NULL,
        stance TEXT NOT NULL CHECK (stance IN ('asserts', 'denies')),
        stage TEXT NOT NULL,
        version TEXT NOT NULL
      );
      CREATE INDEX claims_document ON claims(document_id, stage);
      -- Evidence spans of relations, events and claims.
      CREATE TABLE evidence (
        owner_kind TEXT NOT NULL CHECK (owner_kind IN ('relation', 'event', 'claim')),
        owner_id TEXT NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX evidence_owner ON evidence(owner_kind, owner_id);
    `,
  },
  {
    version: 2,
    description: 'entity resolution: mention keys, entity members, near-duplicate document groups',
    sql: `
      ALTER TABLE mentions ADD COLUMN entity_key TEXT;
      CREATE INDEX mentions_entity_key ON mentions(entity_key);
      ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE entities ADD COLUMN document_ids TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE entities ADD COLUMN reasons TEXT NOT NULL DEFAULT '[]';
      CREATE INDEX entities_collection ON entities(collection);
      -- Which entity each per-document candidate (mentions.entity_key) was resolved into.
      CREATE TABLE entity_members (
        collection TEXT NOT NULL,
        candidate_key TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (collection, candidate_key)
      );
      CREATE INDEX entity_members_entity ON entity_members(entity_id);
      ALTER TABLE decisions ADD COLUMN collection TEXT NOT NULL DEFAULT 'default';
      -- MinHash signature of the text, and the group of near-duplicate documents (re-reports count once).
      ALTER TABLE documents ADD COLUMN signature BLOB;
      ALTER TABLE documents ADD COLUMN duplicate_group TEXT;
    `,
  },
  {
    version: 3,
    description: 'relations by candidate key (one entity\'s relations without reading them all)',
    sql: `
      CREATE INDEX relations_source ON relations(source);
      CREATE INDEX relations_target ON relations(target);
    `,
  },
  {
    version: 4,
    description: 'stage runs that failed: status and reason, so a failing document is not retried on every ingest',
    sql: `
      ALTER TABLE stage_runs ADD COLUMN status TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'failed'));
      ALTER TABLE stage_runs ADD COLUMN error TEXT;
      CREATE INDEX stage_runs_failed ON stage_runs(status) WHERE status = 'failed';
    `,
  },
  {
    version: 5,
    description: 'reads by key: entity names indexed for search, event participants and claim speakers by candidate key',
    sql: `
      -- Entity search: every name and alias under its normalised form, its transliteration skeleton and each word start
      -- (shared/name-keys.ts). Keys are computed in JavaScript, so triggers only queue the entities whose names changed;
      -- the queue is drained by the writer (writeEntities) and, failing that, before the next search. NOT EXISTS rather
      -- than OR IGNORE: an outer upsert's conflict handling overrides a trigger's OR IGNORE, which then fails.
      CREATE TABLE entity_names (
        kind INTEGER NOT NULL,
        key TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (kind, key, entity_id)
      ) WITHOUT ROWID;
      CREATE INDEX entity_names_entity ON entity_names(entity_id);
      CREATE TABLE entity_names_pending (entity_id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TRIGGER entities_names_insert AFTER INSERT ON entities BEGIN
        INSERT INTO entity_names_pending (entity_id) SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM entity_names_pending WHERE entity_id = new.id);
      END;
      CREATE TRIGGER entities_names_update AFTER UPDATE OF name, type ON entities BEGIN
        INSERT INTO entity_names_pending (entity_id) SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM entity_names_pending WHERE entity_id = new.id);
      END;
      CREATE TRIGGER aliases_names_insert AFTER INSERT ON aliases BEGIN
        INSERT INTO entity_names_pending (entity_id) SELECT new.entity_id WHERE NOT EXISTS (SELECT 1 FROM entity_names_pending WHERE entity_id = new.entity_id);
      END;
      CREATE TRIGGER aliases_names_delete AFTER DELETE ON aliases BEGIN
        INSERT INTO entity_names_pending (entity_id) SELECT old.entity_id WHERE NOT EXISTS (SELECT 1 FROM entity_names_pending WHERE entity_id = old.entity_id);
      END;
      INSERT OR IGNORE INTO entity_names_pending (entity_id) SELECT id FROM entities;
      -- The entity list, most mentioned first, a page at a time.
      CREATE INDEX entities_rank ON entities(mention_count DESC, name);

      -- Event participants and places by candidate key, kept by triggers from the JSON columns. INSERT OR REPLACE
      -- fires no delete trigger, so the insert trigger first clears the id's earlier keys.
      CREATE TABLE event_keys (
        key TEXT NOT NULL,
        event_id TEXT NOT NULL,
        PRIMARY KEY (key, event_id)
      ) WITHOUT ROWID;
      CREATE INDEX event_keys_event ON event_keys(event_id);
      CREATE TRIGGER events_keys_insert AFTER INSERT ON events BEGIN
        DELETE FROM event_keys WHERE event_id = new.id;
        INSERT OR IGNORE INTO event_keys (key, event_id)
          SELECT value, new.id FROM json_each(CASE WHEN json_valid(new.participants) THEN new.participants ELSE '[]' END) WHERE type = 'text'
          UNION SELECT new.attrs ->> '$.place', new.id WHERE json_valid(new.attrs) AND json_type(new.attrs, '$.place') = 'text';
      END;
      CREATE TRIGGER events_keys_update AFTER UPDATE OF id, participants, attrs ON events BEGIN
        DELETE FROM event_keys WHERE event_id IN (old.id, new.id);
        INSERT OR IGNORE INTO event_keys (key, event_id)
          SELECT value, new.id FROM json_each(CASE WHEN json_valid(new.participants) THEN new.participants ELSE '[]' END) WHERE type = 'text'
          UNION SELECT new.attrs ->> '$.place', new.id WHERE json_valid(new.attrs) AND json_type(new.attrs, '$.place') = 'text';
      END;
      CREATE TRIGGER events_keys_delete AFTER DELETE ON events BEGIN
        DELETE FROM event_keys WHERE event_id = old.id;
      END;
      INSERT OR IGNORE INTO event_keys (key, event_id)
        SELECT j.value, e.id FROM events e, json_each(e.participants) j WHERE json_valid(e.participants) AND j.type = 'text'
        UNION SELECT e.attrs ->> '$.place', e.id FROM events e WHERE json_valid(e.attrs) AND json_type(e.attrs, '$.place') = 'text';
      CREATE INDEX claims_speaker ON claims(speaker);
    `,
  },
  {
    version: 6,
    description: 'incremental resolution: candidate index by group, vote name and key; dirty documents; decision status',
    sql: `
      -- Candidates as the mentions gave them, with the group resolution filed them under (see src/store/resolution.ts).
      CREATE TABLE resolve_candidates (
        collection TEXT NOT NULL,
        key TEXT NOT NULL,
        document_id TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        vote_norm TEXT NOT NULL,
        grp TEXT NOT NULL,
        PRIMARY KEY (collection, key)
      );
      CREATE INDEX resolve_candidates_group ON resolve_candidates(collection, grp, key);
      CREATE INDEX resolve_candidates_vote ON resolve_candidates(collection, vote_norm);
      CREATE INDEX resolve_candidates_document ON resolve_candidates(collection, document_id);
      CREATE TABLE resolve_groups (
        collection TEXT NOT NULL,
        grp TEXT NOT NULL,
        first_key TEXT NOT NULL,
        size INTEGER NOT NULL,
        decided INTEGER NOT NULL,
        PRIMARY KEY (collection, grp)
      );
      CREATE TABLE resolve_names (
        collection TEXT NOT NULL,
        grp TEXT NOT NULL,
        norm TEXT NOT NULL,
        first_key TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (collection, grp, norm)
      );
      CREATE TABLE resolve_keys (
        collection TEXT NOT NULL,
        key TEXT NOT NULL,
        grp TEXT NOT NULL,
        PRIMARY KEY (collection, key, grp)
      );
      CREATE INDEX resolve_keys_group ON resolve_keys(collection, grp);
      CREATE TABLE resolve_votes (
        collection TEXT NOT NULL,
        vote_norm TEXT NOT NULL,
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (collection, vote_norm, type)
      );
      -- version grows with every resolution commit: a commit computed from an older version is refused and redone.
      CREATE TABLE resolve_state (
        collection TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        algorithm TEXT NOT NULL
      );
      -- Documents whose mentions changed since resolution read them; seq tells a later change from the one read.
      CREATE TABLE resolve_dirty (
        document_id TEXT PRIMARY KEY,
        collection TEXT NOT NULL,
        seq INTEGER NOT NULL
      );
      CREATE INDEX resolve_dirty_collection ON resolve_dirty(collection, document_id);
      CREATE TRIGGER mentions_dirty_insert AFTER INSERT ON mentions WHEN NEW.entity_key IS NOT NULL BEGIN
        INSERT INTO resolve_dirty (document_id, collection, seq)
          SELECT NEW.document_id, d.collection, 1 FROM documents d WHERE d.id = NEW.document_id
          ON CONFLICT (document_id) DO UPDATE SET seq = seq + 1;
      END;
      CREATE TRIGGER mentions_dirty_delete AFTER DELETE ON mentions WHEN OLD.entity_key IS NOT NULL BEGIN
        INSERT INTO resolve_dirty (document_id, collection, seq)
          SELECT OLD.document_id, d.collection, 1 FROM documents d WHERE d.id = OLD.document_id
          ON CONFLICT (document_id) DO UPDATE SET seq = seq + 1;
      END;
      ALTER TABLE decisions ADD COLUMN status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('pending', 'applied'));
      CREATE INDEX decisions_a ON decisions(collection, a);
      CREATE INDEX decisions_b ON decisions(collection, b);
      CREATE INDEX decisions_pending ON decisions(status) WHERE status = 'pending';
    `,
  },
  {
    version: 7,
    description: 'near-duplicate groups by key: MinHash band buckets, documents by group, unsigned documents',
    sql: `
      -- Band buckets of each signed document (src/nlp/minhash.ts bandBuckets): a new document's candidate duplicates are
      -- the documents sharing a bucket, found through the primary key.
      CREATE TABLE duplicate_bands (
        collection TEXT NOT NULL,
        band INTEGER NOT NULL,
        bucket_hash INTEGER NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (collection, band, bucket_hash, document_id)
      ) WITHOUT ROWID;
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
      -- Relation, event, claim and evidence reads join each row to its document for the collection and near-duplicate group;
      -- those columns sit after the text and sentences, on overflow pages a lookup of the row walks: the index has them.
      CREATE INDEX documents_group ON documents(id, collection, duplicate_group);
      -- Document summaries (entity page, lists) likewise.
      CREATE INDEX documents_summary ON documents(id, collection, sha256, path, parent_id, format, mime_type, title, source,
        published, author, language, length, ingested_at);
    `,
  },
  {
    version: 9,
    description: 'analyst review of relations: decisions keyed by proposal, the review in force on each relation row',
    sql: `
      -- Every decision, undo included, in the order made; keyed by proposal id (src/store/shared/review-apply.ts), not by
      -- a row id, so it applies again after reprocess. No foreign key: a decision outlives its rows.
      CREATE TABLE relation_reviews (
        id INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        proposal TEXT NOT NULL,
        document_id TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected', 'edited', 'added', 'undo')),
        reason TEXT,
        edit TEXT,
        by TEXT,
        at TEXT NOT NULL,
        snapshot TEXT NOT NULL
      );
      CREATE INDEX relation_reviews_document ON relation_reviews(document_id, id);
      CREATE INDEX relation_reviews_collection ON relation_reviews(collection, id);
      -- The review in force as JSON ({"verdict", "by", "at", "kept"?}); NULL: unreviewed.
      ALTER TABLE relations ADD COLUMN review TEXT;
    `,
  },
  {
    version: 10,
    description: 'users with roles, collection grants, API tokens and sessions (digests only), append-only audit log',
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        -- scrypt$N$r$p$salt$digest (src/server/auth/passwords.ts): the parameters travel with the hash.
        password_hash TEXT NOT NULL,
        created TEXT NOT NULL
      );
      CREATE TABLE grants (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        collection TEXT NOT NULL,
        can_write INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (user_id, collection)
      );
      -- Tokens and sessions are kept as SHA-256 digests: a copy of the database opens no door.
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        digest TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        expires TEXT,
        revoked INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE sessions (
        digest TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires TEXT NOT NULL
      );
      CREATE INDEX sessions_expires ON sessions(expires);
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_name TEXT,
        address TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        details TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_user ON audit_log(user_name, id);
      CREATE INDEX audit_log_at ON audit_log(at);
      -- Append-only: rows are never changed (retention deletes the oldest; nothing else deletes).
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 11,
    description: 'protected identities: protections (numbered per collection and kind) and the candidate keys they cover',
    sql: `
      CREATE TABLE protections (
        id INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place', 'entity')),
        number INTEGER NOT NULL,
        at TEXT NOT NULL,
        by_name TEXT,
        UNIQUE (collection, kind, number)
      );
      -- Candidate keys derive from the text, so reprocess and re-resolution keep them; inactive rows keep the number.
      CREATE TABLE protected_keys (
        collection TEXT NOT NULL,
        candidate_key TEXT NOT NULL,
        protection_id INTEGER NOT NULL REFERENCES protections(id),
        active INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (collection, candidate_key)
      );
      CREATE INDEX protected_keys_active ON protected_keys(active, collection);
    `,
  },
  {
    version: 12,
    description: 'relation ends as entities (relation_ends), read by entity id instead of member keys; kept by triggers',
    sql: `
      -- Each relation row's ends as the candidate -> entity map says (its document's collection and the end's key); NULL
      -- where the map has no row (readers then use the per-name entity, as every read of the map does).
      CREATE TABLE relation_ends (
        relation_id TEXT PRIMARY KEY,
        source_entity TEXT,
        target_entity TEXT
      );
      CREATE INDEX relation_ends_source ON relation_ends(source_entity, target_entity);
      CREATE INDEX relation_ends_target ON relation_ends(target_entity, source_entity);
      INSERT INTO relation_ends (relation_id, source_entity, target_entity)
        SELECT r.id, ms.entity_id, mt.entity_id FROM relations r JOIN documents d ON d.id = r.document_id
        LEFT JOIN entity_members ms ON ms.collection = d.collection AND ms.candidate_key = r.source
        LEFT JOIN entity_members mt ON mt.collection = d.collection AND mt.candidate_key = r.target;
      -- Kept exact by every writer at once: relation rows written, replaced (same id) or deleted (also by a document's
      -- cascade), and map rows inserted, replaced, re-pointed or deleted (also by an entity's cascade). A map row's
      -- relations are found by key, then each one's document checked; UPDATE ... FROM, not IN (SELECT ...), which built
      -- a temporary table per map row. A deleted map row is handled BEFORE its deletion (it writes only relation_ends):
      -- as an AFTER trigger it cost 4x the CPU (1.8 s against 0.46 s per 10,000 map rows at 4,000 documents).
      CREATE TRIGGER relation_ends_insert AFTER INSERT ON relations BEGIN
        INSERT OR REPLACE INTO relation_ends (relation_id, source_entity, target_entity)
          SELECT new.id, (SELECT entity_id FROM entity_members WHERE collection = d.collection AND candidate_key = new.source),
            (SELECT entity_id FROM entity_members WHERE collection = d.collection AND candidate_key = new.target)
          FROM documents d WHERE d.id = new.document_id;
      END;
      CREATE TRIGGER relation_ends_update AFTER UPDATE OF id, document_id, source, target ON relations BEGIN
        DELETE FROM relation_ends WHERE relation_id = old.id;
        INSERT OR REPLACE INTO relation_ends (relation_id, source_entity, target_entity)
          SELECT new.id, (SELECT entity_id FROM entity_members WHERE collection = d.collection AND candidate_key = new.source),
            (SELECT entity_id FROM entity_members WHERE collection = d.collection AND candidate_key = new.target)
          FROM documents d WHERE d.id = new.document_id;
      END;
      CREATE TRIGGER relation_ends_delete AFTER DELETE ON relations BEGIN
        DELETE FROM relation_ends WHERE relation_id = old.id;
      END;
      CREATE TRIGGER relation_ends_member_insert AFTER INSERT ON entity_members BEGIN
        UPDATE relation_ends SET source_entity = new.entity_id FROM relations r INDEXED BY relations_source
          WHERE r.source = new.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = new.collection;
        UPDATE relation_ends SET target_entity = new.entity_id FROM relations r INDEXED BY relations_target
          WHERE r.target = new.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = new.collection;
      END;
      CREATE TRIGGER relation_ends_member_update AFTER UPDATE ON entity_members BEGIN
        UPDATE relation_ends SET source_entity = NULL FROM relations r INDEXED BY relations_source
          WHERE r.source = old.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = old.collection;
        UPDATE relation_ends SET target_entity = NULL FROM relations r INDEXED BY relations_target
          WHERE r.target = old.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = old.collection;
        UPDATE relation_ends SET source_entity = new.entity_id FROM relations r INDEXED BY relations_source
          WHERE r.source = new.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = new.collection;
        UPDATE relation_ends SET target_entity = new.entity_id FROM relations r INDEXED BY relations_target
          WHERE r.target = new.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = new.collection;
      END;
      CREATE TRIGGER relation_ends_member_delete BEFORE DELETE ON entity_members BEGIN
        UPDATE relation_ends SET source_entity = NULL FROM relations r INDEXED BY relations_source
          WHERE r.source = old.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = old.collection;
        UPDATE relation_ends SET target_entity = NULL FROM relations r INDEXED BY relations_target
          WHERE r.target = old.candidate_key AND relation_ends.relation_id = r.id
          AND (SELECT d.collection FROM documents d INDEXED BY documents_group WHERE d.id = r.document_id) = old.collection;
      END;
    `,
  },
  {
    version: 13,
    description: 'analyst review of events and claims (decisions keyed by proposal, the review in force on each row); entities added by hand',
    sql: `
      -- Every decision on an event or claim (and each entity added by hand: kind 'entity', verdict 'added'), undo included,
      -- in the order made; keyed by proposal id (src/store/shared/fact-review-apply.ts), so it applies again after reprocess.
      CREATE TABLE fact_reviews (
        id INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'claim', 'entity')),
        proposal TEXT NOT NULL,
        document_id TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected', 'added', 'undo')),
        reason TEXT,
        by TEXT,
        at TEXT NOT NULL,
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
        document_id TEXT PRIMARY KEY,
        collection TEXT NOT NULL,
        reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
        credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
        by_name TEXT,
        at TEXT NOT NULL
      );
      -- An outlet's grade: outlet is the folded documents.source (see src/network/curation/outlet.ts), per collection.
      CREATE TABLE outlet_grades (
        collection TEXT NOT NULL,
        outlet TEXT NOT NULL,
        reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
        credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
        by_name TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (collection, outlet)
      );
      CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('document', 'entity', 'relation')),
        target_id TEXT NOT NULL,
        text TEXT NOT NULL,
        by_name TEXT,
        at TEXT NOT NULL,
        edited_at TEXT
      );
      CREATE INDEX notes_target ON notes(target_kind, target_id);
      CREATE INDEX notes_collection ON notes(collection, id);
      CREATE TABLE tags (
        collection TEXT NOT NULL,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('document', 'entity', 'relation')),
        target_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        by_name TEXT,
        at TEXT NOT NULL,
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
      ALTER TABLE users ADD COLUMN last_login TEXT;
      ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
      -- One token bucket per "account:NAME" or "address:IP": guesses left as of at_ms (ms since 1970).
      CREATE TABLE login_limits (
        bucket TEXT PRIMARY KEY,
        left_count REAL NOT NULL,
        at_ms INTEGER NOT NULL
      );
      CREATE INDEX login_limits_at ON login_limits(at_ms);
      -- Wrong guesses (digests) seen lately per bucket: the same wrong password again is not a new guess.
      CREATE TABLE login_guesses (
        bucket TEXT NOT NULL,
        guess TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
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
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        selected TEXT NOT NULL,
        layout TEXT NOT NULL,
        collections TEXT NOT NULL,
        by_name TEXT,
        at TEXT NOT NULL
      );
    `,
  },
  {
    version: 17,
    description: 'evidence indexed by owner, document and start: the entity page reads the first sentences of each relation in that order',
    sql: `
      -- Replaces evidence_owner (its prefix): a window over a relation's rows reads its sentences in order, without a sort.
      CREATE INDEX evidence_owner_order ON evidence(owner_kind, owner_id, document_id, start);
      DROP INDEX evidence_owner;
    `,
  },
  {
    version: 18,
    description: 'merges in the review queue: fact_reviews kind merge, decisions kind clear (the user withdraws a merge or split); notes and tags on entities anchored to a member key',
    sql: `
      -- SQLite cannot change a CHECK in place: both tables are copied into new ones with the wider CHECK.
      CREATE TABLE fact_reviews_18 (
        id INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'claim', 'entity', 'merge')),
        proposal TEXT NOT NULL,
        document_id TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected', 'added', 'undo')),
        reason TEXT,
        by TEXT,
        at TEXT NOT NULL,
        snapshot TEXT NOT NULL
      );
      INSERT INTO fact_reviews_18 (id, collection, kind, proposal, document_id, verdict, reason, by, at, snapshot)
        SELECT id, collection, kind, proposal, document_id, verdict, reason, by, at, snapshot FROM fact_reviews;
      DROP TABLE fact_reviews;
      ALTER TABLE fact_reviews_18 RENAME TO fact_reviews;
      CREATE INDEX fact_reviews_document ON fact_reviews(document_id, id);
      CREATE INDEX fact_reviews_collection ON fact_reviews(collection, id);
      CREATE TABLE decisions_18 (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'clear')),
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        at TEXT NOT NULL,
        by TEXT,
        note TEXT,
        collection TEXT NOT NULL DEFAULT 'default',
        status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('pending', 'applied'))
      );
      INSERT INTO decisions_18 (id, kind, a, b, at, by, note, collection, status)
        SELECT id, kind, a, b, at, by, note, collection, status FROM decisions;
      DROP TABLE decisions;
      ALTER TABLE decisions_18 RENAME TO decisions;
      CREATE INDEX decisions_a ON decisions(collection, a);
      CREATE INDEX decisions_b ON decisions(collection, b);
      CREATE INDEX decisions_pending ON decisions(status) WHERE status = 'pending';
      -- Notes and tags on an entity follow it through merges and splits: anchored to the entity's lowest member key when
      -- written, read under the entity that holds that key now (src/store/shared/curation-store.ts).
      ALTER TABLE notes ADD COLUMN anchor TEXT;
      ALTER TABLE tags ADD COLUMN anchor TEXT;
      UPDATE notes SET anchor = (SELECT min(candidate_key) FROM entity_members m WHERE m.entity_id = notes.target_id) WHERE target_kind = 'entity';
      UPDATE tags SET anchor = (SELECT min(candidate_key) FROM entity_members m WHERE m.entity_id = tags.target_id) WHERE target_kind = 'entity';
    `,
  },
  {
    version: 19,
    description: 'note search by key: the folded words of each note (note_words), refreshed from a queue that triggers fill',
    sql: `
      -- Each note's folded index words with their positions (indexWords: computed in JavaScript, so triggers only queue
      -- the notes written or edited; the search drains the queue before it reads). A search reads the notes holding its
      -- words through the primary key, never every note of the scope.
      CREATE TABLE note_words (
        word TEXT NOT NULL,
        note_id INTEGER NOT NULL,
        pos INTEGER NOT NULL,
        PRIMARY KEY (word, note_id, pos)
      ) WITHOUT ROWID;
      CREATE INDEX note_words_note ON note_words(note_id);
      CREATE TABLE note_words_pending (note_id INTEGER PRIMARY KEY);
      -- NOT EXISTS rather than OR IGNORE (see entity_names_pending).
      CREATE TRIGGER notes_words_insert AFTER INSERT ON notes BEGIN
        INSERT INTO note_words_pending (note_id) SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM note_words_pending WHERE note_id = new.id);
      END;
      CREATE TRIGGER notes_words_update AFTER UPDATE OF text ON notes BEGIN
        INSERT INTO note_words_pending (note_id) SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM note_words_pending WHERE note_id = new.id);
      END;
      CREATE TRIGGER notes_words_delete AFTER DELETE ON notes BEGIN
        DELETE FROM note_words WHERE note_id = old.id;
        DELETE FROM note_words_pending WHERE note_id = old.id;
      END;
      INSERT INTO note_words_pending (note_id) SELECT id FROM notes;
    `,
  },
  {
    version: 20,
    description: 'document_locations: every place a document was found (a root path, or a member of a parent under a path)',
    sql: `
      -- A document is its content (UNIQUE (collection, sha256)): the same bytes at two paths, two identical sheets of a
      -- workbook or one attachment in two e-mails are one document, stored and processed once. Each place it was found
      -- is a row here: parent_id NULL for a root file, else the container, with the member's path and name there.
      CREATE TABLE document_locations (
        id INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        name TEXT,
        first_seen TEXT NOT NULL
      );
      -- NULL parents are distinct in a UNIQUE constraint: the key reads a root's parent as ''. Also the index by document.
      CREATE UNIQUE INDEX document_locations_place ON document_locations(document_id, coalesce(parent_id, ''), path);
      CREATE INDEX document_locations_parent ON document_locations(parent_id, path, document_id);
      INSERT INTO document_locations (collection, document_id, parent_id, path, name, first_seen)
        SELECT d.collection, d.id, d.parent_id, d.path,
          CASE WHEN p.path IS NULL OR substr(d.path, 1, length(p.path)) <> p.path THEN NULL
            WHEN substr(d.path, length(p.path) + 1, 2) = '!/' THEN substr(d.path, length(p.path) + 3)
            WHEN substr(d.path, length(p.path) + 1, 1) = '#' THEN substr(d.path, length(p.path) + 2)
            ELSE NULL END,
          d.ingested_at
        FROM documents d LEFT JOIN documents p ON p.id = d.parent_id ORDER BY d.rowid;
    `,
  },
  {
    version: 21,
    description: 'entity_members.mentions: each member key\'s mention count, kept by triggers, so an entity\'s documents are ranked from its own index range',
    sql: `
      -- How many mentions carry each member key (mentions.entity_key). An entity page ranks its documents by the mentions
      -- of its member keys: read from the (entity_id, candidate_key, mentions) index, one range per entity, where counting
      -- the mentions index cost a probe per key, scattered over the file (3,000-5,400 keys for a hub at 20,000 documents).
      ALTER TABLE entity_members ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
      UPDATE entity_members SET mentions = (SELECT count(*) FROM mentions x WHERE x.entity_key = entity_members.candidate_key);
      DROP INDEX entity_members_entity;
      CREATE INDEX entity_members_rank ON entity_members(entity_id, candidate_key, mentions);
      -- Kept by every writer of mentions (a document's facts written or replaced, a name added by hand, a cascade). A map
      -- row written later counts the mentions it finds (resolution-commit.ts, entities.ts).
      CREATE TRIGGER member_mentions_insert AFTER INSERT ON mentions WHEN new.entity_key IS NOT NULL BEGIN
        UPDATE entity_members SET mentions = mentions + 1
          WHERE collection = (SELECT collection FROM documents WHERE id = new.document_id) AND candidate_key = new.entity_key;
      END;
      CREATE TRIGGER member_mentions_delete BEFORE DELETE ON mentions WHEN old.entity_key IS NOT NULL BEGIN
        UPDATE entity_members SET mentions = mentions - 1
          WHERE collection = (SELECT collection FROM documents WHERE id = old.document_id) AND candidate_key = old.entity_key;
      END;
      CREATE TRIGGER member_mentions_update AFTER UPDATE OF entity_key, document_id ON mentions BEGIN
        UPDATE entity_members SET mentions = mentions - 1
          WHERE collection = (SELECT collection FROM documents WHERE id = old.document_id) AND candidate_key = old.entity_key;
        UPDATE entity_members SET mentions = mentions + 1
          WHERE collection = (SELECT collection FROM documents WHERE id = new.document_id) AND candidate_key = new.entity_key;
      END;
      -- A count changing is no move of the key: relation_ends follow only the columns that map a key to an entity.
      DROP TRIGGER relation_ends_member_update;
      CREATE TRIGGER relation_ends_member_update AFTER UPDATE OF collection, candidate_key, entity_id ON entity_members BEGIN
${MEMBER_ENDS_CLEAR}
${MEMBER_ENDS_SET}
      END;
    `,
  },
  {
    version: 22,
    description: 'relation_ends carries what choosing the strongest relations and reading edges take (type, keys, confidence, denial, collection, near-duplicate group, stage, review), in covering indexes by each end',
    sql: `
      -- An entity's relation rows as the choice of the strongest reads them, from one range of an index by each end: a
      -- hub's neighbourhood read 17,000 rows through relation_ends, relations and documents (a probe in each per row).
      ALTER TABLE relation_ends ADD COLUMN type TEXT;
      ALTER TABLE relation_ends ADD COLUMN source TEXT;
      ALTER TABLE relation_ends ADD COLUMN target TEXT;
      ALTER TABLE relation_ends ADD COLUMN confidence REAL;
      ALTER TABLE relation_ends ADD COLUMN negated INTEGER;
      ALTER TABLE relation_ends ADD COLUMN collection TEXT;
      ALTER TABLE relation_ends ADD COLUMN grp TEXT;
      ALTER TABLE relation_ends ADD COLUMN stage TEXT;
      -- The review as edges weigh it: 0 unreviewed, 1 kept (accepted, no longer proposed), 2 accepted (REVIEW_LEVEL, shared/edges.ts).
      ALTER TABLE relation_ends ADD COLUMN reviewed INTEGER;
      UPDATE relation_ends SET type = r.type, source = r.source, target = r.target, confidence = r.confidence, stage = r.stage,
        reviewed = CASE WHEN r.review IS NULL THEN 0 WHEN r.review LIKE '%"kept":true%' THEN 1 ELSE 2 END,
        negated = CASE WHEN NOT json_valid(r.attrs) THEN 0 WHEN coalesce(r.attrs ->> '$.negated', 0) IN (0, '') THEN 0 ELSE 1 END, collection = d.collection, grp = coalesce(d.duplicate_group, d.id)
        FROM relations r JOIN documents d ON d.id = r.document_id WHERE r.id = relation_ends.relation_id;
      DROP INDEX relation_ends_source;
      DROP INDEX relation_ends_target;
      CREATE INDEX relation_ends_source ON relation_ends(source_entity, target_entity, relation_id, type, confidence, negated, grp, collection, source, target);
      CREATE INDEX relation_ends_target ON relation_ends(target_entity, source_entity, relation_id, type, confidence, negated, grp, collection, source, target);
      -- The row's own columns, written with it (negated as JavaScript's truthiness of attrs.negated, as mergeRelations reads it;
      -- attributes that are not JSON, which no writer makes, are written and fail where they are read, as before).
      DROP TRIGGER relation_ends_insert;
      CREATE TRIGGER relation_ends_insert AFTER INSERT ON relations BEGIN
        INSERT OR REPLACE INTO relation_ends (relation_id, source_entity, target_entity, type, source, target, confidence, negated, collection, grp, stage, reviewed)
          SELECT new.id, (SELECT entity_id FROM entity_members WHERE collection = d.collection AND candidate_key = new.source),
            (SELECT entity_id FROM entity_members WHERE collection = d.collection AND candidate_key = new.target),
            new.type, new.source, new.target, new.confidence, CASE WHEN NOT json_valid(new.attrs) THEN 0 WHEN coalesce(new.attrs ->> '$.negated', 0) IN (0, '') THEN 0 ELSE 1 END, d.collection, coalesce(d.duplicate_group, d.id),
            new.stage, CASE WHEN new.review IS NULL THEN 0 WHEN new.review LIKE '%"kept":true%' THEN 1 ELSE 2 END
          FROM documents d WHERE d.id = new.document_id;
      END;
      DROP TRIGGER relation_ends_update;
      CREATE TRIGGER relation_ends_update AFTER UPDATE OF id, document_id, source, target, type, confidence, attrs, stage, review ON relations BEGIN
        DELETE FROM relation_ends WHERE relation_id = old.id;
        INSERT OR REPLACE INTO relation_ends (relation_id, source_entity, target_entity, type, source, target, confidence, negated, collection, grp, stage, reviewed)
          SELECT new.id, (SELECT entity_id FROM entity_members WHERE collection = d.collection AND candidate_key = new.source),
            (SELECT entity_id FROM entity_members WHERE collection = d.collection AND candidate_key = new.target),
            new.type, new.source, new.target, new.confidence, CASE WHEN NOT json_valid(new.attrs) THEN 0 WHEN coalesce(new.attrs ->> '$.negated', 0) IN (0, '') THEN 0 ELSE 1 END, d.collection, coalesce(d.duplicate_group, d.id),
            new.stage, CASE WHEN new.review IS NULL THEN 0 WHEN new.review LIKE '%"kept":true%' THEN 1 ELSE 2 END
          FROM documents d WHERE d.id = new.document_id;
      END;
      -- A document joining or leaving a near-duplicate group moves its relation rows' group.
      CREATE TRIGGER relation_ends_document_group AFTER UPDATE OF duplicate_group, collection ON documents BEGIN
        UPDATE relation_ends SET grp = coalesce(new.duplicate_group, new.id), collection = new.collection
          WHERE relation_id IN (SELECT id FROM relations INDEXED BY relations_document WHERE document_id = new.id);
      END;
    `,
  },
  {
    version: 23,
    description: 'entity_members.claims and .events: how many claims each member key speaks and how many events name it, kept by triggers, so an entity page probes only the keys that have some',
    sql: `
      -- An entity page read its events and claims with a probe per member key (5,000 for a hub at 20,000 documents, most
      -- finding nothing); partial indexes list the keys that have any.
      ALTER TABLE entity_members ADD COLUMN claims INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE entity_members ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
      UPDATE entity_members SET claims = (SELECT count(*) FROM claims c WHERE c.speaker = entity_members.candidate_key),
        events = (SELECT count(*) FROM event_keys k WHERE k.key = entity_members.candidate_key);
      CREATE INDEX entity_members_claims ON entity_members(entity_id, candidate_key) WHERE claims > 0;
      CREATE INDEX entity_members_events ON entity_members(entity_id, candidate_key) WHERE events > 0;
      CREATE TRIGGER member_claims_insert AFTER INSERT ON claims WHEN new.speaker IS NOT NULL BEGIN
        UPDATE entity_members SET claims = claims + 1
          WHERE collection = (SELECT collection FROM documents WHERE id = new.document_id) AND candidate_key = new.speaker;
      END;
      CREATE TRIGGER member_claims_delete BEFORE DELETE ON claims WHEN old.speaker IS NOT NULL BEGIN
        UPDATE entity_members SET claims = claims - 1
          WHERE collection = (SELECT collection FROM documents WHERE id = old.document_id) AND candidate_key = old.speaker;
      END;
      CREATE TRIGGER member_claims_update AFTER UPDATE OF speaker, document_id ON claims BEGIN
        UPDATE entity_members SET claims = claims - 1
          WHERE collection = (SELECT collection FROM documents WHERE id = old.document_id) AND candidate_key = old.speaker;
        UPDATE entity_members SET claims = claims + 1
          WHERE collection = (SELECT collection FROM documents WHERE id = new.document_id) AND candidate_key = new.speaker;
      END;
      -- An event key is a candidate key of the event's own document ("<document>#..."), whose collection is the member's.
      CREATE TRIGGER member_events_insert AFTER INSERT ON event_keys BEGIN
        UPDATE entity_members SET events = events + 1
          WHERE collection = (SELECT collection FROM documents WHERE id = substr(new.key, 1, instr(new.key, '#') - 1)) AND candidate_key = new.key;
      END;
      CREATE TRIGGER member_events_delete AFTER DELETE ON event_keys BEGIN
        UPDATE entity_members SET events = events - 1
          WHERE collection = (SELECT collection FROM documents WHERE id = substr(old.key, 1, instr(old.key, '#') - 1)) AND candidate_key = old.key;
      END;
    `,
  },
  {
    version: 24,
    description: 'relation_ends carries each row\'s document and how many evidence rows it has there and elsewhere, kept by triggers on evidence, so edges are counted without a probe of evidence per row',
    sql: `
      -- The edges among a hub's neighbours counted each row's evidence with a probe of evidence per row (5,684 rows among
      -- 95 nodes at 20,000 documents). A relation's sentences are in its own document; an analyst's may cite another
      -- (evidence_other): reads count those rows' evidence as before, the others from these columns.
      ALTER TABLE relation_ends ADD COLUMN document_id TEXT;
      ALTER TABLE relation_ends ADD COLUMN evidence_own INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE relation_ends ADD COLUMN evidence_other INTEGER NOT NULL DEFAULT 0;
      UPDATE relation_ends SET document_id = r.document_id FROM relations r WHERE r.id = relation_ends.relation_id;
      UPDATE relation_ends SET evidence_own = c.own, evidence_other = c.n - c.own
        FROM (SELECT e.owner_id, count(*) AS n, sum(e.document_id = x.document_id) AS own
          FROM evidence e JOIN relation_ends x ON x.relation_id = e.owner_id WHERE e.owner_kind = 'relation' GROUP BY e.owner_id) c
        WHERE relation_ends.relation_id = c.owner_id;
      -- Rows written or updated: as migration 22's, with the document and the evidence already stored for the row.
      DROP TRIGGER relation_ends_insert;
      CREATE TRIGGER relation_ends_insert AFTER INSERT ON relations BEGIN
        ${RELATION_ENDS_ROW_24}
      END;
      DROP TRIGGER relation_ends_update;
      CREATE TRIGGER relation_ends_update AFTER UPDATE OF id, document_id, source, target, type, confidence, attrs, stage, review ON relations BEGIN
        DELETE FROM relation_ends WHERE relation_id = old.id;
        ${RELATION_ENDS_ROW_24}
      END;
      CREATE TRIGGER relation_ends_evidence_insert AFTER INSERT ON evidence WHEN new.owner_kind = 'relation' BEGIN
        UPDATE relation_ends SET evidence_own = evidence_own + (new.document_id = document_id), evidence_other = evidence_other + (new.document_id <> document_id)
          WHERE relation_id = new.owner_id;
      END;
      CREATE TRIGGER relation_ends_evidence_delete AFTER DELETE ON evidence WHEN old.owner_kind = 'relation' BEGIN
        UPDATE relation_ends SET evidence_own = evidence_own - (old.document_id = document_id), evidence_other = evidence_other - (old.document_id <> document_id)
          WHERE relation_id = old.owner_id;
      END;
      CREATE TRIGGER relation_ends_evidence_update AFTER UPDATE OF owner_kind, owner_id, document_id ON evidence BEGIN
        UPDATE relation_ends SET evidence_own = evidence_own - (old.document_id = document_id), evidence_other = evidence_other - (old.document_id <> document_id)
          WHERE old.owner_kind = 'relation' AND relation_id = old.owner_id;
        UPDATE relation_ends SET evidence_own = evidence_own + (new.document_id = document_id), evidence_other = evidence_other + (new.document_id <> document_id)
          WHERE new.owner_kind = 'relation' AND relation_id = new.owner_id;
      END;
    `,
  },
  {
    version: 25,
    description: 'a full resolution points relation_ends at its entities in one statement: the map-row triggers stand aside while it writes the map',
    sql: `
      -- A collection listed here is having its whole candidate -> entity map rewritten by one full resolution commit
      -- (listed and unlisted inside that transaction, so no other connection ever sees a row): the per-row triggers
      -- below do nothing for it, and the commit sets both ends of the collection's relation_ends in one UPDATE at the
      -- end (src/store/shared/resolution-commit.ts). Per row they were two index probes and statements per map row,
      -- most of them finding no relation: 15.5 of 65 s of a full resolution at 20,000 documents.
      CREATE TABLE resolve_bulk (collection TEXT PRIMARY KEY) WITHOUT ROWID;
      DROP TRIGGER relation_ends_member_insert;
      CREATE TRIGGER relation_ends_member_insert AFTER INSERT ON entity_members
        WHEN NOT EXISTS (SELECT 1 FROM resolve_bulk WHERE collection = new.collection) BEGIN
${MEMBER_ENDS_SET}
      END;
      DROP TRIGGER relation_ends_member_update;
      CREATE TRIGGER relation_ends_member_update AFTER UPDATE OF collection, candidate_key, entity_id ON entity_members
        WHEN NOT EXISTS (SELECT 1 FROM resolve_bulk WHERE collection IN (old.collection, new.collection)) BEGIN
${MEMBER_ENDS_CLEAR}
${MEMBER_ENDS_SET}
      END;
      DROP TRIGGER relation_ends_member_delete;
      CREATE TRIGGER relation_ends_member_delete BEFORE DELETE ON entity_members
        WHEN NOT EXISTS (SELECT 1 FROM resolve_bulk WHERE collection = old.collection) BEGIN
${MEMBER_ENDS_CLEAR}
      END;
    `,
  },
  {
    version: 26,
    description: 'the entity list\'s order (mentions, name, id) is the rank index\'s whole key, so a page of it stops after its rows',
    sql: `
      -- Without the id in the index, a page with LIMIT and OFFSET bound as parameters sorted every entity on its tie
      -- breaker (a temp b-tree for the right part of the ORDER BY): 30-60 ms for the first 50 of 31,601 entities at
      -- 20,000 documents, against 3 ms read in index order.
      DROP INDEX entities_rank;
      CREATE INDEX entities_rank ON entities(mention_count DESC, name, id);
    `,
  },
];

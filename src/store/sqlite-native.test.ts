import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepingStatements, keptStatements } from './sqlite-native.js';

describe('keepingStatements', () => {
  let database: BetterSqlite3.Database;
  beforeEach(() => {
    database = new BetterSqlite3(':memory:');
    database.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b'), ('c')");
  });
  afterEach(() => database.close());

  it('prepares a query once and runs the kept statement again, with new parameters', () => {
    const kept = keepingStatements(database);
    const first = kept.prepare('select name from t where id = ?');
    const second = kept.prepare('select name from t where id = ?');
    expect(second).toBe(first);
    expect(first.all([1])).toEqual([{ name: 'a' }]);
    expect(second.all([3])).toEqual([{ name: 'c' }]);
  });

  it('prepares afresh a query whose kept statement is still being read, and both read their own rows', () => {
    const kept = keepingStatements(database);
    const reading = kept.prepare('select name from t where id >= ? order by id');
    const rows = reading.iterate([1]);
    expect(rows.next().value).toEqual({ name: 'a' });
    const again = kept.prepare('select name from t where id >= ? order by id');
    expect(again).not.toBe(reading);
    expect(again.all([2])).toEqual([{ name: 'b' }, { name: 'c' }]);
    expect([...rows]).toEqual([{ name: 'b' }, { name: 'c' }]);
  });

  it('keeps only the most recently used statements', () => {
    const kept = keepingStatements(database);
    const oldest = kept.prepare('select 0 as n');
    const used = kept.prepare('select 1 as n');
    for (let n = 2; n <= keptStatements; n++) kept.prepare(`select ${n} as n`);
    // Used again, `select 1` is the most recent; one more query pushes out `select 0`, the least recent.
    expect(kept.prepare('select 1 as n')).toBe(used);
    kept.prepare(`select ${keptStatements + 1} as n`);
    expect(kept.prepare('select 1 as n')).toBe(used);
    expect(kept.prepare('select 0 as n')).not.toBe(oldest);
  });
});

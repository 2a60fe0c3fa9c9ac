namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// The shape and amount of data of a database at one moment: per table its row count, per column its type, how many
/// values are not NULL and how long they are in all. Aggregates only: no row's values leave the database.
/// </summary>
/// <param name="Tables">Every user table, by schema and name.</param>
public sealed record CatalogSnapshot(IReadOnlyList<TableSnapshot> Tables)
{
    /// <summary>All rows of all tables.</summary>
    public long TotalRows => Tables.Sum(table => table.Rows);
}

/// <summary>One table in a <see cref="CatalogSnapshot"/>.</summary>
/// <param name="Oid">PostgreSQL's id of the table: it survives a rename, so a renamed table is not taken for a dropped one.</param>
/// <param name="Schema">The schema.</param>
/// <param name="Name">The table name.</param>
/// <param name="Rows">Its row count.</param>
/// <param name="Columns">Its columns, in column order.</param>
public sealed record TableSnapshot(uint Oid, string Schema, string Name, long Rows, IReadOnlyList<ColumnSnapshot> Columns)
{
    /// <summary><c>orders</c> in the public schema, <c>sales.orders</c> elsewhere.</summary>
    public string DisplayName => Schema == "public" ? Name : $"{Schema}.{Name}";
}

/// <summary>One column in a <see cref="TableSnapshot"/>.</summary>
/// <param name="Number">PostgreSQL's column number: it survives a rename and a type change.</param>
/// <param name="Name">The column name.</param>
/// <param name="Type">The type as PostgreSQL writes it (<c>character varying(200)</c>, <c>numeric(10,2)</c>).</param>
/// <param name="Values">How many rows hold a value (not NULL).</param>
/// <param name="Length">The length of all values as text, added up: it falls when values are truncated or blanked.</param>
public sealed record ColumnSnapshot(int Number, string Name, string Type, long Values, long Length);

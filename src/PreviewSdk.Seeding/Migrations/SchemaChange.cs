namespace PreviewSdk.Seeding.Migrations;

/// <summary>What a migration changed in the tables, as the check reports it.</summary>
/// <param name="Migration">The migration's id.</param>
/// <param name="Kind">What kind of change.</param>
/// <param name="Target">The table (<c>orders</c>) or column (<c>orders.total</c>).</param>
/// <param name="Detail">The old and new name or type, or how much data it held; empty when there is nothing to add.</param>
public sealed record SchemaChange(string Migration, SchemaChangeKind Kind, string Target, string Detail)
{
    /// <summary>One line for the report: <c>dropped column products.legacy_code (empty)</c>.</summary>
    public override string ToString()
    {
        var what = Kind switch
        {
            SchemaChangeKind.AddedTable => "added table",
            SchemaChangeKind.AddedColumn => "added column",
            SchemaChangeKind.RenamedTable => "renamed table",
            SchemaChangeKind.RenamedColumn => "renamed column",
            SchemaChangeKind.RetypedColumn => "retyped column",
            SchemaChangeKind.DroppedTable => "dropped table",
            _ => "dropped column",
        };
        return Detail.Length == 0 ? $"{what} {Target}" : $"{what} {Target} ({Detail})";
    }
}

/// <summary>The kinds of <see cref="SchemaChange"/>.</summary>
public enum SchemaChangeKind
{
    /// <summary>A new table.</summary>
    AddedTable,

    /// <summary>A new column.</summary>
    AddedColumn,

    /// <summary>A table under a new name (the same PostgreSQL table).</summary>
    RenamedTable,

    /// <summary>A column under a new name (the same PostgreSQL column).</summary>
    RenamedColumn,

    /// <summary>A column with a new type.</summary>
    RetypedColumn,

    /// <summary>A table that is gone.</summary>
    DroppedTable,

    /// <summary>A column that is gone.</summary>
    DroppedColumn,
}

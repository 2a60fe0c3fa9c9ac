namespace PreviewSdk.Seeding.Schema;

/// <summary>Quoting of SQL identifiers.</summary>
public static class SqlNames
{
    /// <summary>The identifier in double quotes, with embedded quotes doubled: always safe in SQL text.</summary>
    /// <param name="identifier">A table, column, schema or type name.</param>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

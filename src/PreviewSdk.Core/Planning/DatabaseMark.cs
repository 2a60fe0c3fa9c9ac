namespace PreviewSdk.Core.Planning;

/// <summary>
/// The comment that marks a database as an environment's own (<c>COMMENT ON DATABASE … IS
/// 'previewsdk:environment=&lt;id&gt;'</c>): set by whoever creates the database (the local hosting layer, the
/// Kubernetes target's PostgreSQL init script), asked for by the seeder's guard before it writes a row.
/// </summary>
public static class DatabaseMark
{
    /// <summary>The start of the comment; the environment id follows.</summary>
    public const string Prefix = "previewsdk:environment=";
}

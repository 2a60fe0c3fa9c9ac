namespace PreviewSdk.Seeding.Runs;

/// <summary>What a seeding does with rows the app wrote itself into the tables it fills (preview.yaml's <c>existing:</c>).</summary>
public enum ExistingRows
{
    /// <summary>Refuse: the tables must be empty (PREVIEW4104 in an environment; PREVIEW4043 for callers without a policy).</summary>
    Fail,

    /// <summary>Empty the tables and seed them (the environment's default): the environment's data comes from preview.yaml.</summary>
    Replace,

    /// <summary>Keep the app's rows and seed nothing in that database (PREVIEW4103).</summary>
    Keep,
}

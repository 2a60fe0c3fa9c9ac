using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Inputs;

/// <summary>
/// What <see cref="InputFile.Read"/> found: the text, or why there is none. A missing or unreadable file is left to
/// the caller to word (each kind of input has its own code for it, such as PREVIEW1001 for preview.yaml); a file
/// that is there but must not be read comes with its diagnostic (PREVIEW1060–1062).
/// </summary>
public sealed record InputFileContent
{
    private InputFileContent(string path) => Path = path;

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The text, when the file was read.</summary>
    public string? Text { get; private init; }

    /// <summary>True when nothing is at the path (or a folder on the way is missing).</summary>
    public bool IsMissing { get; private init; }

    /// <summary>The operating system's reason when the file is there but could not be opened or read (permissions), else null.</summary>
    public string? UnreadableReason { get; private init; }

    /// <summary>The coded reason the file was refused (not a regular file, too large, not UTF-8), else null.</summary>
    public PreviewDiagnostic? Refusal { get; private init; }

    internal static InputFileContent Read(string path, string text) => new(path) { Text = text };

    internal static InputFileContent Missing(string path) => new(path) { IsMissing = true };

    internal static InputFileContent Unreadable(string path, string reason) => new(path) { UnreadableReason = reason };

    internal static InputFileContent Refused(PreviewDiagnostic refusal) => new(refusal.File) { Refusal = refusal };
}

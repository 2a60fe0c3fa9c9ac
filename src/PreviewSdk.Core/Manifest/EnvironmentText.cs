using System.Globalization;
using System.Text;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// Which text a process environment can carry: everything but NUL (it ends a variable in the environment block)
/// and lone UTF-16 surrogates (the block is UTF-8 bytes, which cannot encode one, so it would arrive as U+FFFD).
/// </summary>
public static class EnvironmentText
{
    /// <summary>The index of the first character no environment can carry, or -1 when there is none.</summary>
    /// <param name="text">A variable's name or value.</param>
    public static int IndexOfUncarried(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\0' || (char.IsSurrogate(text[i]) && !Rune.TryGetRuneAt(text, i, out _)))
            {
                return i;
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>Reports <see cref="DiagnosticCodes.CharacterNotInEnvironment"/> when <paramref name="text"/> holds such a character; true when it holds none.</summary>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="text">The name or value.</param>
    /// <param name="location">Where it is written.</param>
    /// <param name="keyPath">Its key path, for the message.</param>
    public static bool Report(DiagnosticBag diagnostics, string text, SourceLocation location, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var index = IndexOfUncarried(text);
        if (index < 0)
        {
            return true;
        }

        diagnostics.Error(DiagnosticCodes.CharacterNotInEnvironment, location, keyPath,
            ((int)text[index]).ToString("X4", CultureInfo.InvariantCulture), index + 1);
        return false;
    }
}

using System.Security.Cryptography;

namespace PreviewSdk.Core.Sharing;

/// <summary>
/// The environment's access token in its state folder: 256 bits from the cryptographic random generator, in a file
/// readable and writable by its owner only (0600), written through a temporary file and a rename so a reader never
/// sees half a token. The build creates it before the app host starts and <c>-t:PreviewRotateToken</c> replaces it;
/// the gateway reads it and follows the file, so a new token works (and the old one stops) at once.
/// </summary>
public static class AccessTokenFile
{
    /// <summary>The file's name in the state folder.</summary>
    public const string FileName = Environments.StateFiles.AccessToken;

    private const int TokenBytes = 32;

    /// <summary>The file's path in <paramref name="stateDirectory"/>.</summary>
    public static string PathIn(string stateDirectory) => Path.Combine(stateDirectory, FileName);

    /// <summary>A new token: 32 random bytes, URL-safe base64 without padding (43 characters).</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Writes a new token into <paramref name="stateDirectory"/>, replacing any earlier one, and returns it.</summary>
    public static string Issue(string stateDirectory)
    {
        var token = NewToken();
        Environments.StateJson.WritePrivateText(PathIn(stateDirectory), token);
        return token;
    }

    /// <summary>The token in <paramref name="stateDirectory"/>, or null when there is none (or it is empty).</summary>
    public static string? Read(string stateDirectory)
    {
        try
        {
            var text = File.ReadAllText(PathIn(stateDirectory)).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The token in <paramref name="stateDirectory"/>, issuing one when there is none (an app host started by F5).</summary>
    public static string ReadOrIssue(string stateDirectory) => Read(stateDirectory) ?? Issue(stateDirectory);

    /// <summary>Removes the token (an environment started with <c>PreviewAuth=none</c> has none).</summary>
    public static void Delete(string stateDirectory) => File.Delete(PathIn(stateDirectory));
}

using System.Security.Cryptography;
using System.Text;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Gateway.Access;

/// <summary>
/// The environment's current access token, as the gateway checks it: read from the token file and read again as
/// soon as the file changes (<c>-t:PreviewRotateToken</c>), so the old token and every cookie derived from it stop
/// working at once. Every comparison takes the same time whatever the candidate is.
/// </summary>
/// <remarks>
/// A watcher on the file reacts within milliseconds; a check of the file's time stamp every second backs it up
/// where file notifications are lost (network file systems, a full inotify queue).
/// </remarks>
public sealed class AccessTokenStore : IDisposable
{
    private const string CookiePurpose = "previewsdk-access-cookie-v1:";
    private readonly string stateDirectory;
    private readonly string cookieScope;
    private readonly FileSystemWatcher? watcher;
    private readonly Timer? poll;
    private readonly Lock reloading = new();
    private volatile Secrets? current;
    private DateTime readStamp;

    /// <summary>
    /// Follows the token file of <paramref name="stateDirectory"/>. <paramref name="cookieScope"/> (the environment's
    /// id) goes into the cookie's value, so a cookie of one environment opens no other, whatever their tokens.
    /// </summary>
    public AccessTokenStore(string stateDirectory, string cookieScope, bool watch = true)
    {
        this.stateDirectory = stateDirectory;
        this.cookieScope = cookieScope;
        Reload();
        if (!watch)
        {
            return;
        }

        watcher = new FileSystemWatcher(stateDirectory, AccessTokenFile.FileName)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, _) => Reload();
        watcher.Changed += (_, _) => Reload();
        watcher.Renamed += (_, _) => Reload();
        watcher.Deleted += (_, _) => Reload();
        watcher.EnableRaisingEvents = true;
        poll = new Timer(_ => ReloadIfChanged(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Raised after the token changed (rotated, or removed).</summary>
    public event Action? Changed;

    /// <summary>True while there is a token; without one every request is refused.</summary>
    public bool HasToken => current is not null;

    /// <summary>True when <paramref name="candidate"/> is the current token.</summary>
    public bool Matches(string? candidate) => current is { } secrets && candidate is not null && SameDigest(secrets.TokenDigest, candidate);

    /// <summary>True when <paramref name="candidate"/> is the value of a cookie issued for the current token.</summary>
    public bool MatchesCookie(string? candidate) => current is { } secrets && candidate is not null && SameDigest(secrets.CookieDigest, candidate);

    /// <summary>The cookie value for the current token (a keyed hash of it: the cookie never holds the token itself).</summary>
    public string CookieValue() => current?.CookieValue ?? throw new InvalidOperationException("There is no access token.");

    /// <summary>Reads the token file again now.</summary>
    public void Reload()
    {
        lock (reloading)
        {
            var path = AccessTokenFile.PathIn(stateDirectory);
            readStamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
            var token = AccessTokenFile.Read(stateDirectory);
            var previous = current;
            current = token is null ? null : Secrets.Of(token, cookieScope);
            if (previous?.CookieValue != current?.CookieValue)
            {
                Changed?.Invoke();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        watcher?.Dispose();
        poll?.Dispose();
    }

    private void ReloadIfChanged()
    {
        var path = AccessTokenFile.PathIn(stateDirectory);
        if ((File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue) != readStamp)
        {
            Reload();
        }
    }

    // Digests of equal length whatever the candidate's length, compared in constant time.
    private static bool SameDigest(byte[] expected, string candidate) =>
        CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));

    private sealed record Secrets(byte[] TokenDigest, string CookieValue, byte[] CookieDigest)
    {
        public static Secrets Of(string token, string scope)
        {
            var tokenBytes = Encoding.UTF8.GetBytes(token);
            var cookie = Convert.ToBase64String(HMACSHA256.HashData(tokenBytes, Encoding.UTF8.GetBytes(CookiePurpose + scope)))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return new Secrets(SHA256.HashData(tokenBytes), cookie, SHA256.HashData(Encoding.UTF8.GetBytes(cookie)));
        }
    }
}

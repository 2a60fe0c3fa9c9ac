using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Gateway.Access;

/// <summary>
/// The cookie an accepted token is traded for: HttpOnly (no script reads it), SameSite=Lax (sent when following a
/// link, not on another site's form posts), scoped to the environment's host names (its own and every
/// <c>*.&lt;env&gt;.&lt;domain&gt;</c>), Secure when people reach the gateway over https.
/// </summary>
public sealed class AccessCookie
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>The cookie of the environment at <paramref name="addresses"/>; <paramref name="scope"/> (its id) names it.</summary>
    public AccessCookie(GatewayAddresses addresses, string scope, bool secure)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        // Cookies ignore ports: two environments of one name (two apps' "main") on one domain share host names, so
        // the name carries the environment's id and neither overwrites the other's.
        Name = "preview_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];
        Domain = addresses.EnvironmentHost;
        Secure = secure;
    }

    /// <summary>The cookie's name.</summary>
    public string Name { get; }

    /// <summary>The domain it is scoped to: the environment's host and its subdomains.</summary>
    public string Domain { get; }

    /// <summary>Whether it is sent over https only.</summary>
    public bool Secure { get; }

    /// <summary>Sets the cookie with <paramref name="value"/> on <paramref name="response"/>.</summary>
    public void Append(HttpResponse response, string value, bool secure)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(Name, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Secure || secure,
            Domain = Domain,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The value of this cookie in <paramref name="request"/>, or null.</summary>
    public string? Read(HttpRequest request) => request?.Cookies[Name];
}

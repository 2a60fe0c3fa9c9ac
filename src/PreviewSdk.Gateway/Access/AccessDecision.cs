namespace PreviewSdk.Gateway.Access;

/// <summary>What the gateway does with a request, as far as authentication goes.</summary>
public enum AccessOutcome
{
    /// <summary>A valid token header or cookie (or no authentication): serve or forward it.</summary>
    Allowed,

    /// <summary>A shared link with a valid token: set the cookie and redirect to the same address without the token.</summary>
    SignIn,

    /// <summary>No token, or a wrong one: 401, and nothing reaches a service.</summary>
    Denied,
}

/// <summary>Decides on a request's credentials; the token store compares them in constant time.</summary>
public static class AccessDecision
{
    /// <summary>The header that lets automation in: <c>X-Preview-Token: &lt;token&gt;</c>.</summary>
    public const string TokenHeader = "X-Preview-Token";

    /// <summary>
    /// The outcome for a request carrying <paramref name="queryToken"/> (the shared link's parameter),
    /// <paramref name="headerToken"/> and <paramref name="cookie"/>, each null when absent. A wrong token is
    /// refused even next to a valid cookie: whoever sent it should learn it is wrong.
    /// </summary>
    public static AccessOutcome Decide(AccessTokenStore tokens, string? queryToken, string? headerToken, string? cookie)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (queryToken is not null)
        {
            return tokens.Matches(queryToken) ? AccessOutcome.SignIn : AccessOutcome.Denied;
        }

        if (headerToken is not null)
        {
            return tokens.Matches(headerToken) ? AccessOutcome.Allowed : AccessOutcome.Denied;
        }

        return tokens.MatchesCookie(cookie) ? AccessOutcome.Allowed : AccessOutcome.Denied;
    }
}

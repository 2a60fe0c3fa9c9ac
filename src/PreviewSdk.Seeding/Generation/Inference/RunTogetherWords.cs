namespace PreviewSdk.Seeding.Generation.Inference;

/// <summary>
/// Splits a lower-case word that several words were run together into, as PostgreSQL folds unquoted mixed-case
/// names (FreeRADIUS's <c>AcctStartTime</c> becomes <c>acctstarttime</c>, Bacula's <c>ClientId</c> <c>clientid</c>):
/// known words are taken off its end while what is left keeps three letters or more, so <c>acctstarttime</c> is
/// <c>acct start time</c> and <c>nasipaddress</c> is <c>nas ip address</c>. Only the words below are taken off, and
/// words that merely end like one (<c>discount</c>, <c>support</c>, <c>valid</c>) stay whole, so a name is never
/// read as something it does not say; a name the lists miss stays one word, as before.
/// </summary>
internal static class RunTogetherWords
{
    // Longest first, so "address" is taken before "dress"-like endings and "updated" before "date".
    private static readonly string[] Endings = new[]
    {
        "id", "time", "date", "name", "type", "status", "state", "start", "stop", "end", "address", "count", "user",
        "host", "group", "session", "last", "first", "write", "written", "read", "label", "job", "client", "pool",
        "file", "path", "media", "volume", "bytes", "size", "port", "email", "mail", "login", "access", "check",
        "code", "key", "level", "priority", "number", "total", "price", "amount", "value", "title", "flag", "flags",
        "mode", "version", "interval", "timeout", "index", "sent", "seen", "created", "modified", "changed",
        "deleted", "expire", "expires", "since", "until", "hash", "token", "secret", "password", "url", "prefix",
        "domain", "server", "station", "octets", "clock", "zone", "country", "phone", "street", "description",
        "comment", "enabled", "disabled", "active", "year", "month", "update", "updated",
    }.OrderByDescending(word => word.Length).ToArray();

    // One word each, although they end like one of the endings; and names the inference reads whole.
    private static readonly HashSet<string> Whole = new(StringComparer.Ordinal)
    {
        "discount", "update", "updated", "mandate", "candidate", "validate", "consolidate", "accommodate", "liquidate",
        "weekend", "backend", "frontend", "legend", "dividend", "append", "extend", "attend", "depend", "suspend",
        "intend", "offend", "defend", "descend", "ascend", "friend", "recommend", "reverend", "stipend", "restart",
        "upstart", "kickstart", "nonstop", "anytime", "overtime", "lifetime", "runtime", "daytime", "datetime",
        "maritime", "meantime", "sometime", "timestamp", "prototype", "stereotype", "archetype", "genotype",
        "phenotype", "possession", "concession", "obsession", "overwrite", "underwrite", "handwritten", "rewritten",
        "overwritten", "proofread", "profile", "sociopath", "psychopath", "telepath", "support", "passport",
        "transport", "rapport", "conversion", "subversion", "present", "consent", "represent", "dissent", "resent",
        "monkey", "turkey", "hockey", "jockey", "whiskey", "donkey", "barcode", "zipcode", "postcode", "unicode",
        "email", "gmail", "hotmail", "voicemail", "blackmail", "valid", "invalid", "unpaid", "prepaid", "postpaid",
        "avoid", "android", "hybrid", "liquid", "solid", "fluid", "rapid", "vivid", "humid", "rigid", "forbid",
        "afraid", "overlaid", "mermaid", "pyramid", "orchid", "squid", "candid", "splendid", "stupid", "druid",
        "firstname", "lastname", "username", "surname", "nickname", "filename", "ipaddress", "subtotal", "headcount",
    };

    /// <summary>Appends the words of <paramref name="word"/> (lower case) to <paramref name="words"/>, in order.</summary>
    public static void Split(string word, List<string> words)
    {
        if (word.Length < 5 || Whole.Contains(word) || !word.All(char.IsAsciiLetterLower))
        {
            words.Add(word);
            return;
        }

        var tail = new Stack<string>();
        var rest = word;
        while (!Whole.Contains(rest) && Ending(rest, tail) is { } ending)
        {
            tail.Push(ending);
            rest = rest[..^ending.Length];
        }

        words.Add(rest);
        words.AddRange(tail);
    }

    // The longest ending of 'word' that leaves three letters or more before it. "ip" only right before "address"
    // (nasipaddress): alone it ends far too many words (membership, tooltip).
    private static string? Ending(string word, Stack<string> tail)
    {
        if (tail.TryPeek(out var next) && next == "address" && word.Length >= 5 && word.EndsWith("ip", StringComparison.Ordinal))
        {
            return "ip";
        }

        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return ending;
            }
        }

        return null;
    }
}

using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Inference;

/// <summary>
/// What a number column holds. Integer columns also carry what other types would: a Unix time (Zabbix's
/// <c>clock</c>, PowerDNS's <c>modified_at</c>, Roundcube's <c>mtime</c>) gets seconds in the same window as a
/// timestamp, and a 0/1 flag (Icinga's <c>active_checks_enabled</c>, Roundcube's <c>del</c>) gets 0 or 1.
/// </summary>
internal static partial class ColumnInference
{
    // Words that make an integer a Unix time by themselves; "last"/"next" with these make it one too.
    private static readonly string[] UnixTimeWords = ["clock", "timestamp", "mtime", "ctime", "atime", "lastaccess", "lastlogin", "lastseen", "lastup", "lastdown", "epoch", "unixtime"];
    private static readonly string[] EventWords = ["check", "checked", "access", "accessed", "login", "seen", "sent", "run", "update", "updated", "modified", "activity", "contact", "poll", "sync", "notification"];
    private static readonly string[] FutureWords = ["expires", "expire", "expiry", "expiration", "due", "next", "until", "deadline"];
    private static readonly string[] FlagFirstWords = ["is", "has", "should", "can", "allow", "notify"];

    private static SemanticKind Integer(IReadOnlyList<string> words, string joined, PgTypeKind type)
    {
        if (type != PgTypeKind.Int16 && UnixTime(words) is { } moment)
        {
            return moment;
        }

        return type != PgTypeKind.Int64 && IntegerFlag(words) is var flag && flag != SemanticKind.None ? flag : Number(words, joined);
    }

    // active_checks_enabled, del, is_raw_check, notify_on_downtime: a flag word last, or a flag verb first (not
    // available_seats or active_users, which count).
    private static SemanticKind IntegerFlag(IReadOnlyList<string> words)
    {
        var last = Flag([words[^1]]);
        if (last != SemanticKind.None)
        {
            return last;
        }

        return words.Count > 1 && HasAny([words[0]], FlagFirstWords)
            ? Flag(words) is var inner && inner != SemanticKind.None ? inner : SemanticKind.MostlyTrue
            : SemanticKind.None;
    }

    // created_at, modified_at, clock, r_clock, last_check, nextcheck, disable_until, active_since.
    private static SemanticKind? UnixTime(IReadOnlyList<string> words)
    {
        var moment = (words.Count > 1 && words[^1] == "at")
            || HasAny(words, UnixTimeWords)
            || (HasAny(words, "last", "next") && HasAny(words, EventWords))
            || (words.Count > 1 && words[^1] is "until" or "since");
        if (!moment)
        {
            return null;
        }

        return HasAny(words, FutureWords) ? SemanticKind.FutureUnixTime : SemanticKind.UnixTime;
    }

    private static SemanticKind Number(IReadOnlyList<string> words, string joined)
    {
        var last = words[^1];
        if (HasAny(words, "salary", "budget", "revenue", "income", "wage", "wages", "turnover"))
        {
            return SemanticKind.LargeMoney;
        }

        if (HasAny(words, "fee", "fees", "tax", "shipping", "tip", "surcharge", "vat"))
        {
            return SemanticKind.SmallMoney;
        }

        if (HasAny(words, "price", "cost", "amount", "total", "subtotal", "balance", "payment", "charge", "value", "spend", "spent", "paid"))
        {
            return SemanticKind.Money;
        }

        if (HasAny(words, "percent", "percentage", "pct", "ratio", "rate", "discount"))
        {
            return SemanticKind.Percentage;
        }

        if (HasAny(words, "quantity", "qty", "count", "units", "stock", "inventory", "items", "seats", "guests", "copies"))
        {
            return SemanticKind.Quantity;
        }

        return last switch
        {
            "age" => SemanticKind.Age,
            "year" or "yr" => SemanticKind.Year,
            "rating" or "stars" or "score" or "grade" => SemanticKind.Rating,
            "latitude" or "lat" => SemanticKind.Latitude,
            "longitude" or "lng" or "lon" or "long" => SemanticKind.Longitude,
            "order" or "position" or "sort" or "sequence" or "seq" or "priority" or "rank" or "index" or "ordinal" => SemanticKind.Position,
            "id" or "number" or "no" or "num" when words.Count > 1 => SemanticKind.ExternalId,
            _ when joined.EndsWith("id", StringComparison.Ordinal) && joined.Length > 2 && words.Count == 1 => SemanticKind.ExternalId,
            _ => SemanticKind.None,
        };
    }
}
